using System.Net;
using ShootyTui.Core.Configuration;
using ShootyTui.Core.Supervision;
using Xunit;

namespace ShootyTui.Tests.Configuration;

public sealed class ConfigDefaultsTests : IDisposable
{
    private readonly ConfigTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Minimal_config_fills_bot_defaults()
    {
        var config = _folder.Parse(ConfigText.Minimal);

        var state = Path.Join(_folder.Home, ".local", "state", "shooty", "testbot");
        var botPath = Path.Join(_folder.Root, "bot");
        Assert.Equal(Path.Join(_folder.Root, "shooty.toml"), config.FilePath);
        Assert.Equal(_folder.Root, config.Directory);
        Assert.Equal(state, config.StateDirectory);
        Assert.Equal("testbot", config.Bot.Name);
        Assert.Equal(botPath, config.Bot.Path);
        Assert.Equal("origin", config.Bot.Remote);
        Assert.Equal("main", config.Bot.Branch);
        Assert.Equal(SupervisorKind.Process, config.Bot.Supervisor);
        Assert.Equal("python3 bot.py", config.Bot.Start);
        Assert.Null(config.Bot.Stop);
        Assert.Null(config.Bot.IsRunning);
        Assert.Null(config.Bot.Unit);
        Assert.Equal(TimeSpan.FromSeconds(30), config.Bot.StopTimeout);
        Assert.Null(config.Bot.Database);
        Assert.Equal(Path.Join(botPath, ".bot_health"), config.Bot.HeartbeatFile);
        Assert.Equal(TimeSpan.FromMinutes(5), config.Bot.HeartbeatMaxAge);
        Assert.Equal(Path.Join(state, "bot.log"), config.Bot.LogFile);
        Assert.Equal(3, config.Bot.RestartLimit);
        Assert.Empty(config.Bot.Environment);
    }

    [Fact]
    public void Minimal_config_fills_update_and_backup_defaults()
    {
        var config = _folder.Parse(ConfigText.Minimal);

        Assert.Equal(["requirements.txt"], config.Dependencies.Watch);
        Assert.Null(config.Dependencies.Install);
        Assert.Equal(TimeSpan.FromMinutes(10), config.Dependencies.Timeout);
        Assert.Null(config.SmokeTest.Command);
        Assert.Equal(TimeSpan.FromMinutes(2), config.SmokeTest.Timeout);
        Assert.False(config.Update.Auto);
        Assert.Equal(UpdateStrategy.InPlace, config.Update.Strategy);
        Assert.Equal(TimeSpan.FromSeconds(60), config.Update.HealthGate);
        Assert.Equal(TimeSpan.FromSeconds(10), config.Update.HealthSettle);
        Assert.Equal(TimeSpan.Zero, config.Update.WaitForSessions);
        Assert.Equal(TimeSpan.Zero, config.Update.Overlap);
        Assert.Equal(Path.Join(config.StateDirectory, "backups"), config.Backup.Dir);
        Assert.Equal(10, config.Backup.Keep);
        Assert.Equal(100_000_000, config.Backup.MinFreeDiskBytes);
    }

    [Fact]
    public void Minimal_config_fills_other_section_defaults()
    {
        var config = _folder.Parse(ConfigText.Minimal);

        Assert.Null(config.Maintenance.Timezone);
        Assert.Equal(TimeZoneInfo.Local, config.Maintenance.TimeZone);
        Assert.Empty(config.Maintenance.Windows);
        Assert.Empty(config.Maintenance.WindowRanges);
        Assert.Empty(config.Maintenance.BlackoutDays);
        Assert.Empty(config.Maintenance.BlackoutDates);
        Assert.Null(config.Health.MaxMemoryMb);
        Assert.Null(config.Health.MaxDbLatencyMs);
        Assert.Null(config.Health.MinFreeDiskMb);
        Assert.Null(config.Health.MaxTemperatureC);
        Assert.Null(config.Notify.Discord.WebhookUrlEnv);
        Assert.Null(config.Notify.Discord.MentionOnFailure);
        Assert.Null(config.Notify.Discord.Username);
        Assert.Null(config.Flags.File);
        Assert.Null(config.Secrets.File);
        Assert.Null(config.Secrets.PassphraseFile);
        Assert.False(config.Secrets.StartWithoutSecrets);
        Assert.Equal(Path.Join(config.StateDirectory, "shooty.log"), config.Logging.File);
        Assert.Equal("information", config.Logging.Level);
        Assert.Equal("default", config.Ui.Theme);
        Assert.False(config.Ui.ReadOnly);
    }

    [Fact]
    public void Minimal_config_fills_webhook_defaults()
    {
        var config = _folder.Parse(ConfigText.Minimal);

        Assert.Equal(IPEndPoint.Parse("127.0.0.1:9000"), config.Webhook.Listen);
        Assert.Equal("/update", config.Webhook.Path);
        Assert.Null(config.Webhook.SecretEnv);
        Assert.Equal("main", config.Webhook.Branch);
        Assert.Contains(IPNetwork.Parse("140.82.112.0/20"), config.Webhook.AllowNetworks);
        Assert.Contains(IPNetwork.Parse("2606:50c0::/32"), config.Webhook.AllowNetworks);
        Assert.Empty(config.Webhook.TrustedProxies);
        Assert.Equal(new RateLimit(5, TimeSpan.FromMinutes(1)), config.Webhook.RateLimit);
        Assert.Equal(1_048_576, config.Webhook.MaxBodyBytes);
    }

    [Fact]
    public void Webhook_branch_follows_bot_branch()
    {
        var config = _folder.Parse(
            ConfigText.Minimal.Replace("[bot]", "[bot]\nbranch = \"stable\"")
        );

        Assert.Equal("stable", config.Bot.Branch);
        Assert.Equal("stable", config.Webhook.Branch);
    }
}
