namespace ShootyTui.Core.Health;

/// <summary>All checks of one health run.</summary>
public sealed record HealthReport(IReadOnlyList<HealthCheck> Checks, DateTimeOffset At)
{
    /// <summary>
    /// True when every check passed or only warned. An <see cref="CheckStatus.Error"/> counts as
    /// unhealthy, because health that cannot be confirmed must not pass a gate.
    /// </summary>
    public bool Healthy =>
        Checks.All(check => check.Status is CheckStatus.Pass or CheckStatus.Warn);

    /// <summary>Returns the check with this name, or null.</summary>
    public HealthCheck? Find(string name) => Checks.FirstOrDefault(check => check.Name == name);
}
