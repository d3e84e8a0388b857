namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[logging]</c> section for shooty's own log.</summary>
public sealed record LoggingConfig
{
    public required string File { get; init; }

    /// <summary>One of <c>debug</c>, <c>information</c>, <c>warning</c> or <c>error</c>.</summary>
    public required string Level { get; init; }
}
