namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[ui]</c> section.</summary>
public sealed record UiConfig
{
    /// <summary>The theme name, matching a JSON file in <c>themes/</c>.</summary>
    public required string Theme { get; init; }

    /// <summary>Whether the TUI hides every action that changes the deployment.</summary>
    public required bool ReadOnly { get; init; }
}
