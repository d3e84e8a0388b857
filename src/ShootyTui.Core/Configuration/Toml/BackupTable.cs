using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[backup]</c> section as written.</summary>
internal sealed class BackupTable : ITomlTable
{
    public string? Dir { get; set; }

    public int? Keep { get; set; }

    // A string with a unit ("100MB") or an integer number of bytes.
    public object? MinFreeDisk { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
