namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[smoke_test]</c> section.</summary>
public sealed record SmokeTestConfig
{
    /// <summary>The shell command that must exit with 0 before the new version starts.</summary>
    public string? Command { get; init; }

    public required TimeSpan Timeout { get; init; }
}
