using ShootyTui.Tests.Support;
using Xunit;

namespace ShootyTui.Tests.Demo;

/// <summary>The behaviour knobs in bot_settings.json, pushed to the origin and pulled.</summary>
public sealed class DemoBotSettingsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 60000)]
    public async Task Heartbeat_false_writes_no_heartbeat()
    {
        await using var deployment = await PulledAsync(fixture =>
            fixture.PushBehaviourAsync(heartbeat: false)
        );
        var seeded = TestDatabase.Count(deployment.DatabasePath, "ticks");
        using var bot = BotRun.Start(deployment.CheckoutPath);

        await Poll.UntilAsync(
            () => TestDatabase.Count(deployment.DatabasePath, "ticks") >= seeded + 2,
            Wait,
            () => $"two new ticks. Output:\n{bot.Output}"
        );

        Assert.False(bot.HasExited);
        Assert.False(File.Exists(deployment.HeartbeatPath));
    }

    [Fact(Timeout = 60000)]
    public async Task Ignore_sigterm_survives_sigterm()
    {
        await using var deployment = await PulledAsync(fixture =>
            fixture.PushBehaviourAsync(ignoreSigterm: true)
        );
        using var bot = BotRun.Start(deployment.CheckoutPath);
        await Poll.UntilAsync(() => File.Exists(deployment.HeartbeatPath), Wait, () => bot.Output);

        bot.Signal(BotRun.Sigterm);
        await bot.WaitForOutputAsync("received SIGTERM, ignoring it", Wait);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.False(bot.HasExited);
        Assert.DoesNotContain("shutting down", bot.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task Crash_at_start_exits_non_zero()
    {
        await using var deployment = await PulledAsync(fixture =>
            fixture.PushBehaviourAsync(crashAtStart: true)
        );
        using var bot = BotRun.Start(deployment.CheckoutPath);

        var exitCode = await bot.WaitForExitAsync(Wait);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("crash_at_start is true", bot.Output);
        Assert.False(File.Exists(deployment.HeartbeatPath));
    }

    [Fact(Timeout = 60000)]
    public async Task Exit_after_crashes_after_running()
    {
        await using var deployment = await PulledAsync(fixture =>
            fixture.PushBehaviourAsync(exitAfterSeconds: 1)
        );
        using var bot = BotRun.Start(deployment.CheckoutPath);
        var started = DateTime.UtcNow;

        var exitCode = await bot.WaitForExitAsync(Wait);

        Assert.NotEqual(0, exitCode);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1));
        Assert.Contains("simulated crash: exit_after_s is 1.0", bot.Output);
        Assert.True(File.Exists(deployment.HeartbeatPath));
    }

    [Fact(Timeout = 60000)]
    public async Task Db_writes_false_leaves_database_unchanged()
    {
        await using var deployment = await PulledAsync(fixture =>
            fixture.PushBehaviourAsync(dbWrites: false)
        );
        var seeded = TestDatabase.Count(deployment.DatabasePath, "ticks");
        using var bot = BotRun.Start(deployment.CheckoutPath);
        await Poll.UntilAsync(() => File.Exists(deployment.HeartbeatPath), Wait, () => bot.Output);

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.False(bot.HasExited);
        Assert.Equal(seeded, TestDatabase.Count(deployment.DatabasePath, "ticks"));
    }

    [Fact(Timeout = 60000)]
    public async Task Push_settings_changes_only_named_keys()
    {
        await using var deployment = await DeploymentFixture.CreateAsync();
        var before = deployment.RunGit(deployment.OriginPath, "show", "main:bot_settings.json");

        await deployment.PushSettingsAsync(
            new Dictionary<string, object?>
            {
                ["exit_after_s"] = 30,
                ["heartbeat_interval_s"] = 0.5,
            }
        );
        var after = deployment.RunGit(deployment.OriginPath, "show", "main:bot_settings.json");
        var subject = deployment.RunGit(deployment.OriginPath, "log", "-1", "--format=%s", "main");

        Assert.Contains("\"exit_after_s\": null", before);
        Assert.Contains("\"exit_after_s\": 30", after);
        Assert.Contains("\"heartbeat_interval_s\": 0.5", after);
        Assert.Contains("\"db_writes\": true", after);
        Assert.Equal("chore: set exit_after_s=30, heartbeat_interval_s=0.5", subject);
    }

    /// <summary>Builds a deployment, pushes a change and pulls it into the checkout.</summary>
    private static async Task<DeploymentFixture> PulledAsync(
        Func<DeploymentFixture, Task<string>> push
    )
    {
        var deployment = await DeploymentFixture.CreateAsync(
            DeploymentFixture.FastOptions with
            {
                CommitsBehind = 0,
            }
        );
        try
        {
            var tip = await push(deployment);
            deployment.RunGit(deployment.CheckoutPath, "pull", "--quiet", "--ff-only");
            Assert.Equal(tip, deployment.RunGit(deployment.CheckoutPath, "rev-parse", "HEAD"));
        }
        catch
        {
            deployment.Dispose();
            throw;
        }

        return deployment;
    }
}
