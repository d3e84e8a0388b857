using ShootyTui.Core.Schedule;
using ShootyTui.Tests.Support;
using Terminal.Gui.Input;

namespace ShootyTui.Tests.Tui;

/// <summary>
/// The panel's layout at several sizes, read-only mode, filtering and scheduling, on a real
/// demo deployment drawn headless.
/// </summary>
public class MainWindowLayoutTests
{
    [Fact(Timeout = 180000)]
    public async Task Small_screens_stack_panels_and_too_small_still_quits()
    {
        await using var engine = await EngineHarness.StartAsync();
        var script = new TuiScript()
            .WaitFor("[1] Overview")
            .WaitFor("✓ pass  process")
            .WaitForGone("[2] Updates")
            .Press(Key.D2)
            .WaitFor("[2] Updates (3)")
            .WaitForGone("[1] Overview")
            .Do(app => app.Driver!.SetScreenSize(120, 40))
            .WaitFor("[1] Overview")
            .WaitFor("[2] Updates (3)")
            .Do(app => app.Driver!.SetScreenSize(30, 10))
            .WaitFor("have 30x10")
            .WaitForGone("[2] Updates")
            .Press(Key.U)
            .WaitForGone("Update shootybot-demo from")
            .Press(Key.Q);

        var running = PanelRunner.Run(engine.Deployment, script, 60, 20);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted);
        Assert.Empty(engine.Deployment.Journal.List(10));
    }

    [Fact(Timeout = 180000)]
    public async Task Help_cut_to_fit_says_where_keys_are()
    {
        await using var engine = await EngineHarness.StartAsync();
        var script = new TuiScript()
            .WaitFor("[1] Overview")
            .Press(Key.D2)
            .WaitFor("[2] Updates (3)")
            .Press(new Key('?'))
            .WaitFor("Keys: Updates")
            .WaitFor("more keys: make the terminal taller")
            .Press(Key.Esc)
            .WaitForGone("Keys: Updates")
            .Press(Key.Q);

        var running = PanelRunner.Run(engine.Deployment, script, 60, 16);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted);
        Assert.DoesNotContain("the log has every line", script.LastScreen);
    }

    [Fact(Timeout = 180000)]
    public async Task Read_only_hides_and_refuses_mutating_keys()
    {
        await using var engine = await EngineHarness.StartAsync();
        var head = engine.Deployment.Git.HeadCommit;
        var script = new TuiScript()
            .WaitFor("READ-ONLY")
            .WaitFor("[2] Updates (3)")
            .WaitFor("f fetch")
            .WaitForGone("u update")
            .WaitForGone("s schedule")
            .Press(Key.U)
            .WaitFor("read-only: \"update to the fetched tip")
            .WaitForGone("Update shootybot-demo from")
            .Press(new Key('?'))
            .WaitFor("Keys: Overview (read-only)")
            .WaitForGone("update to the fetched tip")
            .Press(Key.Esc)
            .WaitForGone("Keys: Overview")
            .Press(Key.Q);

        var running = PanelRunner.Run(engine.Deployment, script, readOnly: true);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted);
        Assert.Empty(engine.Deployment.Journal.List(10));
        Assert.Equal(head, engine.Deployment.Git.HeadCommit);
    }

    [Fact(Timeout = 180000)]
    public async Task Filter_narrows_the_list_and_Esc_clears_it()
    {
        await using var engine = await EngineHarness.StartAsync();
        var script = new TuiScript()
            .WaitFor("[2] Updates (3)")
            .WaitFor("fix: keep leaderboard ties")
            .Press(Key.D2, new Key('/'))
            .WaitFor("Filter Updates")
            .Press(Key.F, Key.E, Key.A, Key.T, Key.Enter)
            .WaitFor("/feat 1 of 3")
            .WaitForGone("fix: keep leaderboard ties")
            .WaitFor("A shootybot/commands/stats.py")
            .Press(Key.Esc)
            .WaitFor("fix: keep leaderboard ties")
            .WaitForGone("/feat")
            .Press(Key.Q);

        var running = PanelRunner.Run(engine.Deployment, script, 120, 40);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted);
    }

    [Fact(Timeout = 180000)]
    public async Task S_schedules_the_tip_and_a_second_s_cancels()
    {
        await using var engine = await EngineHarness.StartAsync();
        var schedule = new UpdateSchedule(engine.Deployment.State);
        string? scheduledTip = null;
        var script = new TuiScript()
            .WaitFor("[2] Updates (3)")
            .WaitFor("fetched")
            .Press(Key.S)
            .WaitFor("applies it then")
            .Press(Key.Tab, Key.Enter)
            .WaitForGone("applies it then")
            .WaitFor("◷ 3 pending, scheduled")
            .Do(_ => scheduledTip = schedule.Get()?.Tip)
            .Press(Key.S)
            .WaitFor("Cancel schedule")
            .Press(Key.Tab, Key.Enter)
            .WaitForGone("Cancel schedule")
            .WaitFor("! 3 update(s) pending")
            .Press(Key.Q);

        var running = PanelRunner.Run(engine.Deployment, script, 120, 40);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted);
        var tip = (await engine.Deployment.CheckAsync(fetch: false, CancellationToken.None)).Tip;
        Assert.NotNull(tip);
        Assert.Equal(tip, scheduledTip);
        Assert.Null(schedule.Get());
        Assert.Empty(engine.Deployment.Journal.List(10));
    }
}
