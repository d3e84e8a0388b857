using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[dependencies]</c> section as written.</summary>
internal sealed class DependenciesTable : ITomlTable
{
    public List<string>? Watch { get; set; }

    public string? Install { get; set; }

    public string? Timeout { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
