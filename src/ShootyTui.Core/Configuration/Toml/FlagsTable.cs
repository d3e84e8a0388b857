using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[flags]</c> section as written.</summary>
internal sealed class FlagsTable : ITomlTable
{
    public string? File { get; set; }

    public Dictionary<string, string>? Descriptions { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
