namespace ShootyTui.Core.Health;

/// <summary>Result of one named check, such as "process" or "heartbeat".</summary>
public sealed record HealthCheck(string Name, CheckStatus Status, string Detail)
{
    /// <summary>The measured number behind the check (MiB, ms, °C, s), kept for its history.</summary>
    public double? Value { get; init; }
}
