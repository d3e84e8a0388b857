using ShootyTui.Core.Slots;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.BlueGreen;

public class BlueGreenUpdateTests
{
    [Fact(Timeout = 120000)]
    public async Task Update_switches_to_prepared_slot()
    {
        await using var engine = await BlueGreenHarness.StartAsync();
        var from = engine.SlotCommit(SlotColor.Blue);
        var oldPid = await engine.BotPidAsync();
        var playersBefore = engine.Count("players");
        var logOffset = engine.BotLogLength();

        var result = await engine.UpdateAsync();

        Assert.True(result.Outcome == UpdateOutcome.Succeeded, result.Message);
        Assert.Equal(SlotColor.Green, engine.Live());
        Assert.Equal(SlotColor.Green, engine.Deployment.Slots.Store.Live());
        var layout = engine.Deployment.Slots.Layout;
        Assert.Equal("green", new FileInfo(layout.CurrentLink).LinkTarget);
        var checkoutName = Path.GetFileName(engine.Fixture.CheckoutPath);
        Assert.Equal($"{checkoutName}-slots/current", new FileInfo(layout.BotPath).LinkTarget);
        Assert.Equal(result.ToCommit, engine.SlotCommit(SlotColor.Green));
        Assert.Equal(from, engine.SlotCommit(SlotColor.Blue));
        Assert.NotEqual(oldPid, await engine.BotPidAsync());
        Assert.EndsWith(result.ToCommit[..7], engine.HeartbeatVersion());
        Assert.True(engine.Count("players") >= playersBefore, "shared players were lost");

        var steps = engine.Deployment.Journal.Steps(result.UpdateId!.Value);
        var prepared = steps.Single(e => e.Step == "smoke_test" && e.Phase == "succeeded");
        var stopStarted = steps.Single(e => e.Step == "stop" && e.Phase == "started");
        Assert.True(prepared.Id < stopStarted.Id, "the live slot stopped before the smoke test");
        var stopped = steps.Single(e => e.Step == "stop" && e.Phase == "succeeded");
        var started = steps.Single(e => e.Step == "start" && e.Phase == "started");
        Assert.True(stopped.Id < started.Id, "the new slot started before the old one stopped");
        Assert.True(stopped.At <= started.At);
        Assert.Contains("stopped gracefully", stopped.Detail);
        var log = engine.BotLogSince(logOffset);
        var shutdown = IndexOf(log, "received SIGTERM, shutting down");
        var closed = IndexOf(log, "database closed");
        var newStart = IndexOf(log, $"starting (pid {await engine.BotPidAsync()},");
        Assert.True(
            shutdown < closed && closed < newStart,
            "the new slot started before the old one had exited:\n" + string.Join("\n", log)
        );
        Assert.Empty(engine.ProcessesIn(SlotColor.Blue));

        var slots = engine.Deployment.Slots.Describe();
        Assert.Equal(2, slots.Count);
        var green = slots.Single(slot => slot.Name == "green");
        var blue = slots.Single(slot => slot.Name == "blue");
        Assert.True(green.Live);
        Assert.False(blue.Live);
        Assert.Equal(result.ToCommit, green.Commit);
        Assert.Equal(from, blue.Commit);
        Assert.True(green.Ready);
        Assert.True(blue.Ready, "the old slot should stay ready for a swap-back");
    }

    [Fact(Timeout = 120000)]
    public async Task Open_deployment_sees_the_new_slot_after_a_switch()
    {
        await using var engine = await BlueGreenHarness.StartAsync();
        // Opened after the conversion, as a command or the panel is.
        engine.Reopen();
        _ = await engine.Deployment.GetStatusAsync(CancellationToken.None);

        var result = await engine.UpdateAsync();
        var status = await engine.Deployment.GetStatusAsync(CancellationToken.None);
        var check = await engine.Deployment.CheckAsync(fetch: false, CancellationToken.None);

        Assert.True(result.Outcome == UpdateOutcome.Succeeded, result.Message);
        Assert.Equal(result.ToCommit, status.Commit);
        Assert.Equal(result.ToCommit, check.Commit);
        Assert.Empty(check.Pending);

        // The second switch goes back to slot blue, the original checkout.
        await engine.Fixture.PushAsync(
            "docs: note",
            new Dictionary<string, string?> { ["NOTES.md"] = "note\n" }
        );
        _ = await engine.Deployment.CheckAsync(fetch: true, CancellationToken.None);
        var second = await engine.UpdateAsync();
        var secondStatus = await engine.Deployment.GetStatusAsync(CancellationToken.None);
        var secondCheck = await engine.Deployment.CheckAsync(fetch: true, CancellationToken.None);

        Assert.True(second.Outcome == UpdateOutcome.Succeeded, second.Message);
        Assert.Equal(SlotColor.Blue, engine.Live());
        Assert.Equal(second.ToCommit, secondStatus.Commit);
        Assert.Equal(second.ToCommit, secondCheck.Commit);
        Assert.Empty(secondCheck.Pending);
    }

    [Fact(Timeout = 120000)]
    public async Task Dependency_change_installs_only_in_prepared_slot()
    {
        await using var engine = await BlueGreenHarness.StartAsync();
        var blueBefore = engine.InstalledScorefmt(SlotColor.Blue);
        var blueInstall = Path.Combine(engine.SlotPath(SlotColor.Blue), ".deps", "installed.json");
        var blueWritten = File.GetLastWriteTimeUtc(blueInstall);

        var first = await engine.UpdateAsync();

        Assert.True(first.Outcome == UpdateOutcome.Succeeded, first.Message);
        Assert.True(engine.Deployment.Journal.Get(first.UpdateId!.Value)!.DependenciesChanged);
        Assert.Equal("1.0.0", blueBefore);
        Assert.Equal("1.1.0", engine.InstalledScorefmt(SlotColor.Green));
        Assert.Equal("1.0.0", engine.InstalledScorefmt(SlotColor.Blue));
        Assert.Equal(blueWritten, File.GetLastWriteTimeUtc(blueInstall));

        // Blue last installed for the old manifest, so preparing it again installs.
        await engine.Fixture.PushAsync(
            "docs: note one",
            new Dictionary<string, string?> { ["NOTES.md"] = "one\n" }
        );
        var second = await engine.UpdateAsync();

        Assert.True(second.Outcome == UpdateOutcome.Succeeded, second.Message);
        Assert.Equal(SlotColor.Blue, engine.Live());
        Assert.True(engine.Deployment.Journal.Get(second.UpdateId!.Value)!.DependenciesChanged);
        Assert.Equal("1.1.0", engine.InstalledScorefmt(SlotColor.Blue));

        // Green already installed this manifest, so preparing it skips the install.
        await engine.Fixture.PushAsync(
            "docs: note two",
            new Dictionary<string, string?> { ["NOTES.md"] = "two\n" }
        );
        var third = await engine.UpdateAsync();

        Assert.True(third.Outcome == UpdateOutcome.Succeeded, third.Message);
        Assert.Equal(SlotColor.Green, engine.Live());
        Assert.False(engine.Deployment.Journal.Get(third.UpdateId!.Value)!.DependenciesChanged);
        var install = engine
            .Deployment.Journal.Steps(third.UpdateId!.Value)
            .Single(e => e.Step == "dependencies" && e.Phase == "succeeded");
        Assert.Contains("install skipped", install.Detail);
    }

    [Fact(Timeout = 120000)]
    public async Task Preparation_failure_leaves_bot_untouched()
    {
        await using var engine = await BlueGreenHarness.StartAsync();
        var from = engine.SlotCommit(SlotColor.Blue);
        var pid = await engine.BotPidAsync();
        var tip = await engine.Fixture.PushFailingSmokeTestAsync();

        var result = await engine.UpdateAsync();

        Assert.Equal(UpdateOutcome.Aborted, result.Outcome);
        Assert.Equal(UpdateStep.SmokeTest, result.FailedStep);
        Assert.Contains("kept running", result.Message);
        Assert.Equal(SlotColor.Blue, engine.Live());
        Assert.Equal(pid, await engine.BotPidAsync());
        Assert.Equal(from, engine.SlotCommit(SlotColor.Blue));
        Assert.Null(result.Downtime);
        var steps = engine.Deployment.Journal.Steps(result.UpdateId!.Value);
        Assert.DoesNotContain(steps, e => e.Step == "stop");
        Assert.True(engine.Deployment.FailedTips.Contains(tip));
        await engine.WaitHealthyAsync();
        Assert.EndsWith(from[..7], engine.HeartbeatVersion());
    }

    [Fact(Timeout = 120000)]
    public async Task Gate_failure_restores_old_slot_and_database()
    {
        await using var engine = await BlueGreenHarness.StartAsync();
        var from = engine.SlotCommit(SlotColor.Blue);
        var blueInstall = Path.Combine(engine.SlotPath(SlotColor.Blue), ".deps", "installed.json");
        var blueWritten = File.GetLastWriteTimeUtc(blueInstall);
        // The new version runs and writes to the database but never writes a heartbeat.
        await engine.Fixture.PushBehaviourAsync(heartbeat: false);

        var result = await engine.UpdateAsync();

        Assert.True(result.Outcome == UpdateOutcome.RolledBack, result.Message);
        Assert.Equal(UpdateStep.HealthGate, result.FailedStep);
        Assert.Contains("database restored from backup", result.Message);
        Assert.Contains("current link back on slot blue", result.Message);
        Assert.Equal(SlotColor.Blue, engine.Live());
        Assert.Equal(SlotColor.Blue, engine.Deployment.Slots.Store.Live());
        Assert.Equal(from, engine.SlotCommit(SlotColor.Blue));
        Assert.Equal(blueWritten, File.GetLastWriteTimeUtc(blueInstall));
        var saved = engine.Deployment.Backups!.List().Where(b => b.Reason == "failed-version");
        Assert.Single(saved);
        await engine.WaitHealthyAsync();
        Assert.EndsWith(from[..7], engine.HeartbeatVersion());
    }

    [Fact(Timeout = 120000)]
    public async Task Rollback_swaps_back_without_install()
    {
        await using var engine = await BlueGreenHarness.StartAsync();
        var from = engine.SlotCommit(SlotColor.Blue);
        var update = await engine.UpdateAsync();
        Assert.True(update.Outcome == UpdateOutcome.Succeeded, update.Message);

        var plan = engine.Deployment.Pipeline.PlanRollback(null);
        var result = await engine.RollbackAsync();

        Assert.Equal("blue", plan.Slot);
        Assert.Equal(from, plan.Target);
        Assert.True(result.Outcome == UpdateOutcome.Succeeded, result.Message);
        Assert.Equal(SlotColor.Blue, engine.Live());
        Assert.Equal(update.ToCommit, engine.SlotCommit(SlotColor.Green));
        Assert.EndsWith(from[..7], engine.HeartbeatVersion());
        var record = engine.Deployment.Journal.Get(result.UpdateId!.Value)!;
        Assert.Equal("rollback", record.Trigger);
        Assert.StartsWith($"rolled back {update.ToCommit[..7]} -> {from[..7]}", result.Message);
        Assert.Contains(engine.Deployment.Journal.Steps(result.UpdateId!.Value), e =>
            e.Step == "finish" && e.Detail == "rollback recorded"
        );
        Assert.False(record.DependenciesChanged);
        var steps = engine.Deployment.Journal.Steps(result.UpdateId!.Value);
        Assert.Contains(steps, e => e.Step == "smoke_test" && e.Phase == "skipped");
        Assert.Contains(steps, e => e.Step == "restore" && e.Phase == "succeeded");
        Assert.DoesNotContain(steps, e => e.Step == "checkout" && e.Detail!.Contains("now at"));
        // A second rollback never goes forward to the version just rolled back.
        var again = Assert.Throws<RollbackException>(() =>
            engine.Deployment.Pipeline.PlanRollback(null)
        );
        Assert.Contains("the last run was `shooty rollback`", again.Message);
        Assert.Contains($"--to {update.ToCommit[..7]}", again.Message);
    }

    [Fact(Timeout = 120000)]
    public async Task Missing_idle_slot_aborts_with_repair()
    {
        await using var engine = await BlueGreenHarness.StartAsync();
        var pid = await engine.BotPidAsync();
        var green = engine.SlotPath(SlotColor.Green);
        Directory.Delete(green, recursive: true);

        var status = await ShootyProcess.RunAsync([
            "--config",
            engine.Fixture.ConfigPath,
            "status",
        ]);
        var slots = await ShootyProcess.RunAsync(["--config", engine.Fixture.ConfigPath, "slots"]);
        var result = await engine.UpdateAsync();

        Assert.Equal(UpdateOutcome.Aborted, result.Outcome);
        Assert.Equal(UpdateStep.Checkout, result.FailedStep);
        Assert.Contains($"slot green at {green} is missing", result.Message);
        Assert.Contains(
            $"git clone --origin origin {engine.SlotPath(SlotColor.Blue)} {green}",
            result.Message
        );
        Assert.Contains("kept running", result.Message);
        Assert.Contains($"slot green at {green} is missing", status.Output);
        Assert.Contains("until then an update or a rollback aborts", status.Output);
        Assert.Equal(0, status.ExitCode);
        Assert.Matches(@"green\s+idle\s+-\s+missing", slots.Output);
        Assert.Equal(pid, await engine.BotPidAsync());
        Assert.Null(engine.Deployment.Journal.FindUnfinished());

        // The two commands the message gives bring the slot back.
        var blue = engine.SlotPath(SlotColor.Blue);
        engine.Fixture.RunGit(blue, "clone", "--origin", "origin", blue, green);
        var url = engine.Fixture.RunGit(blue, "remote", "get-url", "origin").Trim();
        engine.Fixture.RunGit(green, "remote", "set-url", "origin", url);
        var again = await engine.UpdateAsync();

        Assert.True(again.Outcome == UpdateOutcome.Succeeded, again.Message);
        Assert.Equal(SlotColor.Green, engine.Live());
        Assert.True(engine.Deployment.Journal.Get(again.UpdateId!.Value)!.DependenciesChanged);
    }

    [Fact(Timeout = 120000)]
    public async Task Link_moved_by_hand_is_refused()
    {
        await using var engine = await BlueGreenHarness.StartAsync();
        var pid = await engine.BotPidAsync();
        var blueCommit = engine.SlotCommit(SlotColor.Blue);
        // The bot runs in slot blue; an operator points the link at green by hand.
        engine.Deployment.Slots.Layout.PointAt(SlotColor.Green);

        var result = await engine.UpdateAsync();

        Assert.Equal(UpdateOutcome.Aborted, result.Outcome);
        Assert.Equal(UpdateStep.Preflight, result.FailedStep);
        Assert.Contains(
            $"the bot runs from slot blue, but {engine.Fixture.CheckoutPath} leads to slot green",
            result.Message
        );
        Assert.Contains(
            $"`ln -sfn blue {engine.Fixture.CheckoutPath}-slots/current`",
            result.Message
        );
        Assert.Equal(pid, await engine.BotPidAsync());
        Assert.Equal(blueCommit, engine.SlotCommit(SlotColor.Blue));
        Assert.Equal(SlotColor.Blue, engine.Deployment.Slots.SlotOfProcess(pid!.Value));
        engine.Deployment.Slots.Layout.PointAt(SlotColor.Blue);
    }

    /// <summary>Returns the index of the only line containing <paramref name="text"/>.</summary>
    internal static int IndexOf(IReadOnlyList<string> lines, string text)
    {
        var found = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(text)).ToList();
        Assert.True(
            found.Count == 1,
            $"expected one line with '{text}', found {found.Count}:\n" + string.Join("\n", lines)
        );
        return found[0];
    }
}
