using ShootyTui.Core.Configuration.Toml;

namespace ShootyTui.Core.Configuration;

internal sealed partial class ConfigBuilder
{
    private DependenciesConfig BuildDependencies(DependenciesTable table)
    {
        var watch = table.Watch ?? ["requirements.txt"];
        for (var i = 0; i < watch.Count; i++)
        {
            var path = watch[i];
            var escapes = path.Replace('\\', '/').Split('/').Contains("..");
            if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) || escapes)
            {
                ErrorAtItem(
                    "dependencies.watch",
                    i,
                    $"invalid path \"{path}\"; list files relative to the bot's checkout, "
                        + "such as \"requirements.txt\""
                );
            }
        }

        return new DependenciesConfig
        {
            Watch = watch.AsReadOnly(),
            Install = ReadText(table.Install, "dependencies.install"),
            Timeout = ReadDuration(table.Timeout, "dependencies.timeout", "10m", allowZero: false),
        };
    }

    private SmokeTestConfig BuildSmokeTest(SmokeTestTable table) =>
        new()
        {
            Command = ReadText(table.Command, "smoke_test.command"),
            Timeout = ReadDuration(table.Timeout, "smoke_test.timeout", "2m", allowZero: false),
        };

    private UpdateConfig BuildUpdate(UpdateTable table) =>
        new()
        {
            Auto = table.Auto ?? false,
            Strategy = ReadChoice(
                table.Strategy,
                "update.strategy",
                UpdateStrategy.InPlace,
                ("in-place", UpdateStrategy.InPlace),
                ("blue-green", UpdateStrategy.BlueGreen)
            ),
            HealthGate = ReadDuration(
                table.HealthGate,
                "update.health_gate",
                "60s",
                allowZero: false
            ),
            HealthSettle = ReadDuration(
                table.HealthSettle,
                "update.health_settle",
                "10s",
                allowZero: true
            ),
            WaitForSessions = ReadDuration(
                table.WaitForSessions,
                "update.wait_for_sessions",
                "0s",
                allowZero: true
            ),
            Overlap = ReadDuration(table.Overlap, "update.overlap", "0s", allowZero: true),
        };

    private BackupConfig BuildBackup(BackupTable table, string stateDirectory) =>
        new()
        {
            Dir = ReadPath(table.Dir, "backup.dir") ?? Path.Join(stateDirectory, "backups"),
            Keep = ReadCount(table.Keep, "backup.keep", 10, minimum: 1),
            MinFreeDiskBytes = ReadSize(
                table.MinFreeDisk,
                "backup.min_free_disk",
                "100MB",
                allowZero: true
            ),
        };

    private SecretsConfig BuildSecrets(SecretsTable table) =>
        new()
        {
            File = ReadPath(table.File, "secrets.file"),
            PassphraseFile = ReadPath(table.PassphraseFile, "secrets.passphrase_file"),
            StartWithoutSecrets = table.StartWithoutSecrets ?? false,
        };

    private LoggingConfig BuildLogging(LoggingTable table, string stateDirectory) =>
        new()
        {
            File = ReadPath(table.File, "logging.file") ?? Path.Join(stateDirectory, "shooty.log"),
            Level = ReadChoice(
                table.Level,
                "logging.level",
                "information",
                ("debug", "debug"),
                ("information", "information"),
                ("warning", "warning"),
                ("error", "error")
            ),
        };

    private UiConfig BuildUi(UiTable table)
    {
        var theme = ReadText(table.Theme, "ui.theme") ?? "default";

        // The theme names a file in themes/, so it must not climb out of that folder.
        if (
            theme.Any(character =>
                !char.IsAsciiLetterOrDigit(character) && character is not ('-' or '_')
            )
        )
        {
            ErrorAtValue(
                "ui.theme",
                $"invalid theme name \"{theme}\"; use letters, digits, '-' and '_', "
                    + "such as \"default\""
            );
        }

        return new UiConfig { Theme = theme, ReadOnly = table.ReadOnly ?? false };
    }
}
