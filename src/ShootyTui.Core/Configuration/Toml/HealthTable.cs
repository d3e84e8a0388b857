using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[health]</c> section as written.</summary>
internal sealed class HealthTable : ITomlTable
{
    public int? MaxMemoryMb { get; set; }

    public int? MaxDbLatencyMs { get; set; }

    public int? MinFreeDiskMb { get; set; }

    public double? MaxTemperatureC { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
