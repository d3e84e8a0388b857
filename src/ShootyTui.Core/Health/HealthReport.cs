namespace ShootyTui.Core.Health;

/// <summary>All checks of one health run.</summary>
public sealed record HealthReport(IReadOnlyList<HealthCheck> Checks, DateTimeOffset At)
{
    /// <summary>
    /// Fail when any check failed; inconclusive when none failed but a probe could not run;
    /// pass otherwise.
    /// </summary>
    public HealthVerdict Verdict =>
        Checks.Any(check => check.Status == CheckStatus.Fail) ? HealthVerdict.Fail
        : Checks.Any(check => check.Status == CheckStatus.Error) ? HealthVerdict.Inconclusive
        : HealthVerdict.Pass;

    /// <summary>
    /// True when no check failed and the process and heartbeat checks ran. A broken probe of
    /// memory, disk or the like is counted apart: it makes the verdict inconclusive but never
    /// fails the health gate, so one broken probe cannot roll back a good release.
    /// </summary>
    public bool Healthy =>
        Checks.All(check => check.Status != CheckStatus.Fail)
        && Checks
            .Where(check =>
                check.Name is HealthChecker.ProcessCheck or HealthChecker.HeartbeatCheck
            )
            .All(check => check.Status is CheckStatus.Pass or CheckStatus.Warn);

    /// <summary>Returns the check with this name, or null.</summary>
    public HealthCheck? Find(string name) => Checks.FirstOrDefault(check => check.Name == name);
}

/// <summary>The overall judgement of a health run.</summary>
public enum HealthVerdict
{
    Pass,
    Fail,
    Inconclusive,
}
