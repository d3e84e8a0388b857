using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;
using ShootyTui.Tui;
using Terminal.Gui.Input;

namespace ShootyTui.Tests.Tui;

/// <summary>
/// The real panel on a real demo deployment, drawn headless at 80x24 and driven by keys.
/// </summary>
public class MainWindowTests
{
    [Fact(Timeout = 180000)]
    public async Task Panels_show_state_and_pending_commits_at_80x24()
    {
        await using var engine = await EngineHarness.StartAsync();
        var script = new TuiScript()
            .WaitFor("[1] Overview")
            .WaitFor("✓ healthy")
            .WaitFor("[2] Updates (3)")
            .WaitFor("! 3 update(s) pending")
            .Press(Key.D2)
            .WaitFor("chore(deps): bump scorefmt")
            .WaitFor("M requirements.txt  +1 -1")
            .Press(Key.J)
            .WaitFor("fix: keep leaderboard ties")
            .Press(Key.Esc)
            .WaitFor("[2] Updates (3)")
            .Press(new Key('?'))
            .WaitFor("update to the fetched tip")
            .Press(Key.Esc)
            .WaitForGone("update to the fetched tip")
            .Press(Key.Q);

        var running = RunPanel(engine, script);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel closed during an update");
        Assert.Contains("? help", script.LastScreen);
        Assert.All(script.LastScreen.Split('\n'), line =>
            Assert.True(line.TrimEnd('\r').Length <= 80)
        );
    }

    [Fact(Timeout = 180000)]
    public async Task Enter_cancels_update_and_confirmed_update_succeeds()
    {
        await using var engine = await EngineHarness.StartAsync();
        var from = engine.Deployment.Git.HeadCommit;
        var script = new TuiScript()
            .WaitFor("[2] Updates (3)")
            .Press(Key.U)
            .WaitFor("Update shootybot-demo from")
            .Press(Key.Enter)
            .WaitFor("update cancelled")
            .Press(Key.U)
            .WaitFor("Update shootybot-demo from")
            .Press(Key.Tab, Key.Enter)
            .WaitFor("Update progress")
            .WaitFor("» updating:")
            .WaitFor("✓ health_gate", 60)
            .WaitFor("✓ up to date at", 30)
            .Press(Key.Q);

        var running = RunPanel(engine, script);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel closed during an update");
        var records = engine.Deployment.Journal.List(10);
        var record = Assert.Single(records);
        Assert.Equal(UpdateOutcome.Succeeded, record.Outcome);
        Assert.Equal("tui", record.Trigger);
        Assert.Equal(from, record.FromCommit);
        Assert.NotEqual(from, engine.Deployment.Git.HeadCommit);
    }

    [Fact(Timeout = 180000)]
    public async Task Broken_commit_rolls_back_and_shows_failure_dialog()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpdateAsync();
        var good = engine.Deployment.Git.HeadCommit;
        await engine.Fixture.BreakAsync();
        var script = new TuiScript()
            .WaitFor("[2] Updates (1)")
            .Press(Key.U)
            .WaitFor("Update shootybot-demo from")
            .Press(Key.Tab, Key.Enter)
            .WaitFor("Update failed", 60)
            .WaitFor("KeyError")
            .Press(Key.Enter)
            .WaitForGone("KeyError")
            .WaitFor("✓ rollback")
            .Press(Key.Q);

        var running = RunPanel(engine, script);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel closed during an update");
        Assert.Equal(good, engine.Deployment.Git.HeadCommit);
        Assert.Equal(UpdateOutcome.RolledBack, engine.Deployment.Journal.List(1)[0].Outcome);
    }

    private static Task? RunPanel(EngineHarness engine, TuiScript script) =>
        PanelRunner.Run(engine.Deployment, script);
}
