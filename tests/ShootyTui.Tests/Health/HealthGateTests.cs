using ShootyTui.Core.Health;
using ShootyTui.Core.Supervision;
using ShootyTui.Tests.Supervision;
using Xunit;

namespace ShootyTui.Tests.Health;

/// <summary>The health gate against the test bot started by the process supervisor.</summary>
public sealed class HealthGateTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private string HeartbeatFile => _sandbox.Combine(".bot_health");

    /// <summary>Starts the test bot and returns a checker for it and its start time.</summary>
    private async Task<(HealthChecker Checker, DateTimeOffset Start)> StartAsync(
        string botArguments
    )
    {
        var start = "exec " + Sandbox.BotCommand(botArguments);
        var supervisor = BotSupervisor.Create(_sandbox.ProcessOptions(start), _sandbox.Log);
        await supervisor.StartAsync(null, default);
        var state = await supervisor.GetStateAsync(default);
        var checker = new HealthChecker(
            supervisor,
            HeartbeatFile,
            TimeSpan.FromSeconds(30),
            TimeProvider.System,
            _sandbox.Log
        );
        return (checker, state.StartedAt!.Value);
    }

    [Fact(Timeout = 60000)]
    public async Task WaitAsync_passes_bot_that_stays_healthy()
    {
        var (checker, start) = await StartAsync($"--heartbeat '{HeartbeatFile}'");

        var result = await HealthGate.WaitAsync(
            checker,
            start,
            TimeSpan.FromSeconds(10),
            TimeSpan.FromSeconds(1),
            Interval,
            default
        );

        Assert.True(result.Passed, result.Detail);
        Assert.StartsWith("healthy after", result.Detail);
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.True(result.LastReport!.Healthy);
        Assert.Contains(", up ", result.LastReport.Find("process")!.Detail);
    }

    [Fact(Timeout = 60000)]
    public async Task WaitAsync_fails_fast_on_crash_at_start()
    {
        var (checker, start) = await StartAsync($"--heartbeat '{HeartbeatFile}' --crash-after 0");

        var result = await HealthGate.WaitAsync(
            checker,
            start,
            TimeSpan.FromSeconds(20),
            TimeSpan.FromSeconds(5),
            Interval,
            default
        );

        Assert.False(result.Passed);
        Assert.StartsWith("bot exited after", result.Detail);
        // Long before the 20 s timeout: the crash ends the wait.
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(15), $"took {result.Elapsed}");
    }

    [Fact(Timeout = 60000)]
    public async Task WaitAsync_fails_bot_that_crashes_while_settling()
    {
        var (checker, start) = await StartAsync($"--heartbeat '{HeartbeatFile}' --crash-after 1.5");

        var result = await HealthGate.WaitAsync(
            checker,
            start,
            TimeSpan.FromSeconds(20),
            TimeSpan.FromSeconds(10),
            Interval,
            default
        );

        Assert.False(result.Passed);
        Assert.StartsWith("bot exited after", result.Detail);
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    [Fact(Timeout = 60000)]
    public async Task WaitAsync_fails_bot_that_never_becomes_healthy()
    {
        var (checker, start) = await StartAsync("");

        var result = await HealthGate.WaitAsync(
            checker,
            start,
            TimeSpan.FromSeconds(1.5),
            TimeSpan.FromSeconds(1),
            Interval,
            default
        );

        Assert.False(result.Passed);
        Assert.StartsWith("bot not healthy within 1.5 s: heartbeat:", result.Detail);
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
    }

    [Fact(Timeout = 60000)]
    public async Task WaitAsync_ignores_heartbeat_of_previous_process()
    {
        // A heartbeat that is fresh enough, but written before the new bot started. The new
        // bot writes its own only after the gate has ended.
        var old = DateTimeOffset.UtcNow.AddSeconds(-3).ToUnixTimeSeconds();
        File.WriteAllText(
            HeartbeatFile,
            old.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        var (checker, start) = await StartAsync(
            $"--heartbeat '{HeartbeatFile}' --heartbeat-after 10"
        );

        var result = await HealthGate.WaitAsync(
            checker,
            start,
            TimeSpan.FromSeconds(1),
            TimeSpan.Zero,
            Interval,
            default
        );

        Assert.False(result.Passed);
        Assert.Contains("heartbeat predates the new process", result.Detail);
        Assert.True((await checker.CheckAsync(null, default)).Healthy);
    }
}
