using Serilog;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Health;

/// <summary>
/// Runs the health checks: "process" (the bot runs), "heartbeat" (it is fresh), and the
/// probes of <see cref="Probes"/> (memory, database, disk, temperature, unattended runs).
/// </summary>
public sealed partial class HealthChecker(
    IBotSupervisor supervisor,
    string heartbeatFile,
    TimeSpan heartbeatMaxAge,
    TimeProvider time,
    ILogger log
)
{
    public const string ProcessCheck = "process";
    public const string HeartbeatCheck = "heartbeat";

    internal TimeProvider Time => time;

    internal ILogger Log { get; } = log.ForContext<HealthChecker>();

    /// <summary>
    /// Runs every check. A heartbeat written before <paramref name="notBefore"/> (the start of
    /// a freshly started process) does not count as fresh.
    /// </summary>
    public async Task<HealthReport> CheckAsync(DateTimeOffset? notBefore, CancellationToken ct)
    {
        var (process, pid) = await CheckProcessAsync(ct);
        var heartbeat = CheckHeartbeat(notBefore);
        List<HealthCheck> checks = [process, heartbeat, .. RunProbes(pid)];
        return new HealthReport(checks, time.GetUtcNow());
    }

    private async Task<(HealthCheck Check, int? Pid)> CheckProcessAsync(CancellationToken ct)
    {
        BotProcessState state;
        try
        {
            state = await supervisor.GetStateAsync(ct);
        }
        catch (Exception e) when (e is SupervisorException or IOException)
        {
            Log.Warning(e, "Could not determine whether the bot runs");
            return (new HealthCheck(ProcessCheck, CheckStatus.Error, e.Message), null);
        }

        if (!state.Running)
        {
            return (new HealthCheck(ProcessCheck, CheckStatus.Fail, state.Detail), null);
        }

        var uptime = state.StartedAt is { } startedAt
            ? $", up {DurationText.Format(time.GetUtcNow() - startedAt)}"
            : "";
        return (new HealthCheck(ProcessCheck, CheckStatus.Pass, state.Detail + uptime), state.Pid);
    }
}
