using ShootyTui.Tests.Support;
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
            .Do(_ => File.AppendAllText(botLog, "appended after open\n"))
            .WaitFor("appended after open")
            .Do(_ => File.WriteAllText(botLog, "written after truncation\n"))
            .WaitFor("log truncated or replaced")
            .WaitFor("written after truncation")
            .Do(_ => File.Delete(botLog))
            .WaitFor("no log yet at")
            .Do(_ => File.WriteAllText(botLog, "written after removal\n"))
            .WaitFor("written after removal")
            .Press(Key.L)
            .WaitFor("[6] Logs: shooty")
            .WaitFor("no log yet at")
            .Do(_ => File.WriteAllText(shootyLog, "shooty line\n"))
            .WaitFor("shooty line")
            .Press(Key.B)
            .WaitFor("written after removal")
            .Press(Key.Q);

        var running = PanelRunner.Run(engine.Deployment, script, width, height);

        Assert.True(script.Failure is null, script.Report());
        Assert.Null(running);
        Assert.All(script.LastScreen.Split('\n'), line =>
            Assert.True(line.TrimEnd('\r').Length <= width)
        );
    }
}
