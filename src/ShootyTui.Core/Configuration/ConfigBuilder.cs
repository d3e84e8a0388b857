using ShootyTui.Core.Configuration.Toml;

namespace ShootyTui.Core.Configuration;

/// <summary>
/// Validates a deserialized <see cref="ConfigDocument"/>, fills in defaults and resolves paths.
/// It collects every error it finds and throws them together at the end.
/// </summary>
internal sealed partial class ConfigBuilder
{
    private readonly string _filePath;
    private readonly string _directory;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly TomlSourceMap _map;
    private readonly List<ConfigError> _errors = [];

    /// <param name="filePath">
    /// The config file as the user named it, which is how errors show it.
    /// </param>
    public ConfigBuilder(
        string filePath,
        IReadOnlyDictionary<string, string?> environment,
        TomlSourceMap map
    )
    {
        _filePath = filePath;
        _directory = Path.GetDirectoryName(Path.GetFullPath(filePath)) ?? "/";
        _environment = environment;
        _map = map;
    }

    private string? Home => _environment.GetValueOrDefault("HOME");

    /// <exception cref="ConfigException">The document has one or more invalid values.</exception>
    public ShootyConfig Build(ConfigDocument document)
    {
        ReportUnknownKeys(document);

        var botTable = document.Bot ?? new BotTable();
        var name = ReadBotName(botTable);
        var stateDirectory = ReadStateDirectory(botTable, name);
        var bot = BuildBot(botTable, name, stateDirectory);

        var config = new ShootyConfig
        {
            FilePath = Path.GetFullPath(_filePath),
            Directory = _directory,
            StateDirectory = stateDirectory,
            Bot = bot,
            Dependencies = BuildDependencies(document.Dependencies ?? new DependenciesTable()),
            SmokeTest = BuildSmokeTest(document.SmokeTest ?? new SmokeTestTable()),
            Update = BuildUpdate(document.Update ?? new UpdateTable()),
            Backup = BuildBackup(document.Backup ?? new BackupTable(), stateDirectory),
            Maintenance = BuildMaintenance(document.Maintenance ?? new MaintenanceTable()),
            Health = BuildHealth(document.Health ?? new HealthTable()),
            Notify = new NotifyConfig
            {
                Discord = BuildDiscord(document.Notify?.Discord ?? new DiscordTable()),
            },
            Flags = new FlagsConfig
            {
                File = ReadPath(document.Flags?.File, "flags.file"),
                Descriptions = document.Flags?.Descriptions ?? new Dictionary<string, string>(),
            },
            Secrets = BuildSecrets(document.Secrets ?? new SecretsTable()),
            Webhook = BuildWebhook(document.Webhook ?? new WebhookTable(), bot.Branch),
            Logging = BuildLogging(document.Logging ?? new LoggingTable(), stateDirectory),
            Ui = BuildUi(document.Ui ?? new UiTable()),
        };
        CheckOverlap(config);

        if (_errors.Count > 0)
        {
            throw new ConfigException(
                _errors.OrderBy(error => error.Line).ThenBy(error => error.Column).ToList()
            );
        }

        return config;
    }
}
