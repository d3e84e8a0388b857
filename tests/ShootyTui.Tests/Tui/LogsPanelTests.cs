using ShootyTui.Tests.Support;
using ShootyTui.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace ShootyTui.Tests.Tui;

/// <summary>
/// The Logs panel on a real demo deployment whose bot writes its log, drawn headless at 80x24
/// and 120x40, while the test appends to, truncates and deletes the log files.
/// </summary>
public class LogsPanelTests
{
    [Theory(Timeout = 120000)]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task Logs_follow_bot_and_shooty_logs(int width, int height)
    {
        await using var engine = await EngineHarness.StartAsync();
        var botLog = engine.Config.Bot.LogFile;
        var shootyLog = engine.Config.Logging.File;
        Assert.False(File.Exists(shootyLog), $"{shootyLog} exists before the test writes it");
        var script = new TuiScript()
            .WaitFor("[1] Overview")
            .Press(Key.D6)
            .WaitFor("[6] Logs: bot")
            .WaitFor("INFO shootybot:")
            .WaitFor("appended after open")
            .WaitFor("log truncated or replaced")
            .WaitFor("written after truncation")
            .WaitFor("no log yet at")
            .WaitFor("written after removal")
            .Press(Key.L)
            .WaitFor("[6] Logs: shooty")
            .WaitFor("no log yet at")
            .WaitFor("shooty line")
            .Press(Key.B)
            .WaitFor("written after removal")
            .Press(Key.Q);

        // Each change to the files waits for the screen to show the previous one.
        var changes = new (string Shown, Action Change)[]
        {
            ("INFO shootybot:", () => File.AppendAllText(botLog, "appended after open\n")),
            ("appended after open", () => File.WriteAllText(botLog, "written after truncation\n")),
            ("written after truncation", () => File.Delete(botLog)),
            ("no log yet at", () => File.WriteAllText(botLog, "written after removal\n")),
            ("[6] Logs: shooty", () => File.WriteAllText(shootyLog, "shooty line\n")),
        };

        RunPanel(engine, script, width, height, changes);

        Assert.True(script.Failure is null, script.Report());
        Assert.All(script.LastScreen.Split('\n'), line =>
            Assert.True(line.TrimEnd('\r').Length <= width)
        );
    }

    private static void RunPanel(
        EngineHarness engine,
        TuiScript script,
        int width,
        int height,
        IReadOnlyList<(string Shown, Action Change)> changes
    ) =>
        TuiLauncher.Run(
            engine.Deployment,
            Theme.Load("default"),
            app =>
            {
                app.Driver!.SetScreenSize(width, height);
                script.Attach(app, TimeSpan.FromSeconds(90));
                ChangeWhenShown(app, changes);
            },
            DriverRegistry.Names.ANSI
        );

    /// <summary>Runs each change once its text is on the screen, in order.</summary>
    private static void ChangeWhenShown(
        IApplication app,
        IReadOnlyList<(string Shown, Action Change)> changes
    )
    {
        var next = 0;
        app.Iteration += (_, _) =>
        {
            if (next < changes.Count && app.Driver!.ToString()!.Contains(changes[next].Shown))
            {
                changes[next].Change();
                next++;
            }
        };
    }
}
