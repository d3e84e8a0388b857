using System.Text.RegularExpressions;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Updates;

public class UpdatePipelineTests
{
    [Fact(Timeout = 120000)]
    public async Task Update_moves_to_tip_and_new_version_runs()
    {
        await using var engine = await EngineHarness.StartAsync();
        var from = engine.Deployment.Git.HeadCommit;
        var oldPid = await engine.BotPidAsync();
        var playersBefore = engine.Count("players");

        var result = await engine.UpdateAsync();

        Assert.Equal(UpdateOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        var tip = engine.Deployment.Git.GetStatus().RemoteTip!;
        Assert.Equal(tip, engine.Deployment.Git.HeadCommit);
        Assert.NotEqual(oldPid, await engine.BotPidAsync());
        Assert.EndsWith(tip[..7], engine.HeartbeatVersion());
        Assert.True(engine.Count("players") >= playersBefore);

        var record = engine.Deployment.Journal.Get(result.UpdateId!.Value)!;
        Assert.Equal(from, record.FromCommit);
        Assert.True(record.DependenciesChanged);
        Assert.True(record.DowntimeMs > 0);
        var backup = engine.Deployment.Backups!.Get(record.BackupId!.Value)!;
        Assert.Equal(from, backup.Commit);
        Assert.Equal("pre-update", backup.Reason);

        Assert.Contains("\"scorefmt\": \"1.1.0\"", InstalledDependencies(engine));
        var changelogs = Directory.GetFiles(
            Path.Combine(engine.Config.StateDirectory, "changelogs")
        );
        Assert.Single(changelogs);
        Assert.EndsWith($"-{tip[..7]}.md", changelogs[0]);
    }

    [Fact(Timeout = 120000)]
    public async Task Failed_dependency_install_rolls_back_code_deps_and_data()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpdateAsync();
        var good = engine.Deployment.Git.HeadCommit;
        await engine.Fixture.PushUnvendoredRequirementAsync();

        var result = await engine.UpdateAsync();

        await AssertRolledBackAsync(engine, result, good, UpdateStep.Dependencies);
        Assert.Contains("confetti", result.OutputTail);
        Assert.DoesNotContain("confetti", InstalledDependencies(engine));
        Assert.Contains("\"scorefmt\": \"1.1.0\"", InstalledDependencies(engine));
    }

    [Fact(Timeout = 120000)]
    public async Task Failed_smoke_test_rolls_back()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpdateAsync();
        var good = engine.Deployment.Git.HeadCommit;
        await engine.Fixture.PushFailingSmokeTestAsync();

        var result = await engine.UpdateAsync();

        await AssertRolledBackAsync(engine, result, good, UpdateStep.SmokeTest);
    }

    [Fact(Timeout = 120000)]
    public async Task Crash_at_start_rolls_back_and_saves_failed_database()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpdateAsync();
        var good = engine.Deployment.Git.HeadCommit;
        await engine.Fixture.PushBehaviourAsync(crashAtStart: true);

        var result = await engine.UpdateAsync();

        await AssertRolledBackAsync(engine, result, good, UpdateStep.HealthGate);
        Assert.Contains("exited", result.Message);
        var saved = engine
            .Deployment.Backups!.List()
            .Single(entry => entry.Reason == "failed-version");
        Assert.Equal(result.ToCommit, saved.Commit);
    }

    [Fact(Timeout = 120000)]
    public async Task Never_healthy_version_fails_gate_and_rolls_back()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpdateAsync();
        var good = engine.Deployment.Git.HeadCommit;
        await engine.Fixture.PushBehaviourAsync(heartbeat: false);

        var result = await engine.UpdateAsync();

        await AssertRolledBackAsync(engine, result, good, UpdateStep.HealthGate);
        Assert.Contains("not healthy within", result.Message);
    }

    [Fact(Timeout = 120000)]
    public async Task Rollback_restores_data_written_before_the_update()
    {
        // The new version writes for 2 s, then crashes inside the 4 s settle time.
        await using var engine = await EngineHarness.StartAsync(toml =>
            Regex.Replace(toml, "health_settle = \"[^\"]*\"", "health_settle = \"4s\"")
        );
        await engine.UpdateAsync();
        var good = engine.Deployment.Git.HeadCommit;
        await engine.Fixture.PushBehaviourAsync(exitAfterSeconds: 2);

        var result = await engine.UpdateAsync();

        await AssertRolledBackAsync(engine, result, good, UpdateStep.HealthGate);
        var record = engine.Deployment.Journal.Get(result.UpdateId!.Value)!;
        var backup = engine.Deployment.Backups!.Get(record.BackupId!.Value)!;
        var ticksInBackup = engine.Count("ticks", backup.Path);
        var failed = engine
            .Deployment.Backups.List()
            .Single(entry => entry.Reason == "failed-version");
        var ticksOfFailedVersion = engine.Count("ticks", failed.Path);
        Assert.True(
            ticksOfFailedVersion > ticksInBackup,
            "the failed version wrote ticks that its own backup keeps"
        );
        Assert.True(
            engine.Count("ticks") >= ticksInBackup,
            "the restored database lost rows from before the update"
        );
    }

    [Fact(Timeout = 120000)]
    public async Task Force_pushed_remote_is_refused_and_bot_untouched()
    {
        await using var engine = await EngineHarness.StartAsync();
        var head = engine.Deployment.Git.HeadCommit;
        var pid = await engine.BotPidAsync();
        engine.Fixture.RunGit(engine.Fixture.UpstreamPath, "reset", "--hard", "HEAD~4");
        engine.Fixture.RunGit(
            engine.Fixture.UpstreamPath,
            "commit",
            "--allow-empty",
            "-m",
            "rewrite history"
        );
        engine.Fixture.RunGit(
            engine.Fixture.UpstreamPath,
            "push",
            "--force",
            "origin",
            "HEAD:main"
        );

        var result = await engine.UpdateAsync();

        Assert.Equal(UpdateOutcome.Aborted, result.Outcome);
        Assert.Equal(UpdateStep.Preflight, result.FailedStep);
        Assert.Contains("not a fast-forward", result.Message);
        Assert.Equal(head, engine.Deployment.Git.HeadCommit);
        Assert.Equal(pid, await engine.BotPidAsync());
    }

    [Fact(Timeout = 120000)]
    public async Task Dirty_tree_is_refused_and_bot_untouched()
    {
        await using var engine = await EngineHarness.StartAsync();
        var pid = await engine.BotPidAsync();
        File.AppendAllText(
            Path.Combine(engine.Fixture.CheckoutPath, "bot.py"),
            "\n# local hotfix\n"
        );

        var result = await engine.UpdateAsync();

        Assert.Equal(UpdateOutcome.Aborted, result.Outcome);
        Assert.Contains("bot.py", result.Message);
        Assert.Equal(pid, await engine.BotPidAsync());
        Assert.Equal("aborted", engine.Deployment.Journal.List(1)[0].Outcome?.ToName());
    }

    [Fact(Timeout = 120000)]
    public async Task Failed_tip_is_skipped_unattended_until_a_newer_tip()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpdateAsync();
        await engine.Fixture.PushBehaviourAsync(crashAtStart: true);
        var failed = await engine.UpdateAsync(new UpdateRequest("auto", Unattended: true));
        Assert.Equal(UpdateOutcome.RolledBack, failed.Outcome);
        var attempts = engine.Deployment.Journal.List(100).Count;

        var retry = await engine.UpdateAsync(new UpdateRequest("auto", Unattended: true));

        Assert.Null(retry.UpdateId);
        Assert.Contains("failed before", retry.Message);
        Assert.Equal(attempts, engine.Deployment.Journal.List(100).Count);

        await engine.Fixture.PushBehaviourAsync(crashAtStart: false);
        var newer = await engine.UpdateAsync(new UpdateRequest("auto", Unattended: true));
        Assert.Equal(UpdateOutcome.Succeeded, newer.Outcome);
    }

    [Fact(Timeout = 120000)]
    public async Task Up_to_date_update_records_nothing()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpdateAsync();
        var count = engine.Deployment.Journal.List(100).Count;

        var again = await engine.UpdateAsync();

        Assert.True(again.UpToDate);
        Assert.Equal(count, engine.Deployment.Journal.List(100).Count);
    }

    private static async Task AssertRolledBackAsync(
        EngineHarness engine,
        UpdateResult result,
        string good,
        UpdateStep failedStep
    )
    {
        Assert.Equal(UpdateOutcome.RolledBack, result.Outcome);
        Assert.Equal(failedStep, result.FailedStep);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(good, engine.Deployment.Git.HeadCommit);
        Assert.Empty(engine.Deployment.Git.GetStatus().DirtyFiles);
        var state = await engine.Deployment.Supervisor.GetStateAsync(CancellationToken.None);
        Assert.True(state.Running, "the old version is not running after the rollback");
        await engine.WaitHealthyAsync();
        Assert.EndsWith(good[..7], engine.HeartbeatVersion());
        Assert.True(engine.Deployment.FailedTips.Contains(result.ToCommit));
        var record = engine.Deployment.Journal.Get(result.UpdateId!.Value)!;
        Assert.Equal(UpdateOutcome.RolledBack, record.Outcome);
        Assert.Equal(failedStep.ToName(), record.FailedStep);
    }

    private static string InstalledDependencies(EngineHarness engine) =>
        File.ReadAllText(Path.Combine(engine.Fixture.CheckoutPath, ".deps", "installed.json"));
}
