using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[notify.discord]</c> section as written.</summary>
internal sealed class DiscordTable : ITomlTable
{
    public string? WebhookUrlEnv { get; set; }

    public string? MentionOnFailure { get; set; }

    public string? Username { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
