using ShootyTui.Cli;
using ShootyTui.Tests.Support;
using Terminal.Gui.Input;

namespace ShootyTui.Tests.Tui;

/// <summary>R in the panel rolls back the last update once its target commit is typed.</summary>
public class RollbackPanelTests
{
    [Fact(Timeout = 180000)]
    public async Task R_rolls_back_only_after_the_target_commit_is_typed()
    {
        await using var engine = await EngineHarness.StartAsync();
        var before = engine.Deployment.Git.HeadCommit;
        await engine.UpdateAsync();
        var updated = engine.Deployment.Git.HeadCommit;
        var target = Format.Short(before);
        var typed = target.Select(c => new Key(c)).ToArray();
        var script = new TuiScript()
            .WaitFor("✓ updated")
            .WaitFor("fetched: up to date")
            .Press(Key.R.WithShift)
            .WaitFor($"to {target}, restore backup")
            .Press(Key.Enter)
            .WaitForGone($"to {target}, restore backup")
            .WaitFor("rollback cancelled")
            .Press(Key.R.WithShift)
            .WaitFor($"Type {target}")
            .Press(typed)
            // The field shows the whole commit (the prompt has it followed by a comma), so no
            // key is still on its way when Tab moves to the enabled button.
            .WaitFor(target + "     ")
            .Press(Key.Tab, Key.Enter)
            .WaitForGone($"Type {target}")
            .WaitFor("Update progress")
            .WaitFor($"HEAD is now {target}", 60)
            .WaitFor("✓ health_gate", 60)
            .WaitForGone("rolling back", 30)
            .Press(Key.Q);

        var running = PanelRunner.Run(engine.Deployment, script);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted);
        Assert.NotEqual(before, updated);
        Assert.Equal(before, engine.Deployment.Git.HeadCommit);
        Assert.True((await engine.Deployment.GetStatusAsync(CancellationToken.None)).Healthy);
    }
}
