using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[smoke_test]</c> section as written.</summary>
internal sealed class SmokeTestTable : ITomlTable
{
    public string? Command { get; set; }

    public string? Timeout { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
