using System.Text.RegularExpressions;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Configuration.Toml;
using Xunit;

namespace ShootyTui.Tests.Configuration;

public sealed class ExampleConfigTests : IDisposable
{
    private readonly ConfigTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string ExamplePath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (
                directory is not null
                && !File.Exists(Path.Join(directory.FullName, "ShootyTui.sln"))
            )
            {
                directory = directory.Parent;
            }

            Assert.NotNull(directory);
            return Path.Join(directory.FullName, "shooty.toml.example");
        }
    }

    [Fact]
    public void Example_loads_with_documented_defaults()
    {
        var config = ConfigLoader.LoadFile(ExamplePath, _folder.Environment);
        var defaults = _folder.Parse(ConfigText.Minimal);

        Assert.Equal("ShootyBot", config.Bot.Name);
        Assert.Equal("/home/pi/ShootyBot", config.Bot.Path);
        Assert.Equal(defaults.Bot.StopTimeout, config.Bot.StopTimeout);
        Assert.Equal(defaults.Bot.RestartLimit, config.Bot.RestartLimit);
        Assert.Equal(defaults.Dependencies.Watch, config.Dependencies.Watch);
        Assert.Equal(defaults.Update, config.Update);
        Assert.Equal(defaults.Backup.Keep, config.Backup.Keep);
        Assert.Equal(defaults.Backup.MinFreeDiskBytes, config.Backup.MinFreeDiskBytes);
        Assert.Equal(defaults.Webhook.RateLimit, config.Webhook.RateLimit);
        Assert.Equal(defaults.Webhook.MaxBodyBytes, config.Webhook.MaxBodyBytes);
        Assert.Equal(defaults.Logging.Level, config.Logging.Level);
        Assert.Equal(defaults.Ui, config.Ui);
    }

    [Fact]
    public void Example_commented_values_are_valid_when_enabled()
    {
        // Uncomment every "# key = value" line and the lines of a multi-line array, as an
        // operator would.
        var text = Regex.Replace(
            File.ReadAllText(ExamplePath),
            @"^# (\w+ = |  ""|\])",
            "$1",
            RegexOptions.Multiline
        );

        var config = ConfigLoader.Parse(text, ExamplePath, _folder.Environment);

        Assert.Equal("shootybot.service", config.Bot.Unit);
        Assert.Equal("/home/pi/ShootyBot-data", config.Bot.Environment["DATA_DIR"]);
        Assert.Equal(80, config.Health.MaxTemperatureC);
        Assert.Equal(9, config.Webhook.AllowNetworks.Count);
    }

    [Fact]
    public void Example_documents_every_key()
    {
        var text = File.ReadAllText(ExamplePath);
        var sections = new (string Header, IReadOnlyList<string> Keys)[]
        {
            ("bot", TomlKeyNames.Of<BotTable>()),
            ("dependencies", TomlKeyNames.Of<DependenciesTable>()),
            ("smoke_test", TomlKeyNames.Of<SmokeTestTable>()),
            ("update", TomlKeyNames.Of<UpdateTable>()),
            ("backup", TomlKeyNames.Of<BackupTable>()),
            ("maintenance", TomlKeyNames.Of<MaintenanceTable>()),
            ("health", TomlKeyNames.Of<HealthTable>()),
            ("notify.discord", TomlKeyNames.Of<DiscordTable>()),
            ("flags", TomlKeyNames.Of<FlagsTable>()),
            ("secrets", TomlKeyNames.Of<SecretsTable>()),
            ("webhook", TomlKeyNames.Of<WebhookTable>()),
            ("logging", TomlKeyNames.Of<LoggingTable>()),
            ("ui", TomlKeyNames.Of<UiTable>()),
        };

        foreach (var (header, keys) in sections)
        {
            var start = text.IndexOf($"\n[{header}]\n", StringComparison.Ordinal);
            Assert.True(start >= 0, $"[{header}] is missing");
            var end = text.IndexOf("\n[", start + 1, StringComparison.Ordinal);
            var body = end < 0 ? text[start..] : text[start..end];

            // [bot.environment] is a table of its own, written after [bot].
            foreach (var key in keys.Where(key => key != "environment"))
            {
                Assert.Matches(new Regex($"\n(# )?{key} = ", RegexOptions.None), body);
            }
        }

        Assert.Contains("\n[bot.environment]\n", text);
    }
}
