namespace ShootyTui.Core.Health;

/// <summary>Outcome of the health gate after a start.</summary>
/// <param name="LastReport">The last health report taken, null when none was.</param>
public sealed record GateResult(
    bool Passed,
    string Detail,
    HealthReport? LastReport,
    TimeSpan Elapsed
);
