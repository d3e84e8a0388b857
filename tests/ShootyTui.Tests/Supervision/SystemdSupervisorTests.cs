using System.Runtime.Versioning;
using System.Text.Json;
using ShootyTui.Core.Processes;
using ShootyTui.Core.Supervision;
using Xunit;

namespace ShootyTui.Tests.Supervision;

/// <summary>
/// systemd does not run here, so a Python stand-in for systemctl (scripts/fake_systemctl.py)
/// runs the unit's command as a detached process and records every call.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SystemdSupervisorTests : IDisposable
{
    private const string Unit = "shootybot.service";

    private readonly Sandbox _sandbox = new();

    public SystemdSupervisorTests()
    {
        File.Copy(Sandbox.Script("fake_systemctl.py"), Systemctl);
        File.SetUnixFileMode(
            Systemctl,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        );
    }

    public void Dispose()
    {
        var unitPidFile = _sandbox.Combine($"{Unit}.pid");
        if (File.Exists(unitPidFile))
        {
            _sandbox.KillOnDispose(int.Parse(File.ReadAllText(unitPidFile)));
        }

        _sandbox.Dispose();
    }

    private string Systemctl => _sandbox.Combine("systemctl");

    private string Marker => _sandbox.Combine("marker");

    private void DefineUnit(string botArguments = "") =>
        File.WriteAllText(
            _sandbox.Combine($"{Unit}.command"),
            $"exec {Sandbox.BotCommand($"--marker '{Marker}' {botArguments}")}"
        );

    private IBotSupervisor Create(bool userUnit = false, string? systemctl = null) =>
        BotSupervisor.Create(
            new SupervisorOptions
            {
                Kind = SupervisorKind.Systemd,
                WorkingDirectory = _sandbox.Root,
                Unit = Unit,
                UserUnit = userUnit,
                SystemctlPath = systemctl ?? Systemctl,
                StopTimeout = TimeSpan.FromSeconds(1),
                LogFile = _sandbox.Combine("bot.log"),
                StateDirectory = _sandbox.StateDirectory,
            },
            _sandbox.Log
        );

    private List<string[]> Calls() =>
        File.ReadAllLines(_sandbox.Combine("calls.log"))
            .Select(line => JsonSerializer.Deserialize<string[]>(line)!)
            .ToList();

    [Fact(Timeout = 60000)]
    public async Task Start_runs_systemctl_start_and_reads_main_pid()
    {
        DefineUnit();
        var supervisor = Create();
        var before = DateTimeOffset.UtcNow;

        await supervisor.StartAsync(null, default);
        var state = await supervisor.GetStateAsync(default);

        var unitPid = int.Parse(File.ReadAllText(_sandbox.Combine($"{Unit}.pid")));
        Assert.True(state.Running);
        Assert.Equal(unitPid, state.Pid);
        Assert.InRange(state.StartedAt!.Value, before.AddSeconds(-2), DateTimeOffset.UtcNow);
        Assert.Contains($"unit {Unit} is active (running), pid {unitPid}", state.Detail);
        Assert.Contains(Calls(), call => call.SequenceEqual(["start", Unit]));
    }

    [Fact(Timeout = 60000)]
    public async Task Start_twice_is_a_noop()
    {
        DefineUnit();
        var supervisor = Create();

        await supervisor.StartAsync(null, default);
        await supervisor.StartAsync(null, default);

        Assert.Single(Calls(), call => call[0] == "start");
    }

    [Fact(Timeout = 60000)]
    public async Task UserUnit_passes_user_flag_to_every_call()
    {
        DefineUnit();
        var supervisor = Create(userUnit: true);

        await supervisor.StartAsync(null, default);
        await supervisor.StopAsync(default);

        var calls = Calls();
        Assert.NotEmpty(calls);
        Assert.All(calls, call => Assert.Equal("--user", call[0]));
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_stops_unit_without_blocking_and_waits()
    {
        DefineUnit();
        var supervisor = Create();
        await supervisor.StartAsync(null, default);
        var unitLog = _sandbox.Combine($"{Unit}.log");

        // The bot prints "bot started" once its SIGTERM handler is installed.
        var started = await ProcessScan.WaitUntilAsync(
            () => File.Exists(unitLog) && File.ReadAllText(unitLog).Contains("bot started"),
            TimeSpan.FromSeconds(10)
        );
        Assert.True(started);
        var pid = (await supervisor.GetStateAsync(default)).Pid!.Value;

        var result = await supervisor.StopAsync(default);

        Assert.True(result.WasRunning);
        Assert.False(result.Killed);
        Assert.Equal("sigterm", File.ReadAllText(Marker));
        Assert.False(Signals.IsAlive(pid));
        Assert.Contains(Calls(), call => call.SequenceEqual(["stop", "--no-block", Unit]));
        Assert.DoesNotContain(Calls(), call => call[0] == "kill");
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_kills_unit_that_ignores_sigterm()
    {
        DefineUnit("--ignore-term");
        var supervisor = Create();
        await supervisor.StartAsync(null, default);
        var pid = (await supervisor.GetStateAsync(default)).Pid!.Value;

        var result = await supervisor.StopAsync(default);

        Assert.True(result.WasRunning);
        Assert.True(result.Killed);
        Assert.True(result.Duration >= TimeSpan.FromSeconds(1), $"took {result.Duration}");
        Assert.False(Signals.IsAlive(pid));
        Assert.Contains(Calls(), call => call.SequenceEqual(["kill", "--signal=SIGKILL", Unit]));
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_of_inactive_unit_is_a_noop()
    {
        DefineUnit();
        var supervisor = Create();

        var result = await supervisor.StopAsync(default);

        Assert.False(result.WasRunning);
        Assert.Contains("inactive", result.Detail);
        Assert.DoesNotContain(Calls(), call => call[0] == "stop");
    }

    [Fact(Timeout = 60000)]
    public async Task State_of_unknown_unit_says_not_found()
    {
        var supervisor = Create();

        var state = await supervisor.GetStateAsync(default);

        Assert.False(state.Running);
        Assert.Contains($"unit {Unit} not found", state.Detail);
    }

    [Fact(Timeout = 60000)]
    public async Task Start_failure_throws_with_systemctl_output()
    {
        DefineUnit();
        File.WriteAllText(_sandbox.Combine($"{Unit}.start-fails"), "");
        var supervisor = Create();

        var error = await Assert.ThrowsAsync<SupervisorException>(() =>
            supervisor.StartAsync(null, default)
        );

        Assert.Equal(1, error.ExitCode);
        Assert.Contains("control process exited with error code", error.OutputTail);
        Assert.Contains($"journalctl -u {Unit}", error.Message);
        Assert.Equal($"{Systemctl} start {Unit}", error.Command);
    }

    [Fact(Timeout = 60000)]
    public async Task Missing_systemctl_is_reported()
    {
        var missing = _sandbox.Combine("no-such-systemctl");
        var supervisor = Create(systemctl: missing);

        var error = await Assert.ThrowsAsync<SupervisorException>(() =>
            supervisor.GetStateAsync(default)
        );

        Assert.Contains(missing, error.Message);
        Assert.Contains("another [bot] supervisor", error.Message);
    }
}
