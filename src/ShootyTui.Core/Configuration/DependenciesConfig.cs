namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[dependencies]</c> section.</summary>
public sealed record DependenciesConfig
{
    /// <summary>
    /// Files, relative to the checkout, whose change triggers <see cref="Install"/>.
    /// </summary>
    public required IReadOnlyList<string> Watch { get; init; }

    /// <summary>The shell command that installs dependencies, or null to install nothing.</summary>
    public string? Install { get; init; }

    public required TimeSpan Timeout { get; init; }
}
