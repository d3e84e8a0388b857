using ShootyTui.Core.Configuration;
using Xunit;

namespace ShootyTui.Tests.Configuration;

public sealed class ConfigErrorTests : IDisposable
{
    private readonly ConfigTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string ConfigPath => Path.Join(_folder.Root, "shooty.toml");

    [Fact]
    public void Invalid_duration_names_file_position_and_key()
    {
        var exception = _folder.ParseInvalid(ConfigText.Minimal + "stop_timeout = \"5 minutes\"\n");

        Assert.Equal(ConfigPath, exception.FilePath);
        Assert.Equal(5, exception.Line);
        Assert.Equal(16, exception.Column);
        Assert.Equal("bot.stop_timeout", exception.Key);
        Assert.Equal(
            $"{ConfigPath}:5:16: bot.stop_timeout: invalid duration \"5 minutes\"; "
                + "use a number and unit such as \"90s\", \"5m\" or \"1h\"",
            exception.Message
        );
    }

    [Fact]
    public void Unknown_key_in_section_suggests_known_key()
    {
        var exception = _folder.ParseInvalid(ConfigText.Minimal + "restart_limt = 3\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal((5, 1), (error.Line, error.Column));
        Assert.Equal("bot.restart_limt", error.Key);
        Assert.Equal("unknown key; did you mean \"restart_limit\"?", error.Detail);
    }

    [Fact]
    public void Unknown_section_at_top_level_suggests_known_section()
    {
        var exception = _folder.ParseInvalid(ConfigText.Minimal + "[bakup]\nkeep = 3\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal((5, 1), (error.Line, error.Column));
        Assert.Equal("bakup", error.Key);
        Assert.Equal("unknown section; did you mean \"backup\"?", error.Detail);
    }

    [Fact]
    public void Unknown_top_level_key_lists_sections()
    {
        var exception = _folder.ParseInvalid("colour = \"red\"\n" + ConfigText.Minimal);

        var error = Assert.Single(exception.Errors);
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Equal("colour", error.Key);
        Assert.StartsWith(
            "unknown key; valid sections are bot, dependencies, smoke_test,",
            error.Detail
        );
    }

    [Fact]
    public void Unknown_key_in_sub_table_suggests_known_key()
    {
        var exception = _folder.ParseInvalid(
            ConfigText.Minimal + "\n[notify.discord]\n  usernme = \"shooty\"\n"
        );

        var error = Assert.Single(exception.Errors);
        Assert.Equal((7, 3), (error.Line, error.Column));
        Assert.Equal("notify.discord.usernme", error.Key);
        Assert.Equal("unknown key; did you mean \"username\"?", error.Detail);
    }

    [Fact]
    public void Unknown_sub_table_suggests_known_table()
    {
        var exception = _folder.ParseInvalid(ConfigText.Minimal + "[bot.enviroment]\nA = \"1\"\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal((5, 1), (error.Line, error.Column));
        Assert.Equal("bot.enviroment", error.Key);
        Assert.Equal("unknown table; did you mean \"environment\"?", error.Detail);
    }

    [Fact]
    public void Unknown_key_without_close_match_lists_valid_keys()
    {
        var exception = _folder.ParseInvalid(ConfigText.Minimal + "[ui]\ncolours = 256\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal("ui.colours", error.Key);
        Assert.Equal("unknown key; valid keys in [ui] are theme, read_only", error.Detail);
    }

    [Fact]
    public void Wrong_type_names_position_key_and_types()
    {
        var exception = _folder.ParseInvalid(ConfigText.Minimal + "restart_limit = \"three\"\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal((5, 17), (error.Line, error.Column));
        Assert.Equal("bot.restart_limit", error.Key);
        Assert.Equal("invalid type: expected an integer, found a string", error.Detail);
    }

    [Fact]
    public void Wrong_types_in_one_table_are_reported_together()
    {
        var exception = _folder.ParseInvalid(
            ConfigText.Minimal + "stop_timeout = 30\nrestart_limit = true\n"
        );

        Assert.Equal(2, exception.Errors.Count);
        Assert.Equal("bot.stop_timeout", exception.Errors[0].Key);
        Assert.Equal((5, 16), (exception.Errors[0].Line, exception.Errors[0].Column));
        Assert.Equal(
            "invalid type: expected a string, found an integer; put the value in double quotes",
            exception.Errors[0].Detail
        );
        Assert.Equal("bot.restart_limit", exception.Errors[1].Key);
        Assert.Equal((6, 17), (exception.Errors[1].Line, exception.Errors[1].Column));
        Assert.Equal(
            "invalid type: expected an integer, found a boolean",
            exception.Errors[1].Detail
        );
        Assert.Equal(2, exception.Message.Split(Environment.NewLine).Length);
    }

    [Fact]
    public void Wrong_type_inside_array_names_array_key()
    {
        var exception = _folder.ParseInvalid(
            ConfigText.Minimal + "[dependencies]\nwatch = [\"requirements.txt\", 3]\n"
        );

        var error = Assert.Single(exception.Errors);
        Assert.Equal("dependencies.watch", error.Key);
        Assert.Equal((6, 30), (error.Line, error.Column));
    }

    [Fact]
    public void Missing_required_key_points_at_section_header()
    {
        var exception = _folder.ParseInvalid(
            "# the bot\n\n[bot]\nname = \"testbot\"\nstart = \"run\"\n"
        );

        var error = Assert.Single(exception.Errors);
        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Equal("bot.path", error.Key);
        Assert.Equal("missing required key; set it to the bot's git checkout", error.Detail);
    }

    [Fact]
    public void Missing_section_reports_required_keys_at_file_start()
    {
        var exception = _folder.ParseInvalid("# no bot here\n[update]\nauto = true\n");

        Assert.Equal(["bot.name", "bot.path", "bot.start"], exception.Errors.Select(e => e.Key));
        Assert.All(exception.Errors, error => Assert.Equal((1, 1), (error.Line, error.Column)));
    }

    [Theory]
    [InlineData("systemd", new[] { "bot.unit" })]
    [InlineData("commands", new[] { "bot.stop", "bot.is_running" })]
    public void Supervisor_requires_its_keys(string supervisor, string[] missingKeys)
    {
        var exception = _folder.ParseInvalid(
            ConfigText.Minimal + $"supervisor = \"{supervisor}\"\n"
        );

        Assert.Equal(missingKeys, exception.Errors.Select(error => error.Key));
        Assert.All(exception.Errors, error => Assert.Equal(1, error.Line));
        Assert.All(exception.Errors, error =>
            Assert.Contains($"supervisor \"{supervisor}\" needs", error.Detail)
        );
    }

    [Fact]
    public void Invalid_enum_lists_valid_values()
    {
        var exception = _folder.ParseInvalid(ConfigText.Minimal + "supervisor = \"docker\"\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal((5, 14), (error.Line, error.Column));
        Assert.Equal("bot.supervisor", error.Key);
        Assert.Equal(
            "invalid value \"docker\"; use one of \"process\", \"systemd\", \"commands\"",
            error.Detail
        );
    }

    [Theory]
    [InlineData("25:00-03:00")]
    [InlineData("2:00-6:00")]
    [InlineData("02:00")]
    [InlineData("02:00-02:00")]
    [InlineData("02:00 - 06:00")]
    public void Invalid_window_points_at_array_element(string window)
    {
        var exception = _folder.ParseInvalid(
            ConfigText.Minimal + $"[maintenance]\nwindows = [\"02:00-06:00\", \"{window}\"]\n"
        );

        var error = Assert.Single(exception.Errors);
        Assert.Equal((6, 27), (error.Line, error.Column));
        Assert.Equal("maintenance.windows", error.Key);
        Assert.Equal(
            $"invalid window \"{window}\"; use 24-hour \"HH:MM-HH:MM\" such as \"02:00-06:00\"",
            error.Detail
        );
    }

    [Fact]
    public void Invalid_values_in_every_section_are_reported_together()
    {
        var exception = _folder.ParseInvalid(
            """
            [bot]
            name = "bad name"
            path = "bot"
            start = "run"
            restart_limit = -1
            [backup]
            keep = 0
            min_free_disk = "lots"
            [maintenance]
            timezone = "Mars/Olympus"
            blackout_days = ["caturday"]
            blackout_dates = ["24.12.2026"]
            [webhook]
            listen = "localhost"
            path = "update"
            allow_networks = ["10.0.0.0/33"]
            rate_limit = "5 per minute"
            secret_env = "1SECRET"
            [logging]
            level = "verbose"
            [ui]
            theme = "../evil"
            """
        );

        Assert.Equal(
            [
                "bot.name",
                "bot.restart_limit",
                "backup.keep",
                "backup.min_free_disk",
                "maintenance.timezone",
                "maintenance.blackout_days",
                "maintenance.blackout_dates",
                "webhook.listen",
                "webhook.path",
                "webhook.allow_networks",
                "webhook.rate_limit",
                "webhook.secret_env",
                "logging.level",
                "ui.theme",
            ],
            exception.Errors.Select(error => error.Key)
        );
        Assert.Equal(
            Enumerable.Range(2, 21).Except([3, 4, 6, 9, 13, 19, 21]),
            exception.Errors.Select(error => error.Line)
        );
    }

    [Fact]
    public void Zero_health_gate_is_rejected()
    {
        var exception = _folder.ParseInvalid(
            ConfigText.Minimal + "[update]\nhealth_gate = \"0s\"\n"
        );

        var error = Assert.Single(exception.Errors);
        Assert.Equal("update.health_gate", error.Key);
        Assert.Equal("must be longer than zero; use a duration such as \"60s\"", error.Detail);
    }

    [Fact]
    public void Size_of_wrong_type_is_rejected()
    {
        var exception = _folder.ParseInvalid(
            ConfigText.Minimal + "[backup]\nmin_free_disk = true\n"
        );

        var error = Assert.Single(exception.Errors);
        Assert.Equal((6, 17), (error.Line, error.Column));
        Assert.Equal("backup.min_free_disk", error.Key);
    }

    [Fact]
    public void Invalid_size_is_reported_once()
    {
        var exception = _folder.ParseInvalid(
            ConfigText.Minimal + "[webhook]\nmax_body = \"lots\"\n"
        );

        var error = Assert.Single(exception.Errors);
        Assert.Equal("webhook.max_body", error.Key);
        Assert.StartsWith("invalid size \"lots\";", error.Detail);
    }

    [Fact]
    public void Empty_command_is_reported_once()
    {
        var exception = _folder.ParseInvalid(ConfigText.Minimal.Replace("python3 bot.py", " "));

        var error = Assert.Single(exception.Errors);
        Assert.Equal((4, 9), (error.Line, error.Column));
        Assert.Equal("bot.start", error.Key);
        Assert.Equal("empty value; give a value or remove the key", error.Detail);
    }

    [Fact]
    public void Syntax_error_names_position_and_key()
    {
        var exception = _folder.ParseInvalid("[bot]\nname = \"testbot\npath = \"bot\"\n");

        var error = exception.Errors[0];
        Assert.Equal(2, error.Line);
        Assert.Equal(16, error.Column);
        Assert.Equal("bot.name", error.Key);
        Assert.StartsWith("invalid TOML: ", error.Detail);
    }

    [Fact]
    public void Duplicate_key_is_a_syntax_error()
    {
        var exception = _folder.ParseInvalid(ConfigText.Minimal + "name = \"again\"\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal(5, error.Line);
        Assert.Equal("bot.name", error.Key);
        Assert.Contains("already defined", error.Detail);
    }

    [Fact]
    public void Invalid_environment_variable_name_points_at_key()
    {
        var exception = _folder.ParseInvalid(
            ConfigText.Minimal + "[bot.environment]\nOK = \"1\"\n\"NOT OK\" = \"2\"\n"
        );

        var error = Assert.Single(exception.Errors);
        Assert.Equal((7, 1), (error.Line, error.Column));
        Assert.Equal("bot.environment.NOT OK", error.Key);
    }

    [Fact]
    public void Home_expansion_without_home_is_an_error()
    {
        _folder.Environment.Remove("HOME");
        _folder.Environment["XDG_STATE_HOME"] = Path.Join(_folder.Root, "state");

        var exception = _folder.ParseInvalid(ConfigText.Minimal + "database = \"~/bot.db\"\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal("bot.database", error.Key);
        Assert.Equal(
            "cannot expand \"~/bot.db\" because HOME is not set; use an absolute path",
            error.Detail
        );
    }

    [Fact]
    public void Missing_home_and_state_home_is_an_error()
    {
        _folder.Environment.Remove("HOME");

        var exception = _folder.ParseInvalid(ConfigText.Minimal);

        var error = Assert.Single(exception.Errors);
        Assert.Equal("bot.state_dir", error.Key);
        Assert.Contains("neither XDG_STATE_HOME nor HOME is set", error.Detail);
    }
}
