using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[logging]</c> section as written.</summary>
internal sealed class LoggingTable : ITomlTable
{
    public string? File { get; set; }

    public string? Level { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
