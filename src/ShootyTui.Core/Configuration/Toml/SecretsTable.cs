using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[secrets]</c> section as written.</summary>
internal sealed class SecretsTable : ITomlTable
{
    public string? File { get; set; }

    public string? PassphraseFile { get; set; }

    public bool? StartWithoutSecrets { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
