using Tomlyn.Serialization;

namespace ShootyTui.Core.Configuration.Toml;

/// <summary>The whole file as written, before defaults and validation.</summary>
internal sealed class ConfigDocument : ITomlTable
{
    public BotTable? Bot { get; set; }

    public DependenciesTable? Dependencies { get; set; }

    public SmokeTestTable? SmokeTest { get; set; }

    public UpdateTable? Update { get; set; }

    public BackupTable? Backup { get; set; }

    public MaintenanceTable? Maintenance { get; set; }

    public HealthTable? Health { get; set; }

    public NotifyTable? Notify { get; set; }

    public FlagsTable? Flags { get; set; }

    public SecretsTable? Secrets { get; set; }

    public WebhookTable? Webhook { get; set; }

    public LoggingTable? Logging { get; set; }

    public UiTable? Ui { get; set; }

    [TomlExtensionData]
    public Dictionary<string, object?>? UnknownKeys { get; set; }
}
