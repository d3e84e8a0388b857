using System.Globalization;
using System.Text.Json;
using ShootyTui.Core.Health;
using ShootyTui.Core.Supervision;
using ShootyTui.Tests.Supervision;
using Xunit;

namespace ShootyTui.Tests.Health;

/// <summary>
/// Health checks against a commands-mode supervisor whose is_running command tests for a file,
/// and heartbeat files written with times relative to now.
/// </summary>
public sealed class HealthCheckerTests : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    private readonly Sandbox _sandbox = new();

    public HealthCheckerTests() => File.WriteAllText(_sandbox.Combine("running"), "");

    public void Dispose() => _sandbox.Dispose();

    private string HeartbeatFile => _sandbox.Combine(".bot_health");

    private HealthChecker CreateChecker(string isRunning = "test -f running") =>
        new(
            BotSupervisor.Create(
                new SupervisorOptions
                {
                    Kind = SupervisorKind.Commands,
                    WorkingDirectory = _sandbox.Root,
                    Start = "touch running",
                    Stop = "rm -f running",
                    IsRunning = isRunning,
                    StopTimeout = TimeSpan.FromSeconds(1),
                    CommandTimeout = TimeSpan.FromMilliseconds(500),
                    LogFile = _sandbox.Combine("bot.log"),
                    StateDirectory = _sandbox.StateDirectory,
                },
                _sandbox.Log
            ),
            HeartbeatFile,
            MaxAge,
            TimeProvider.System,
            _sandbox.Log
        );

    private void WriteHeartbeat(DateTimeOffset timestamp, string extraJson = "")
    {
        var seconds = (timestamp.ToUnixTimeMilliseconds() / 1000.0).ToString(
            CultureInfo.InvariantCulture
        );
        File.WriteAllText(HeartbeatFile, $"{{\"timestamp\": {seconds}{extraJson}}}");
    }

    [Fact(Timeout = 60000)]
    public async Task CheckAsync_passes_running_bot_with_fresh_heartbeat()
    {
        WriteHeartbeat(
            DateTimeOffset.UtcNow.AddSeconds(-20),
            ", \"guilds\": 2, \"discord_latency_ms\": 41.6"
        );

        var report = await CreateChecker().CheckAsync(null, default);

        Assert.True(report.Healthy);
        Assert.Equal(CheckStatus.Pass, report.Find("process")!.Status);
        var heartbeat = report.Find("heartbeat")!;
        Assert.Equal(CheckStatus.Pass, heartbeat.Status);
        Assert.StartsWith("written 2", heartbeat.Detail);
        Assert.Contains("Discord latency 42 ms, 2 guild(s)", heartbeat.Detail);
    }

    [Fact(Timeout = 60000)]
    public async Task CheckAsync_fails_stale_heartbeat()
    {
        WriteHeartbeat(DateTimeOffset.UtcNow.AddMinutes(-10));

        var report = await CreateChecker().CheckAsync(null, default);

        var heartbeat = report.Find("heartbeat")!;
        Assert.False(report.Healthy);
        Assert.Equal(CheckStatus.Fail, heartbeat.Status);
        Assert.Contains("min", heartbeat.Detail);
        Assert.Contains("more than the maximum 2 min 0 s", heartbeat.Detail);
    }

    [Fact(Timeout = 60000)]
    public async Task CheckAsync_fails_missing_heartbeat()
    {
        var report = await CreateChecker().CheckAsync(null, default);

        var heartbeat = report.Find("heartbeat")!;
        Assert.Equal(CheckStatus.Fail, heartbeat.Status);
        Assert.Contains(HeartbeatFile, heartbeat.Detail);
    }

    [Fact(Timeout = 60000)]
    public async Task CheckAsync_fails_bot_that_is_not_running()
    {
        WriteHeartbeat(DateTimeOffset.UtcNow);
        File.Delete(_sandbox.Combine("running"));

        var report = await CreateChecker().CheckAsync(null, default);

        Assert.False(report.Healthy);
        Assert.Equal(CheckStatus.Fail, report.Find("process")!.Status);
        Assert.Equal(CheckStatus.Pass, report.Find("heartbeat")!.Status);
    }

    [Fact(Timeout = 60000)]
    public async Task CheckAsync_rejects_heartbeat_older_than_process_start()
    {
        var now = DateTimeOffset.UtcNow;
        WriteHeartbeat(now.AddSeconds(-5));

        var report = await CreateChecker().CheckAsync(now.AddSeconds(-2), default);

        var heartbeat = report.Find("heartbeat")!;
        Assert.False(report.Healthy);
        Assert.Equal(CheckStatus.Fail, heartbeat.Status);
        Assert.StartsWith("heartbeat predates the new process", heartbeat.Detail);
    }

    [Fact(Timeout = 60000)]
    public async Task CheckAsync_accepts_heartbeat_in_start_second()
    {
        // The bot started at .700 and wrote its first heartbeat as a whole second, .000.
        var second = DateTimeOffset.FromUnixTimeSeconds(
            DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3
        );
        File.WriteAllText(
            HeartbeatFile,
            second.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
        );

        var report = await CreateChecker().CheckAsync(second.AddMilliseconds(700), default);

        Assert.Equal(CheckStatus.Pass, report.Find("heartbeat")!.Status);
    }

    [Fact(Timeout = 60000)]
    public async Task CheckAsync_rejects_old_file_in_start_second()
    {
        // The old process wrote a whole second at .000, the file at .200, and the new one
        // started at .700 without writing any.
        var second = DateTimeOffset.FromUnixTimeSeconds(
            DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3
        );
        File.WriteAllText(
            HeartbeatFile,
            second.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
        );
        File.SetLastWriteTimeUtc(HeartbeatFile, second.AddMilliseconds(200).UtcDateTime);

        var report = await CreateChecker().CheckAsync(second.AddMilliseconds(700), default);

        var heartbeat = report.Find("heartbeat")!;
        Assert.Equal(CheckStatus.Fail, heartbeat.Status);
        Assert.StartsWith("heartbeat predates the new process: written ", heartbeat.Detail);
        Assert.Contains(".200Z", heartbeat.Detail);
    }

    [Fact(Timeout = 60000)]
    public async Task CheckAsync_warns_for_heartbeat_from_future()
    {
        WriteHeartbeat(DateTimeOffset.UtcNow.AddMinutes(10));

        var report = await CreateChecker().CheckAsync(null, default);

        var heartbeat = report.Find("heartbeat")!;
        Assert.True(report.Healthy);
        Assert.Equal(CheckStatus.Warn, heartbeat.Status);
        Assert.Contains("in the future", heartbeat.Detail);
    }

    [Fact(Timeout = 60000)]
    public async Task CheckAsync_reports_error_when_state_is_unknown()
    {
        WriteHeartbeat(DateTimeOffset.UtcNow);

        var report = await CreateChecker(isRunning: "sleep 10").CheckAsync(null, default);

        var process = report.Find("process")!;
        Assert.False(report.Healthy);
        Assert.Equal(CheckStatus.Error, process.Status);
        Assert.Contains("timed out", process.Detail);
    }

    [Fact]
    public void Report_serializes_status_in_lower_case()
    {
        var report = new HealthReport(
            [
                new HealthCheck("process", CheckStatus.Pass, ""),
                new HealthCheck("heartbeat", CheckStatus.Warn, ""),
                new HealthCheck("disk", CheckStatus.Fail, ""),
                new HealthCheck("db", CheckStatus.Error, ""),
            ],
            DateTimeOffset.UnixEpoch
        );

        var json = JsonSerializer.Serialize(report.Checks);

        Assert.Contains("\"Status\":\"pass\"", json);
        Assert.Contains("\"Status\":\"warn\"", json);
        Assert.Contains("\"Status\":\"fail\"", json);
        Assert.Contains("\"Status\":\"error\"", json);
    }
}
