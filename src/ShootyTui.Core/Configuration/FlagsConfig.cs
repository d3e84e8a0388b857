namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[flags]</c> section.</summary>
public sealed record FlagsConfig
{
    /// <summary>The bot's feature-flag JSON file, or null when the bot has none.</summary>
    public string? File { get; init; }

    /// <summary>Optional help text per flag name, from <c>[flags.descriptions]</c>.</summary>
    public IReadOnlyDictionary<string, string> Descriptions { get; init; } =
        new Dictionary<string, string>();
}
