using System.Text.Json.Nodes;
using ShootyTui.Core.Flags;
using ShootyTui.Tests.Support;
using ShootyTui.Tests.Tui;
using ShootyTui.Tui;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace ShootyTui.Tests.Flags;

/// <summary>The Flags panel on the demo deployment, headless at 80x24.</summary>
public sealed class FlagsPanelTests
{
    private static Key[] Type(string text) => text.Select(c => new Key(c)).ToArray();

    [Fact(Timeout = 180000)]
    public async Task Flags_panel_edits_and_follows_file()
    {
        await using var engine = await EngineHarness.StartAsync();
        var flags = engine.Deployment.Flags!;

        // Once the panel has made its first change, edit the file as the bot would.
        var handEdit = Task.Run(async () =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (flags.Audit.Recent(null, 1).Count == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var document = JsonNode.Parse(await File.ReadAllTextAsync(flags.File.Path))!;
            document["hand_edited"] = true;
            await File.WriteAllTextAsync(flags.File.Path, document.ToJsonString());
        });

        var script = new TuiScript()
            .WaitFor("[1] Overview")
            .Press(new Key(FlagsPanel.Number[0]))
            .WaitFor($"[{FlagsPanel.Number}] Flags")
            .WaitFor("[ ] verbose_ticks")
            .WaitFor("[x] weekend_double_points")
            .Press(Key.Space)
            .WaitFor("[x] verbose_ticks")
            .WaitFor("off -> on  by tui")
            .WaitFor("[x] hand_edited")
            .Press(Key.A)
            .WaitFor("Add flag")
            .Press(Type("zeta_mode"))
            .Press(Key.Enter)
            .WaitFor("[ ] zeta_mode")
            .Press(new Key('/'))
            .WaitFor("Filter flags")
            .Press(Type("zeta"))
            .Press(Key.Enter)
            .WaitForGone("verbose_ticks")
            .Press(Key.D)
            .WaitFor("Remove zeta_mode")
            .Press(Key.Tab, Key.Enter)
            .WaitForGone("[ ] zeta_mode")
            .Press(Key.Esc)
            .WaitFor("[1] Overview")
            .Press(Key.Q);

        var running = TuiLauncher.Run(
            engine.Deployment,
            Theme.Load("default"),
            app =>
            {
                app.Driver!.SetScreenSize(80, 24);
                script.Attach(app, TimeSpan.FromSeconds(150));
            },
            DriverRegistry.Names.ANSI
        );
        await handEdit;
        Assert.True(
            running is null || running.IsCompleted,
            "work still ran after the panel closed"
        );

        Assert.True(script.Failure is null, script.Report());
        var entries = flags.List().ToDictionary(flag => flag.Name);
        Assert.True(entries["verbose_ticks"].Enabled);
        Assert.True(entries["hand_edited"].Enabled);
        Assert.False(entries.ContainsKey("zeta_mode"));
        var audit = flags.Audit.Recent(null, 10);
        Assert.Equal(3, audit.Count);
        Assert.All(audit, entry => Assert.Equal(FlagActor.Tui, entry.Actor));
    }
}
