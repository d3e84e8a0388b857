using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Cli;

public class RollbackCommandTests
{
    [Fact(Timeout = 120000)]
    public async Task Rollback_returns_code_dependencies_and_data_to_before_the_update()
    {
        await using var engine = await EngineHarness.StartAsync();
        var before = engine.Deployment.Git.HeadCommit;
        var update = await engine.UpdateAsync();
        Assert.Equal(UpdateOutcome.Succeeded, update.Outcome);
        var updateBackup = engine.Deployment.Journal.Get(update.UpdateId!.Value)!.BackupId!.Value;
        var ticksAtBackup = engine.Count(
            "ticks",
            engine.Deployment.Backups!.Get(updateBackup)!.Path
        );

        var run = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "rollback",
            "--yes",
        ]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(before, engine.Deployment.Git.HeadCommit);
        Assert.Contains(
            "\"scorefmt\": \"1.0.0\"",
            File.ReadAllText(Path.Combine(engine.Fixture.CheckoutPath, ".deps", "installed.json"))
        );
        await engine.WaitHealthyAsync();
        Assert.EndsWith(before[..7], engine.HeartbeatVersion());
        var last = engine.Deployment.Journal.List(1)[0];
        Assert.Equal("rollback", last.Trigger);
        Assert.Equal(UpdateOutcome.Succeeded, last.Outcome);
        var saved = engine.Deployment.Backups.Get(last.BackupId!.Value)!;
        Assert.Equal(update.ToCommit, saved.Commit);
        Assert.True(
            engine.Count("ticks", saved.Path) > ticksAtBackup,
            "the newer data was not kept in a backup"
        );
        Assert.Contains("restore", run.Output);
        Assert.Contains($"rolled back {update.ToCommit[..7]} -> {before[..7]}", run.Output);
        Assert.Contains("rollback recorded", run.Output);
        Assert.DoesNotContain("update recorded", run.Output);
    }

    [Fact(Timeout = 180000)]
    public async Task Second_rollback_goes_further_back()
    {
        await using var engine = await EngineHarness.StartAsync();
        var initial = engine.Deployment.Git.HeadCommit;
        var firstUpdate = await engine.UpdateAsync();
        Assert.Equal(UpdateOutcome.Succeeded, firstUpdate.Outcome);
        await engine.Fixture.PushAsync(
            "Add a note",
            new Dictionary<string, string?> { ["NOTE.md"] = "note\n" }
        );
        var secondUpdate = await engine.UpdateAsync();
        Assert.Equal(UpdateOutcome.Succeeded, secondUpdate.Outcome);
        var config = engine.Fixture.ConfigPath;

        var back = await ShootyProcess.RunAsync(["--config", config, "rollback", "--yes"]);
        var plan = engine.Deployment.Pipeline.PlanRollback(null);

        Assert.True(back.ExitCode == 0, back.Output + back.Error);
        Assert.Equal(firstUpdate.ToCommit, engine.Deployment.Git.HeadCommit);
        Assert.Equal(firstUpdate.ToCommit, plan.Current);
        Assert.Equal(initial, plan.Target);
        Assert.Equal(firstUpdate.UpdateId, plan.UndoesUpdateId);
    }

    [Fact(Timeout = 120000)]
    public async Task Rollback_without_a_successful_update_asks_for_a_commit()
    {
        await using var engine = await EngineHarness.StartAsync();
        var head = engine.Deployment.Git.HeadCommit;

        var run = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "rollback",
            "--yes",
        ]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--to COMMIT", run.Error);
        Assert.Equal(head, engine.Deployment.Git.HeadCommit);
    }

    [Fact(Timeout = 120000)]
    public async Task Rollback_refuses_without_a_terminal_or_yes()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpdateAsync();
        var head = engine.Deployment.Git.HeadCommit;

        var run = await ShootyProcess.RunAsync(["--config", engine.Fixture.ConfigPath, "rollback"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--yes", run.Error);
        Assert.Equal(head, engine.Deployment.Git.HeadCommit);
    }

    [Fact(Timeout = 120000)]
    public async Task Changelog_prints_grouped_markdown_for_the_pending_range()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.Deployment.Git.FetchAsync(CancellationToken.None);

        var run = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "changelog",
        ]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# shootybot-demo: ", run.Output);
        Assert.Contains("3 commit(s)", run.Output);
        Assert.Contains("## Features", run.Output);
        Assert.Contains("## Fixes", run.Output);
        Assert.Contains("## Chores", run.Output);
        Assert.Contains("Badges: deps", run.Output);
        Assert.Contains("| requirements.txt | modified | 1 | 1 |", run.Output);
    }
}
