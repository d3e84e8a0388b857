using ShootyTui.Tests.Support;
using ShootyTui.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace ShootyTui.Tests.Tui;

/// <summary>The command log opened with @ from the real panel, headless at 80x24.</summary>
public class CommandLogDialogTests
{
    [Fact(Timeout = 180000)]
    public async Task At_lists_fetch_and_Enter_shows_output()
    {
        await using var engine = await EngineHarness.StartAsync();
        var script = new TuiScript()
            .WaitFor("[2] Updates (3)")
            .Press(Key.F)
            .WaitFor("fetched: no new commits")
            .Press(new Key('@'))
            .WaitFor("Command log")
            .WaitFor("   0")
            .WaitFor("  git fetch origin +refs/heads/main:refs/remotes/")
            .WaitFor("echo live-row")
            .Press(Key.Home, Key.J, Key.Enter)
            .WaitFor("Output of command")
            .WaitFor("$ git fetch origin")
            .WaitFor("origin/main is unchanged at")
            .WaitFor("exit 0 after")
            .Press(Key.Esc)
            .WaitForGone("Output of command")
            .WaitFor("newest first")
            .Press(Key.Esc)
            .WaitForGone("newest first")
            .Press(Key.Q);

        var live = false;
        var running = TuiLauncher.Run(
            engine.Deployment,
            Theme.Load("default"),
            app =>
            {
                app.Driver!.SetScreenSize(80, 24);
                script.Attach(app, TimeSpan.FromSeconds(150));
                app.Iteration += (_, _) =>
                {
                    if (!live && app.TopRunnableView is CommandLogDialog)
                    {
                        // A command that finishes on another thread while the log is open.
                        live = true;
                        Task.Run(() =>
                            engine.Deployment.Commands.Begin("echo live-row", "/").Finish(0, "")
                        );
                    }
                };
            },
            DriverRegistry.Names.ANSI
        );

        Assert.True(script.Failure is null, script.Report());
        Assert.True(live, "the command log never opened");
        Assert.True(running is null || running.IsCompleted, "the panel closed during an update");
        Assert.All(script.LastScreen.Split('\n'), line =>
            Assert.True(line.TrimEnd('\r').Length <= 80)
        );
    }

    [Fact]
    public void FormatRow_shows_time_exit_duration_and_command()
    {
        var startedAt = new DateTimeOffset(2026, 12, 4, 2, 3, 4, TimeSpan.Zero);
        var entry = new Core.Processes.CommandEntry(
            7,
            startedAt,
            "python3 smoke_test.py",
            "/srv/bot",
            4,
            TimeSpan.FromMilliseconds(1234),
            "",
            TimedOut: false,
            InProcess: false
        );

        var row = CommandLogDialog.FormatRow(entry);

        var time = startedAt.ToLocalTime().ToString("HH:mm:ss");
        Assert.Equal($"{time}    4    1.2 s  python3 smoke_test.py", row);
    }

    [Fact]
    public void FormatRow_marks_timeouts_and_unfinished_commands()
    {
        var entry = new Core.Processes.CommandEntry(
            1,
            DateTimeOffset.UnixEpoch,
            "sleep 99",
            "/",
            143,
            TimeSpan.FromMinutes(2),
            "",
            TimedOut: true,
            InProcess: false
        );

        var timedOut = CommandLogDialog.FormatRow(entry);
        var repeated = CommandLogDialog.FormatRow(entry with { Repeats = 12 });
        var unfinished = CommandLogDialog.FormatRow(
            entry with
            {
                ExitCode = null,
                TimedOut = false,
            }
        );

        Assert.Contains("  t/o    2m00s  sleep 99", timedOut);
        Assert.Contains("    -    2m00s  sleep 99", unfinished);
        Assert.Contains("  t/o    2m00s  12x sleep 99", repeated);
    }
}
