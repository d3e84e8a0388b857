using System.Diagnostics;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Tui;

/// <summary>
/// Runs the scripts in tests/tmux: the real executable in a real terminal (tmux, 80x24), driven
/// by keys as an operator would, through every panel, updates, a restore and rollbacks.
/// </summary>
public class TmuxDemoTests
{
    [Fact(Timeout = 420000)]
    public async Task Demo_in_tmux_updates_and_rolls_back()
    {
        var screens = Path.Combine(Path.GetTempPath(), $"shooty-tmux-{Guid.NewGuid():N}.txt");
        var (exitCode, report) = await RunScriptAsync("demo-update.sh", [], screens);
        try
        {
            Assert.True(exitCode == 0, report);
            Assert.Contains("demo in tmux: ok", report);
            var seen = File.ReadAllText(screens);
            Assert.Contains("=== found: Update failed", seen);
        }
        finally
        {
            File.Delete(screens);
        }
    }

    [Fact(Timeout = 600000)]
    public async Task Panel_tour_in_tmux_visits_every_panel()
    {
        var screens = Path.Combine(Path.GetTempPath(), $"shooty-tour-{Guid.NewGuid():N}.txt");
        var (exitCode, report) = await RunScriptAsync("panel-tour.sh", [], screens);
        try
        {
            Assert.True(exitCode == 0, report);
            Assert.Contains("panel tour in tmux: ok", report);
            var seen = File.ReadAllText(screens);
            Assert.Contains("=== found: ✓ restored backup 1", seen);
            Assert.Contains("=== found: terminal too small", seen);
        }
        finally
        {
            File.Delete(screens);
        }
    }

    [Theory(Timeout = 180000)]
    [InlineData("TERM")]
    [InlineData("HUP")]
    [InlineData("INT")]
    public async Task Panel_exits_cleanly_on_signal(string signal)
    {
        var (exitCode, report) = await RunScriptAsync("signals.sh", [signal], null);

        Assert.True(exitCode == 0, report);
        Assert.Contains($"SIG{signal}: clean exit", report);
    }

    private static async Task<(int ExitCode, string Report)> RunScriptAsync(
        string script,
        IEnumerable<string> arguments,
        string? screens
    )
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "tests", "tmux", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(ShootyProcess.DllPath);
        if (screens is not null)
        {
            start.Environment["SCREENS"] = screens;
        }

        // This process draws headless; the panel in tmux must draw for real.
        start.Environment.Remove("DisableRealDriverIO");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, $"{await output}\n{await error}");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (
            directory is not null && !File.Exists(Path.Combine(directory.FullName, "ShootyTui.sln"))
        )
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("ShootyTui.sln not found above the test folder");
    }
}
