using ShootyTui.Core.Configuration;
using Xunit;

namespace ShootyTui.Tests.Configuration;

public sealed class ConfigPathTests : IDisposable
{
    private readonly ConfigTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ShootyConfig ParseWithBot(string botLines) =>
        _folder.Parse(ConfigText.Minimal + botLines);

    [Fact]
    public void Relative_paths_resolve_against_config_directory()
    {
        var configPath = _folder.Write(
            "etc/shooty.toml",
            ConfigText.Minimal + "database = \"../data/bot.db\"\nlog_file = \"logs/bot.log\"\n"
        );

        var config = ConfigLoader.LoadFile(configPath, _folder.Environment);

        var etc = Path.Join(_folder.Root, "etc");
        Assert.Equal(etc, config.Directory);
        Assert.Equal(Path.Join(etc, "bot"), config.Bot.Path);
        Assert.Equal(Path.Join(_folder.Root, "data", "bot.db"), config.Bot.Database);
        Assert.Equal(Path.Join(etc, "logs", "bot.log"), config.Bot.LogFile);
    }

    [Fact]
    public void Absolute_paths_are_kept()
    {
        var config = _folder.Parse(
            ConfigText.Minimal.Replace("\"bot\"", "\"/srv/bot\"")
                + "database = \"/var/lib/bot/bot.db\"\n"
        );

        Assert.Equal("/srv/bot", config.Bot.Path);
        Assert.Equal("/var/lib/bot/bot.db", config.Bot.Database);
        Assert.Equal("/srv/bot/.bot_health", config.Bot.HeartbeatFile);
    }

    [Fact]
    public void Tilde_paths_expand_to_home()
    {
        var config = _folder.Parse(
            ConfigText.Minimal.Replace("\"bot\"", "\"~/ShootyBot\"")
                + "database = \"~\"\n[backup]\ndir = \"~/backups/../bk\"\n"
        );

        Assert.Equal(Path.Join(_folder.Home, "ShootyBot"), config.Bot.Path);
        Assert.Equal(_folder.Home, config.Bot.Database);
        Assert.Equal(Path.Join(_folder.Home, "bk"), config.Backup.Dir);
    }

    [Fact]
    public void Tilde_with_user_name_is_rejected()
    {
        var exception = _folder.ParseInvalid(ConfigText.Minimal + "database = \"~pi/bot.db\"\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal("bot.database", error.Key);
        Assert.Equal(
            "cannot expand \"~pi/bot.db\": only \"~\" and \"~/\" are expanded; "
                + "use an absolute path",
            error.Detail
        );
    }

    [Fact]
    public void Configured_heartbeat_file_is_relative_to_config()
    {
        var config = ParseWithBot("heartbeat_file = \"beats/.bot_health\"\n");

        Assert.Equal(Path.Join(_folder.Root, "beats", ".bot_health"), config.Bot.HeartbeatFile);
    }

    [Fact]
    public void State_directory_uses_xdg_state_home()
    {
        _folder.Environment["XDG_STATE_HOME"] = Path.Join(_folder.Root, "xdg-state");

        var config = _folder.Parse(ConfigText.Minimal);

        Assert.Equal(
            Path.Join(_folder.Root, "xdg-state", "shooty", "testbot"),
            config.StateDirectory
        );
        Assert.False(Directory.Exists(config.StateDirectory));
    }

    [Fact]
    public void Relative_xdg_state_home_is_ignored()
    {
        _folder.Environment["XDG_STATE_HOME"] = "relative/state";

        var config = _folder.Parse(ConfigText.Minimal);

        Assert.Equal(
            Path.Join(_folder.Home, ".local", "state", "shooty", "testbot"),
            config.StateDirectory
        );
    }

    [Fact]
    public void Watch_paths_must_stay_inside_checkout()
    {
        var exception = _folder.ParseInvalid(
            ConfigText.Minimal
                + "[dependencies]\nwatch = [\"ok.txt\", \"/etc/passwd\", \"../up.txt\"]\n"
        );

        Assert.Equal(2, exception.Errors.Count);
        Assert.All(exception.Errors, error => Assert.Equal("dependencies.watch", error.Key));
        Assert.Equal([20, 35], exception.Errors.Select(error => error.Column));
    }
}
