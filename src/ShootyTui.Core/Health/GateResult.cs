namespace ShootyTui.Core.Health;

/// <summary>Outcome of the health gate after a start.</summary>
/// <param name="LastReport">The last health report taken, null when none was.</param>
/// <param name="HealthyAfter">When the gate passed: the time from its start to the first
/// healthy check, which ends the bot's downtime; the settle time after it is not downtime.</param>
public sealed record GateResult(
    bool Passed,
    string Detail,
    HealthReport? LastReport,
    TimeSpan Elapsed,
    TimeSpan? HealthyAfter = null
);
