using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[update]</c> section as written.</summary>
internal sealed class UpdateTable : ITomlTable
{
    public bool? Auto { get; set; }

    public string? Strategy { get; set; }

    public string? HealthGate { get; set; }

    public string? HealthSettle { get; set; }

    public string? WaitForSessions { get; set; }

    public string? Overlap { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
