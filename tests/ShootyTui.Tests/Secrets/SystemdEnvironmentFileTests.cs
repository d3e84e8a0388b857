using System.Runtime.Versioning;
using System.Text.Json;
using ShootyTui.Core.Secrets;
using ShootyTui.Core.State;
using ShootyTui.Core.Supervision;
using ShootyTui.Tests.Demo;
using ShootyTui.Tests.Supervision;

namespace ShootyTui.Tests.Secrets;

/// <summary>
/// systemd mode with the stand-in systemctl: the unit's command sources the environment file
/// the way <c>EnvironmentFile=</c> would.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SystemdEnvironmentFileTests : IDisposable
{
    private const string Unit = "shootybot.service";

    private readonly Sandbox _sandbox = new();
    private readonly string _runtime = Path.Combine("/dev/shm", $"shooty-test-{Guid.NewGuid():N}");

    public SystemdEnvironmentFileTests()
    {
        File.Copy(Sandbox.Script("fake_systemctl.py"), Systemctl);
        File.SetUnixFileMode(Systemctl, UnixFileMode.UserRead | UnixFileMode.UserExecute);
    }

    public void Dispose()
    {
        var unitPidFile = _sandbox.Combine($"{Unit}.pid");
        if (File.Exists(unitPidFile))
        {
            _sandbox.KillOnDispose(int.Parse(File.ReadAllText(unitPidFile)));
        }

        _sandbox.Dispose();
        if (Directory.Exists(_runtime))
        {
            Directory.Delete(_runtime, recursive: true);
        }
    }

    private string Systemctl => _sandbox.Combine("systemctl");

    private string EnvironmentFile(string runtime) => Path.Combine(runtime, $"{Unit}.env");

    private string Info => _sandbox.Combine("info.json");

    private IBotSupervisor Create(string runtime)
    {
        File.WriteAllText(
            _sandbox.Combine($"{Unit}.command"),
            $"set -a; . '{EnvironmentFile(runtime)}'; set +a; "
                + $"exec {Sandbox.BotCommand($"--info '{Info}'")}"
        );
        return BotSupervisor.Create(
            new SupervisorOptions
            {
                Kind = SupervisorKind.Systemd,
                WorkingDirectory = _sandbox.Root,
                Unit = Unit,
                SystemctlPath = Systemctl,
                StopTimeout = TimeSpan.FromSeconds(2),
                LogFile = _sandbox.Combine("bot.log"),
                StateDirectory = _sandbox.StateDirectory,
                RuntimeDirectory = runtime,
            },
            _sandbox.Log
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Start_passes_variables_through_a_private_tmpfs_file()
    {
        var supervisor = Create(_runtime);
        var secrets = new Dictionary<string, string>
        {
            ["SHOOTY_TEST_TOKEN"] = "tok$en \"quoted\" `tick` back\\slash",
            ["SHOOTY_TEST_MULTI"] = "line1\nline2",
            ["SHOOTY_TEST_EMPTY"] = "",
        };

        await supervisor.StartAsync(secrets, default);
        await Poll.UntilAsync(() => File.Exists(Info), TimeSpan.FromSeconds(10), () => "bot info");

        var path = EnvironmentFile(_runtime);
        Assert.True(File.Exists(path));
        Assert.Equal(StateFiles.PrivateFileMode, File.GetUnixFileMode(path));
        Assert.Equal(StateFiles.PrivateDirectoryMode, File.GetUnixFileMode(_runtime));
        var info = JsonDocument.Parse(File.ReadAllText(Info)).RootElement.GetProperty("env");
        foreach (var (key, value) in secrets)
        {
            Assert.Equal(value, info.GetProperty(key).GetString());
        }

        await supervisor.StopAsync(default);

        Assert.False(File.Exists(path));
        Assert.DoesNotContain(_sandbox.LogSink.Messages, message =>
            message.Contains("tok$en") || message.Contains("line1")
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Start_rejects_a_runtime_folder_on_persistent_storage()
    {
        // The build output is on persistent storage, unlike /tmp on some systems.
        var persistent = Path.Combine(AppContext.BaseDirectory, $"runtime-{Guid.NewGuid():N}");
        Assert.False(SecretFiles.IsTmpfs(AppContext.BaseDirectory));
        var supervisor = Create(persistent);
        var secrets = new Dictionary<string, string> { ["SHOOTY_TEST_TOKEN"] = "secret" };

        var error = await Assert.ThrowsAsync<SupervisorException>(() =>
            supervisor.StartAsync(secrets, default)
        );

        Assert.Contains("not a tmpfs", error.Message);
        Assert.DoesNotContain("secret\"", error.Message);
        Assert.False(File.Exists(EnvironmentFile(persistent)));
        Assert.DoesNotContain("\"start\"", File.ReadAllText(_sandbox.Combine("calls.log")));
        Directory.Delete(persistent, recursive: true);
    }

    [Fact(Timeout = 60000)]
    public async Task Start_without_variables_removes_a_stale_file()
    {
        var supervisor = Create(_runtime);
        Directory.CreateDirectory(_runtime);
        File.WriteAllText(EnvironmentFile(_runtime), "SHOOTY_TEST_TOKEN=\"old\"\n");

        await supervisor.StartAsync(null, default);

        Assert.False(File.Exists(EnvironmentFile(_runtime)));
    }

    [Fact(Timeout = 60000)]
    public async Task Failed_start_removes_the_file()
    {
        var supervisor = Create(_runtime);
        File.WriteAllText(_sandbox.Combine($"{Unit}.start-fails"), "");
        var secrets = new Dictionary<string, string> { ["SHOOTY_TEST_TOKEN"] = "secret" };

        await Assert.ThrowsAsync<SupervisorException>(() =>
            supervisor.StartAsync(secrets, default)
        );

        Assert.False(File.Exists(EnvironmentFile(_runtime)));
    }
}
