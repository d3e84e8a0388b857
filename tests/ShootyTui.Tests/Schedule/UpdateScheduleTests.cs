using ShootyTui.Core.Schedule;
using ShootyTui.Core.State;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Schedule;

public sealed class UpdateScheduleTests
{
    [Fact]
    public void Schedule_set_replace_and_cancel()
    {
        using var folder = new TempDirectory();
        var schedule = new UpdateSchedule(new StateDatabase(folder.Combine("state.db")));
        var at = new DateTimeOffset(2026, 3, 1, 2, 30, 0, TimeSpan.Zero);

        Assert.Null(schedule.Get());
        schedule.Set(new string('a', 40), "cli", at);
        schedule.Set(new string('b', 40), "webhook", at.AddMinutes(5));
        var scheduled = schedule.Get();

        Assert.NotNull(scheduled);
        Assert.Equal(new string('b', 40), scheduled.Tip);
        Assert.Equal("webhook", scheduled.RequestedBy);
        Assert.Equal(at.AddMinutes(5), scheduled.RequestedAt);
        Assert.True(schedule.Cancel());
        Assert.Null(schedule.Get());
        Assert.False(schedule.Cancel());
    }

    [Fact(Timeout = 60000)]
    public async Task Auto_run_applies_scheduled_tip_with_auto_off()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace("[update]\n", "[update]\nauto = false\n", StringComparison.Ordinal)
        );
        var deployment = engine.Deployment;
        var head = deployment.Git.GetStatus().HeadCommit;
        var tip = await engine.Fixture.PushAsync(
            "feat: scheduled",
            new Dictionary<string, string?> { ["scheduled.txt"] = "1\n" }
        );

        var unscheduled = await new AutoRun(deployment).RunAsync(CancellationToken.None);
        var headBefore = deployment.Git.GetStatus().HeadCommit;
        var schedule = new UpdateSchedule(deployment.State);
        schedule.Set(tip, "cli", DateTimeOffset.UtcNow);
        var scheduled = await new AutoRun(deployment).RunAsync(CancellationToken.None);

        Assert.False(deployment.Config.Update.Auto);
        Assert.Equal(0, unscheduled.ExitCode);
        Assert.Equal(head, headBefore);
        Assert.Equal(0, scheduled.ExitCode);
        Assert.Equal(tip, deployment.Git.GetStatus().HeadCommit);
        Assert.Null(schedule.Get());
        var update = deployment.Journal.List(1).Single();
        Assert.Equal(UpdateOutcome.Succeeded, update.Outcome);
        Assert.Equal("auto", update.Trigger);
    }

    [Fact(Timeout = 60000)]
    public async Task Auto_run_rejects_scheduled_tip_after_newer_push()
    {
        await using var engine = await EngineHarness.StartAsync(toml =>
            toml.Replace("[update]\n", "[update]\nauto = false\n", StringComparison.Ordinal)
        );
        var deployment = engine.Deployment;
        var head = deployment.Git.GetStatus().HeadCommit;
        var approved = await engine.Fixture.PushAsync(
            "feat: approved",
            new Dictionary<string, string?> { ["approved.txt"] = "1\n" }
        );
        await engine.Fixture.PushAsync(
            "feat: not approved",
            new Dictionary<string, string?> { ["later.txt"] = "1\n" }
        );
        var schedule = new UpdateSchedule(deployment.State);
        schedule.Set(approved, "cli", DateTimeOffset.UtcNow);

        var result = await new AutoRun(deployment).RunAsync(CancellationToken.None);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(head, deployment.Git.GetStatus().HeadCommit);
        Assert.Null(schedule.Get());
        Assert.Contains(result.Messages, message =>
            message.Contains("moved", StringComparison.Ordinal)
        );
    }
}
