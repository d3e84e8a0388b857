using ShootyTui.Core.Supervision;
using Xunit;

namespace ShootyTui.Tests.Supervision;

/// <summary>
/// The commands supervisor against small shell commands that keep a "running" file.
/// </summary>
public sealed class CommandsSupervisorTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private string RunningFile => _sandbox.Combine("running");

    private IBotSupervisor Create(
        string start = "echo start >> starts.log; touch running",
        string stop = "rm -f running",
        string isRunning = "test -f running",
        IReadOnlyDictionary<string, string>? environment = null
    ) =>
        BotSupervisor.Create(
            new SupervisorOptions
            {
                Kind = SupervisorKind.Commands,
                WorkingDirectory = _sandbox.Root,
                Start = start,
                Stop = stop,
                IsRunning = isRunning,
                StopTimeout = TimeSpan.FromSeconds(1),
                CommandTimeout = TimeSpan.FromSeconds(10),
                LogFile = _sandbox.Combine("bot.log"),
                StateDirectory = _sandbox.StateDirectory,
                Environment = environment ?? new Dictionary<string, string>(),
            },
            _sandbox.Log
        );

    [Fact(Timeout = 60000)]
    public async Task State_follows_is_running_exit_code()
    {
        var supervisor = Create();

        var before = await supervisor.GetStateAsync(default);
        File.WriteAllText(RunningFile, "");
        var after = await supervisor.GetStateAsync(default);

        Assert.False(before.Running);
        Assert.Contains("is_running exited 1", before.Detail);
        Assert.True(after.Running);
        Assert.Null(after.Pid);
    }

    [Fact(Timeout = 60000)]
    public async Task Start_twice_runs_start_command_once()
    {
        var supervisor = Create();

        await supervisor.StartAsync(null, default);
        await supervisor.StartAsync(null, default);

        Assert.Equal(["start"], File.ReadAllLines(_sandbox.Combine("starts.log")));
        Assert.True((await supervisor.GetStateAsync(default)).Running);
    }

    [Fact(Timeout = 60000)]
    public async Task Start_passes_configured_and_extra_environment()
    {
        var configured = new Dictionary<string, string> { ["SHOOTY_TEST_A"] = "configured" };
        var supervisor = Create(
            start: "printf '%s %s' \"$SHOOTY_TEST_A\" \"$SHOOTY_TEST_B\" > env.txt; touch running",
            environment: configured
        );
        var extra = new Dictionary<string, string> { ["SHOOTY_TEST_B"] = "extra" };

        await supervisor.StartAsync(extra, default);

        Assert.Equal("configured extra", File.ReadAllText(_sandbox.Combine("env.txt")));
    }

    [Fact(Timeout = 60000)]
    public async Task Start_failure_reports_exit_code_and_output()
    {
        var supervisor = Create(start: "echo 'screen: command not found' >&2; exit 127");

        var error = await Assert.ThrowsAsync<SupervisorException>(() =>
            supervisor.StartAsync(null, default)
        );

        Assert.Equal(127, error.ExitCode);
        Assert.Equal("screen: command not found", error.OutputTail);
        Assert.Contains("exited with code 127", error.Message);
        Assert.Contains("[bot] start", error.Message);
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_waits_for_is_running_to_turn_false()
    {
        // The stop command returns at once and the bot goes away half a second later.
        var supervisor = Create(stop: "(sleep 0.5; rm -f running) >/dev/null 2>&1 &");
        File.WriteAllText(RunningFile, "");

        var result = await supervisor.StopAsync(default);

        Assert.True(result.WasRunning);
        Assert.False(result.Killed);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(10));
        Assert.False(File.Exists(RunningFile));
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_fails_when_bot_outlives_stop_timeout()
    {
        var supervisor = Create(stop: "true");
        File.WriteAllText(RunningFile, "");

        var error = await Assert.ThrowsAsync<SupervisorException>(() =>
            supervisor.StopAsync(default)
        );

        Assert.Contains("stop_timeout is 1 s", error.Message);
        Assert.Equal("true", error.Command);
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_when_not_running_skips_stop_command()
    {
        var supervisor = Create(stop: "touch stop-ran");

        var result = await supervisor.StopAsync(default);

        Assert.False(result.WasRunning);
        Assert.False(File.Exists(_sandbox.Combine("stop-ran")));
    }

    [Fact(Timeout = 60000)]
    public async Task Is_running_timeout_is_an_error()
    {
        var options = new SupervisorOptions
        {
            Kind = SupervisorKind.Commands,
            WorkingDirectory = _sandbox.Root,
            Start = "true",
            Stop = "true",
            IsRunning = "sleep 30",
            StopTimeout = TimeSpan.FromSeconds(1),
            CommandTimeout = TimeSpan.FromMilliseconds(300),
            LogFile = _sandbox.Combine("bot.log"),
            StateDirectory = _sandbox.StateDirectory,
        };
        var supervisor = BotSupervisor.Create(options, _sandbox.Log);

        var error = await Assert.ThrowsAsync<SupervisorException>(() =>
            supervisor.GetStateAsync(default)
        );

        Assert.Contains("timed out", error.Message);
    }

    [Fact]
    public void Create_requires_all_three_commands()
    {
        var error = Assert.Throws<ArgumentException>(() => Create(isRunning: " "));

        Assert.Contains("[bot] is_running", error.Message);
    }
}
