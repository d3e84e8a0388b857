using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[notify]</c> section as written.</summary>
internal sealed class NotifyTable : ITomlTable
{
    public DiscordTable? Discord { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
