namespace ShootyTui.Core.Health;

/// <summary>Result of one named check, such as "process" or "heartbeat".</summary>
public sealed record HealthCheck(string Name, CheckStatus Status, string Detail);
