using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[maintenance]</c> section as written.</summary>
internal sealed class MaintenanceTable : ITomlTable
{
    public string? Timezone { get; set; }

    public List<string>? Windows { get; set; }

    public List<string>? BlackoutDays { get; set; }

    public List<string>? BlackoutDates { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
