namespace ShootyTui.Core.Configuration;

/// <summary>
/// A loaded and validated <c>shooty.toml</c>, with defaults filled in and paths absolute.
/// </summary>
public sealed class ShootyConfig
{
    /// <summary>The config file's absolute path.</summary>
    public required string FilePath { get; init; }

    /// <summary>The config file's directory, against which relative paths were resolved.</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// Shooty's state directory for this bot, <c>$XDG_STATE_HOME/shooty/&lt;bot name&gt;</c>
    /// unless <c>[bot] state_dir</c> is set. The loader does not create it.
    /// </summary>
    public required string StateDirectory { get; init; }

    public required BotConfig Bot { get; init; }

    public required DependenciesConfig Dependencies { get; init; }

    public required SmokeTestConfig SmokeTest { get; init; }

    public required UpdateConfig Update { get; init; }

    public required BackupConfig Backup { get; init; }

    public required MaintenanceConfig Maintenance { get; init; }

    public required HealthConfig Health { get; init; }

    public required NotifyConfig Notify { get; init; }

    public required FlagsConfig Flags { get; init; }

    public required SecretsConfig Secrets { get; init; }

    public required WebhookConfig Webhook { get; init; }

    public required LoggingConfig Logging { get; init; }

    public required UiConfig Ui { get; init; }
}
