using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[ui]</c> section as written.</summary>
internal sealed class UiTable : ITomlTable
{
    public string? Theme { get; set; }

    public bool? ReadOnly { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
