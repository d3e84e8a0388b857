using System.Net;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Supervision;
using Xunit;

namespace ShootyTui.Tests.Configuration;

/// <summary>
/// Every key set to a value other than its default, so that a key that does not bind (and so
/// keeps its default) fails a check.
/// </summary>
public sealed class ConfigBindingTests : IDisposable
{
    private const string FullConfig = """
        [bot]
        name = "fullbot"
        path = "/srv/fullbot"
        remote = "upstream"
        branch = "release"
        supervisor = "commands"
        start = "./run.sh"
        stop = "./stop.sh"
        is_running = "./alive.sh"
        unit = "fullbot.service"
        stop_timeout = "45s"
        database = "data/bot.db"
        heartbeat_file = "hb/.beat"
        heartbeat_max_age = "7m"
        log_file = "logs/bot.log"
        restart_limit = 5
        state_dir = "state"

        [bot.environment]
        DATA_DIR = "/srv/data"
        LOG_LEVEL = "debug"

        [dependencies]
        watch = ["requirements.txt", "constraints/prod.txt"]
        install = "pip install -r requirements.txt"
        timeout = "15m"

        [smoke_test]
        command = "python3 -m smoke"
        timeout = "3m"

        [update]
        auto = true
        strategy = "blue-green"
        health_gate = "2m"
        health_settle = "20s"
        wait_for_sessions = "30m"

        [backup]
        dir = "/mnt/backups"
        keep = 4
        min_free_disk = "2GiB"

        [maintenance]
        timezone = "Europe/Berlin"
        windows = ["02:00-06:00", "22:00-01:00"]
        blackout_days = ["saturday", "Sun"]
        blackout_dates = ["2026-12-24"]

        [health]
        max_memory_mb = 300
        max_db_latency_ms = 200
        min_free_disk_mb = 500
        max_temperature_c = 80.5

        [notify.discord]
        webhook_url_env = "DISCORD_WEBHOOK_URL"
        mention_on_failure = "<@&42>"
        username = "shooty"

        [flags]
        file = "flags.json"

        [secrets]
        file = ".env.gpg"
        passphrase_file = "~/.config/shooty/passphrase"
        start_without_secrets = true

        [webhook]
        listen = "[::1]:9100"
        path = "/hooks/push"
        secret_env = "HOOK_SECRET"
        branch = "deploy"
        allow_networks = ["10.0.0.0/8", "192.168.1.7"]
        trusted_proxies = ["127.0.0.1"]
        rate_limit = "10/h"
        max_body = 65536

        [logging]
        file = "shooty.log"
        level = "debug"

        [ui]
        theme = "dark"
        read_only = true

        """;

    private readonly ConfigTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string InRoot(params string[] parts) => Path.Join([_folder.Root, .. parts]);

    [Fact]
    public void Bot_keys_bind_from_snake_case()
    {
        var bot = _folder.Parse(FullConfig).Bot;

        Assert.Equal("fullbot", bot.Name);
        Assert.Equal("/srv/fullbot", bot.Path);
        Assert.Equal("upstream", bot.Remote);
        Assert.Equal("release", bot.Branch);
        Assert.Equal(SupervisorKind.Commands, bot.Supervisor);
        Assert.Equal("./run.sh", bot.Start);
        Assert.Equal("./stop.sh", bot.Stop);
        Assert.Equal("./alive.sh", bot.IsRunning);
        Assert.Equal("fullbot.service", bot.Unit);
        Assert.Equal(TimeSpan.FromSeconds(45), bot.StopTimeout);
        Assert.Equal(InRoot("data", "bot.db"), bot.Database);
        Assert.Equal(InRoot("hb", ".beat"), bot.HeartbeatFile);
        Assert.Equal(TimeSpan.FromMinutes(7), bot.HeartbeatMaxAge);
        Assert.Equal(InRoot("logs", "bot.log"), bot.LogFile);
        Assert.Equal(5, bot.RestartLimit);
        Assert.Equal(2, bot.Environment.Count);
        Assert.Equal("/srv/data", bot.Environment["DATA_DIR"]);
        Assert.Equal("debug", bot.Environment["LOG_LEVEL"]);
    }

    [Fact]
    public void State_dir_key_binds_and_moves_defaults()
    {
        var config = _folder.Parse(FullConfig.Replace("logs/bot.log", "bot.log"));
        var minimal = _folder.Parse(ConfigText.Minimal + "state_dir = \"state\"\n");

        Assert.Equal(InRoot("state"), config.StateDirectory);
        Assert.Equal(InRoot("state"), minimal.StateDirectory);
        Assert.Equal(InRoot("state", "bot.log"), minimal.Bot.LogFile);
        Assert.Equal(InRoot("state", "backups"), minimal.Backup.Dir);
        Assert.Equal(InRoot("state", "shooty.log"), minimal.Logging.File);
    }

    [Fact]
    public void Update_pipeline_keys_bind_from_snake_case()
    {
        var config = _folder.Parse(FullConfig);

        Assert.Equal(["requirements.txt", "constraints/prod.txt"], config.Dependencies.Watch);
        Assert.Equal("pip install -r requirements.txt", config.Dependencies.Install);
        Assert.Equal(TimeSpan.FromMinutes(15), config.Dependencies.Timeout);
        Assert.Equal("python3 -m smoke", config.SmokeTest.Command);
        Assert.Equal(TimeSpan.FromMinutes(3), config.SmokeTest.Timeout);
        Assert.True(config.Update.Auto);
        Assert.Equal(UpdateStrategy.BlueGreen, config.Update.Strategy);
        Assert.Equal(TimeSpan.FromMinutes(2), config.Update.HealthGate);
        Assert.Equal(TimeSpan.FromSeconds(20), config.Update.HealthSettle);
        Assert.Equal(TimeSpan.FromMinutes(30), config.Update.WaitForSessions);
        Assert.Equal("/mnt/backups", config.Backup.Dir);
        Assert.Equal(4, config.Backup.Keep);
        Assert.Equal(2L * 1024 * 1024 * 1024, config.Backup.MinFreeDiskBytes);
    }

    [Fact]
    public void Maintenance_and_health_keys_bind_from_snake_case()
    {
        var config = _folder.Parse(FullConfig);

        var maintenance = config.Maintenance;
        Assert.Equal("Europe/Berlin", maintenance.Timezone);
        Assert.Equal("Europe/Berlin", maintenance.TimeZone.Id);
        Assert.Equal(["02:00-06:00", "22:00-01:00"], maintenance.Windows);
        Assert.Equal(new MaintenanceWindow(new(2, 0), new(6, 0)), maintenance.WindowRanges[0]);
        Assert.True(maintenance.WindowRanges[1].CrossesMidnight);
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], maintenance.BlackoutDays);
        Assert.Equal([new DateOnly(2026, 12, 24)], maintenance.BlackoutDates);
        Assert.Equal(300, config.Health.MaxMemoryMb);
        Assert.Equal(200, config.Health.MaxDbLatencyMs);
        Assert.Equal(500, config.Health.MinFreeDiskMb);
        Assert.Equal(80.5, config.Health.MaxTemperatureC);
    }

    [Fact]
    public void Integration_keys_bind_from_snake_case()
    {
        var config = _folder.Parse(FullConfig);

        Assert.Equal("DISCORD_WEBHOOK_URL", config.Notify.Discord.WebhookUrlEnv);
        Assert.Equal("<@&42>", config.Notify.Discord.MentionOnFailure);
        Assert.Equal("shooty", config.Notify.Discord.Username);
        Assert.Equal(InRoot("flags.json"), config.Flags.File);
        Assert.Equal(InRoot(".env.gpg"), config.Secrets.File);
        Assert.Equal(
            Path.Join(_folder.Home, ".config", "shooty", "passphrase"),
            config.Secrets.PassphraseFile
        );
        Assert.True(config.Secrets.StartWithoutSecrets);
        Assert.Equal(InRoot("shooty.log"), config.Logging.File);
        Assert.Equal("debug", config.Logging.Level);
        Assert.Equal("dark", config.Ui.Theme);
        Assert.True(config.Ui.ReadOnly);
    }

    [Fact]
    public void Webhook_keys_bind_from_snake_case()
    {
        var webhook = _folder.Parse(FullConfig).Webhook;

        Assert.Equal(IPEndPoint.Parse("[::1]:9100"), webhook.Listen);
        Assert.Equal("/hooks/push", webhook.Path);
        Assert.Equal("HOOK_SECRET", webhook.SecretEnv);
        Assert.Equal("deploy", webhook.Branch);
        Assert.Equal(
            [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("192.168.1.7/32")],
            webhook.AllowNetworks
        );
        Assert.Equal([IPNetwork.Parse("127.0.0.1/32")], webhook.TrustedProxies);
        Assert.Equal(new RateLimit(10, TimeSpan.FromHours(1)), webhook.RateLimit);
        Assert.Equal(65536, webhook.MaxBodyBytes);
    }

    [Fact]
    public void Dotted_and_inline_tables_bind_like_sections()
    {
        var config = _folder.Parse(
            """
            bot = { name = "inline", path = "bot", start = "run", environment = { A = "1" } }
            update.auto = true
            notify.discord.username = "dotted"
            """
        );

        Assert.Equal("inline", config.Bot.Name);
        Assert.Equal("1", config.Bot.Environment["A"]);
        Assert.True(config.Update.Auto);
        Assert.Equal("dotted", config.Notify.Discord.Username);
    }
}
