using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The <c>[bot]</c> section as written.</summary>
internal sealed class BotTable : ITomlTable
{
    public string? Name { get; set; }

    public string? Path { get; set; }

    public string? Remote { get; set; }

    public string? Branch { get; set; }

    public string? Supervisor { get; set; }

    public string? Start { get; set; }

    public string? Stop { get; set; }

    public string? IsRunning { get; set; }

    public string? Unit { get; set; }

    public string? StopTimeout { get; set; }

    public string? Database { get; set; }

    public string? HeartbeatFile { get; set; }

    public string? HeartbeatMaxAge { get; set; }

    public string? LogFile { get; set; }

    public int? RestartLimit { get; set; }

    public Dictionary<string, string>? Environment { get; set; }

    public string? StateDir { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
