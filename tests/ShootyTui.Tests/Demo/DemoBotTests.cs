using System.Text.Json;
using ShootyTui.Tests.Support;
using Xunit;

namespace ShootyTui.Tests.Demo;

public sealed class DemoBotTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 60000)]
    public async Task Bot_writes_json_heartbeat()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var commit = deployment.RunGit(deployment.CheckoutPath, "rev-parse", "--short", "HEAD");
        using var bot = BotRun.Start(deployment.CheckoutPath);

        await WaitForFileAsync(deployment.HeartbeatPath, bot);
        var first = ReadHeartbeat(deployment.HeartbeatPath);
        var firstTimestamp = first.GetProperty("timestamp").GetDouble();
        await Poll.UntilAsync(
            () =>
                ReadHeartbeat(deployment.HeartbeatPath).GetProperty("timestamp").GetDouble()
                > firstTimestamp,
            Wait,
            () => $"a newer heartbeat. Output:\n{bot.Output}"
        );

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        Assert.InRange(firstTimestamp, now - 10, now + 1);
        Assert.True(first.GetProperty("discord_latency_ms").GetDouble() > 0);
        Assert.Equal(3, first.GetProperty("guilds").GetInt32());
        Assert.Equal(0, first.GetProperty("active_sessions").GetInt32());
        Assert.Equal($"0.3.0+{commit}", first.GetProperty("version").GetString());
        Assert.Contains($"shootybot 0.3.0+{commit} starting", bot.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task Bot_writes_ticks_into_wal_database()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var seeded = TestDatabase.Count(deployment.DatabasePath, "ticks");
        using var bot = BotRun.Start(deployment.CheckoutPath);

        await Poll.UntilAsync(
            () => TestDatabase.Count(deployment.DatabasePath, "ticks") >= seeded + 2,
            Wait,
            () => $"two new ticks. Output:\n{bot.Output}"
        );

        Assert.Equal("wal", TestDatabase.Scalar(deployment.DatabasePath, "PRAGMA journal_mode"));
        Assert.True(File.Exists(deployment.DatabasePath + "-wal"));
    }

    [Fact(Timeout = 60000)]
    public async Task Bot_exits_cleanly_on_sigterm()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        using var bot = BotRun.Start(deployment.CheckoutPath);
        await WaitForFileAsync(deployment.HeartbeatPath, bot);

        bot.Signal(BotRun.Sigterm);
        var exitCode = await bot.WaitForExitAsync(Wait);

        Assert.Equal(0, exitCode);
        Assert.Contains("received SIGTERM, shutting down", bot.Output);
        Assert.Contains("database closed", bot.Output);
        // SQLite checkpoints and deletes the WAL file when the last connection closes.
        Assert.False(File.Exists(deployment.DatabasePath + "-wal"));
        Assert.Equal("ok", TestDatabase.Scalar(deployment.DatabasePath, "PRAGMA integrity_check"));
    }

    [Fact(Timeout = 60000)]
    public async Task Bot_rereads_flags_when_file_changes()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        using var bot = BotRun.Start(deployment.CheckoutPath);
        await bot.WaitForOutputAsync("verbose_ticks=off", Wait);

        var replacement = deployment.FlagsPath + ".new";
        await File.WriteAllTextAsync(replacement, "{\"verbose_ticks\": true, \"extra\": false}\n");
        File.Move(replacement, deployment.FlagsPath, overwrite: true);

        await bot.WaitForOutputAsync("flags: extra=off, verbose_ticks=on", Wait);
        await bot.WaitForOutputAsync("tick: 0 active sessions", Wait);
    }

    [Fact(Timeout = 60000)]
    public async Task Bot_uses_data_dir_when_set()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var dataDirectory = Path.Combine(deployment.Root, "elsewhere");
        var database = Path.Combine(dataDirectory, "bot.db");
        var seeded = TestDatabase.Count(deployment.DatabasePath, "ticks");
        using var bot = BotRun.Start(
            deployment.CheckoutPath,
            new Dictionary<string, string> { ["DATA_DIR"] = dataDirectory }
        );

        await Poll.UntilAsync(
            () => TestDatabase.CountIfExists(database, "ticks") >= 1,
            Wait,
            () => $"a tick in {database}. Output:\n{bot.Output}"
        );
        bot.Signal(BotRun.Sigterm);
        await bot.WaitForExitAsync(Wait);

        Assert.Contains($"no flags file at {dataDirectory}/flags.json", bot.Output);
        Assert.Equal(seeded, TestDatabase.Count(deployment.DatabasePath, "ticks"));
    }

    [Fact(Timeout = 60000)]
    public async Task Bot_crashes_at_start_after_break()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var previousTip = deployment.RunGit(deployment.OriginPath, "rev-parse", "main");

        var tip = await deployment.BreakAsync();
        deployment.RunGit(deployment.CheckoutPath, "pull", "--quiet", "--ff-only");
        using var bot = BotRun.Start(deployment.CheckoutPath);
        var exitCode = await bot.WaitForExitAsync(Wait);

        Assert.Equal(tip, deployment.RunGit(deployment.OriginPath, "rev-parse", "main"));
        Assert.Equal(previousTip, deployment.RunGit(deployment.OriginPath, "rev-parse", "main~1"));
        Assert.Equal(
            "feat: faster leaderboard (broken)",
            deployment.RunGit(deployment.OriginPath, "log", "-1", "--format=%s", "main")
        );
        Assert.Equal(tip, deployment.RunGit(deployment.CheckoutPath, "rev-parse", "HEAD"));
        Assert.NotEqual(0, exitCode);
        Assert.Contains("KeyError: 'leaderboard_cache_s'", bot.Output);
        Assert.False(File.Exists(deployment.HeartbeatPath));
    }

    [Fact(Timeout = 60000)]
    public async Task Break_twice_pushes_a_new_tip_each_time()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();

        var first = await deployment.BreakAsync();
        var second = await deployment.BreakAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(first, deployment.RunGit(deployment.OriginPath, "rev-parse", "main~1"));
        Assert.Equal(second, deployment.RunGit(deployment.OriginPath, "rev-parse", "main"));
    }

    private static JsonElement ReadHeartbeat(string path) =>
        JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();

    private static Task WaitForFileAsync(string path, BotRun bot) =>
        Poll.UntilAsync(() => File.Exists(path), Wait, () => $"{path}. Output:\n{bot.Output}");
}
