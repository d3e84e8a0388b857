using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serilog;
using ShootyTui.Core.Demo;
using Xunit;

namespace ShootyTui.Tests.Support;

/// <summary>
/// A demo deployment in its own temporary folder, with fast settings for engine tests: the bot
/// writes a heartbeat every 0.2 s and shooty.toml has short stop and health timeouts. Commits
/// pushed through this fixture land on the origin; the checkout gets them only by a fetch.
/// Disposing kills every process whose working directory is inside the folder, then deletes it.
/// </summary>
/// <remarks>
/// Use it per test (<c>await using var deployment = await DeploymentFixture.CreateAsync();</c>)
/// or as a class fixture, which xunit creates and initialises through IAsyncLifetime.
/// </remarks>
public sealed class DeploymentFixture : IAsyncLifetime, IAsyncDisposable, IDisposable
{
    public static readonly DemoOptions FastOptions = new()
    {
        HeartbeatIntervalSeconds = 0.2,
        StopTimeout = TimeSpan.FromSeconds(3),
        HealthGate = TimeSpan.FromSeconds(10),
        HealthSettle = TimeSpan.FromSeconds(1),
    };

    private const int Sigkill = 9;

    private static readonly ILogger Log = Serilog.Core.Logger.None;
    private static readonly DemoAuthor TestAuthor = new("Test Pusher", "tests@shootybot.example");

    private readonly DemoOptions _options;
    private DemoDeployment? _deployment;
    private bool _disposed;

    public DeploymentFixture()
        : this(FastOptions) { }

    public DeploymentFixture(DemoOptions options)
    {
        _options = options;
        Root = Path.Combine(Path.GetTempPath(), "shooty-tests", $"deploy-{Guid.NewGuid():N}");
    }

    /// <summary>The temporary folder; the demo itself is its "demo" subfolder.</summary>
    public string Root { get; }

    public DemoDeployment Deployment =>
        _deployment
        ?? throw new InvalidOperationException(
            "The deployment is not built yet: use DeploymentFixture.CreateAsync or InitializeAsync."
        );

    public string ConfigPath => Deployment.ConfigPath;
    public string CheckoutPath => Deployment.CheckoutPath;
    public string DatabasePath => Deployment.DatabasePath;
    public string OriginPath => Deployment.OriginPath;
    public string UpstreamPath => Deployment.UpstreamPath;
    public string HeartbeatPath => Deployment.HeartbeatPath;
    public string FlagsPath => Deployment.FlagsPath;

    public static async Task<DeploymentFixture> CreateAsync(
        DemoOptions? options = null,
        CancellationToken ct = default
    )
    {
        var fixture = new DeploymentFixture(options ?? FastOptions);
        try
        {
            await fixture.BuildAsync(ct);
        }
        catch
        {
            fixture.Dispose();
            throw;
        }

        return fixture;
    }

    public Task InitializeAsync() => BuildAsync(CancellationToken.None);

    /// <summary>
    /// Commits the files on top of the newest origin commit, pushes it and returns the new tip.
    /// Paths are relative to the repository root, and a null content deletes the file.
    /// </summary>
    public Task<string> PushAsync(
        string message,
        IDictionary<string, string?> files,
        CancellationToken ct = default
    )
    {
        var commit = new DemoCommit(
            message,
            null,
            TestAuthor,
            DateTimeOffset.Now,
            new Dictionary<string, string?>(files)
        );
        return DemoRepository.PushChangeAsync(UpstreamPath, commit, Log, ct);
    }

    /// <summary>
    /// Pushes a bot_settings.json that sets each key to its value, where null writes JSON null,
    /// and returns the new tip.
    /// </summary>
    public async Task<string> PushSettingsAsync(
        IReadOnlyDictionary<string, object?> changes,
        CancellationToken ct = default
    )
    {
        await DemoRepository.PullAsync(UpstreamPath, Log, ct);
        var path = Path.Combine(UpstreamPath, "bot_settings.json");
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(path, ct))!.AsObject();
        foreach (var (key, value) in changes)
        {
            settings[key] = JsonSerializer.SerializeToNode(value);
        }

        var summary = string.Join(
            ", ",
            changes.Select(change => $"{change.Key}={JsonSerializer.Serialize(change.Value)}")
        );
        var content = settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return await PushAsync(
            $"chore: set {summary}",
            new Dictionary<string, string?> { ["bot_settings.json"] = content + "\n" },
            ct
        );
    }

    /// <summary>
    /// Pushes new values for the given knobs of bot_settings.json. Null knobs keep their value.
    /// </summary>
    public Task<string> PushBehaviourAsync(
        bool? crashAtStart = null,
        bool? heartbeat = null,
        bool? ignoreSigterm = null,
        double? exitAfterSeconds = null,
        bool? dbWrites = null,
        double? heartbeatIntervalSeconds = null,
        CancellationToken ct = default
    )
    {
        var changes = new Dictionary<string, object?>();
        AddIfSet(changes, "crash_at_start", crashAtStart);
        AddIfSet(changes, "heartbeat", heartbeat);
        AddIfSet(changes, "ignore_sigterm", ignoreSigterm);
        AddIfSet(changes, "exit_after_s", exitAfterSeconds);
        AddIfSet(changes, "db_writes", dbWrites);
        AddIfSet(changes, "heartbeat_interval_s", heartbeatIntervalSeconds);
        if (changes.Count == 0)
        {
            throw new ArgumentException("Set at least one behaviour knob to push.");
        }

        return PushSettingsAsync(changes, ct);
    }

    /// <summary>
    /// Pushes a requirements.txt that also pins a package missing from vendor/, so
    /// tools/install_deps.py exits with status 1.
    /// </summary>
    public async Task<string> PushUnvendoredRequirementAsync(
        string requirement = "confetti==2.0.0",
        CancellationToken ct = default
    )
    {
        await DemoRepository.PullAsync(UpstreamPath, Log, ct);
        var path = Path.Combine(UpstreamPath, "requirements.txt");
        var requirements = await File.ReadAllTextAsync(path, ct);
        return await PushAsync(
            $"chore(deps): add {requirement}",
            new Dictionary<string, string?>
            {
                ["requirements.txt"] = $"{requirements}{requirement}\n",
            },
            ct
        );
    }

    /// <summary>
    /// Pushes a /roll command whose handler raises ZeroDivisionError. The smoke test runs every
    /// command and fails. The running bot logs the error and stays up.
    /// </summary>
    public Task<string> PushFailingSmokeTestAsync(CancellationToken ct = default) =>
        PushAsync(
            "feat: add /roll command",
            new Dictionary<string, string?>
            {
                ["shootybot/commands/roll.py"] = """
                NAME = "/roll"


                def handle(db, player):
                    sides = 0
                    return f"{player} rolled {6 // sides}"

                """,
            },
            ct
        );

    /// <summary>
    /// Pushes the demo's broken commit, after which the bot crashes at start, and returns the tip.
    /// </summary>
    public Task<string> BreakAsync(CancellationToken ct = default) =>
        DemoBuilder.BreakAsync(Deployment.Directory, Log, ct);

    /// <summary>
    /// Runs git in <paramref name="workingDirectory"/> without the user's global configuration
    /// and returns its standard output, trimmed. Commits made this way are by the test identity.
    /// </summary>
    /// <exception cref="InvalidOperationException">git exits with a non-zero status.</exception>
    public string RunGit(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_AUTHOR_NAME"] = TestAuthor.Name;
        start.Environment["GIT_AUTHOR_EMAIL"] = TestAuthor.Email;
        start.Environment["GIT_COMMITTER_NAME"] = TestAuthor.Name;
        start.Environment["GIT_COMMITTER_EMAIL"] = TestAuthor.Email;

        using var process = Process.Start(start)!;
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"git {string.Join(' ', arguments)} failed in {workingDirectory} with exit code "
                    + $"{process.ExitCode}: {errorTask.Result.Trim()}"
            );
        }

        return output.Trim();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        KillProcessesUnder(Root);
        DeleteFolder(Root);
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    ValueTask IAsyncDisposable.DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task BuildAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        _deployment = await DemoBuilder.CreateOrOpenAsync(
            Path.Combine(Root, "demo"),
            _options,
            Log,
            ct
        );
    }

    private static void AddIfSet<T>(Dictionary<string, object?> changes, string key, T? value)
        where T : struct
    {
        if (value.HasValue)
        {
            changes[key] = value.Value;
        }
    }

    /// <summary>
    /// Sends SIGKILL to every process whose working directory is inside <paramref name="root"/>,
    /// such as a bot started by a test, and waits until they are gone.
    /// </summary>
    private static void KillProcessesUnder(string root)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        var processes = FindProcessesUnder(root);
        while (processes.Count > 0)
        {
            foreach (var pid in processes)
            {
                _ = kill(pid, Sigkill);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"Processes {string.Join(", ", processes)} still run in {root} after SIGKILL."
                );
            }

            Thread.Sleep(20);
            processes = FindProcessesUnder(root);
        }
    }

    private static List<int> FindProcessesUnder(string root)
    {
        var pids = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            string? workingDirectory;
            try
            {
                workingDirectory = new FileInfo(Path.Combine(entry, "cwd")).LinkTarget;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // Processes of other users, and processes that ended while the scan ran.
                continue;
            }

            var inside =
                workingDirectory is not null
                && (
                    workingDirectory == root
                    || workingDirectory.StartsWith(root + "/", StringComparison.Ordinal)
                );
            if (inside && !IsZombie(pid))
            {
                pids.Add(pid);
            }
        }

        return pids;
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            // The state follows the command name, which is in parentheses and may contain spaces.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is 'Z' or 'X';
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static void DeleteFolder(string folder)
    {
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < 3)
            {
                // A killed process may still have been closing files; try again shortly.
                Thread.Sleep(100);
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
