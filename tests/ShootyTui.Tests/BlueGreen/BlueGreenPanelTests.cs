using ShootyTui.Core.Slots;
using ShootyTui.Tests.Tui;
using Terminal.Gui.Input;

namespace ShootyTui.Tests.BlueGreen;

/// <summary>The panel on a blue-green deployment, driven headless at 80x24.</summary>
public class BlueGreenPanelTests
{
    [Fact(Timeout = 180000)]
    public async Task Header_follows_live_slot_after_update()
    {
        await using var engine = await BlueGreenHarness.StartAsync();
        // Opened after the conversion, as the panel is: the current link already exists.
        engine.Reopen();
        var from = engine.SlotCommit(SlotColor.Blue)[..7];
        var script = new TuiScript()
            .WaitFor($"{from} main")
            .WaitFor($"● live blue  {from}")
            .WaitFor($"○ idle green {from}")
            .WaitFor("fetched")
            .Press(Key.D2)
            .Press(Key.U)
            .WaitFor("Update shootybot-demo from")
            .WaitFor("Slot green is prepared while the bot keeps")
            .Press(Key.Tab, Key.Enter)
            .WaitFor("✓ health_gate", 60)
            .WaitFor("✓ up to date at", 30)
            .Press(Key.Esc)
            .Press(Key.R)
            .Press(Key.Q);

        var running = PanelRunner.Run(engine.Deployment, script, 80, 24);

        Assert.True(script.Failure is null, script.Report());
        Assert.True(running is null || running.IsCompleted, "the panel closed during an update");
        var to = engine.SlotCommit(SlotColor.Green)[..7];
        Assert.Equal(SlotColor.Green, engine.Live());
        Assert.Contains($"{to} main", script.LastScreen);
        Assert.DoesNotContain("update(s) pending", script.LastScreen);
        Assert.Contains($"○ idle blue  {from}", script.LastScreen);
        Assert.Contains($"● live green {to}", script.LastScreen);
        Assert.Contains("[2] Updates", script.LastScreen);
    }

    [Fact(Timeout = 120000)]
    public async Task Overview_names_a_bot_outside_the_live_slot()
    {
        await using var engine = await BlueGreenHarness.StartAsync();
        engine.Reopen();
        engine.Deployment.Slots.Layout.PointAt(SlotColor.Green);
        var script = new TuiScript()
            .WaitFor("✗ bot outside live slot")
            .WaitFor("the bot runs from slot blue")
            .Press(Key.Q);

        try
        {
            _ = PanelRunner.Run(engine.Deployment, script, 80, 24);
        }
        finally
        {
            engine.Deployment.Slots.Layout.PointAt(SlotColor.Blue);
        }

        Assert.True(script.Failure is null, script.Report());
    }
}
