using ShootyTui.Tests.Support;
using ShootyTui.Tui.Panels;

namespace ShootyTui.Tests.Tui;

/// <summary>
/// The journal reader against small scripts that stand in for journalctl, because a test
/// cannot count on a systemd journal with a known unit.
/// </summary>
public class LogsJournalTests
{
    [Fact(Timeout = 60000)]
    public async Task ReadAsync_returns_journal_lines_for_the_unit()
    {
        using var temp = new TempDirectory();
        var journalctl = Script(temp, "printf '%s\\n' \"args: $*\" 'line one' 'line two'");
        var journal = new LogsJournal(
            "shooty bot.service",
            temp.Path,
            Serilog.Core.Logger.None,
            journalctl
        );

        var lines = await journal.ReadAsync(CancellationToken.None);

        Assert.Equal(
            ["args: -u shooty bot.service -n 200 --no-pager -o short-iso", "line one", "line two"],
            lines
        );
    }

    [Fact(Timeout = 60000)]
    public async Task ReadAsync_explains_failure_and_log_location()
    {
        using var temp = new TempDirectory();
        var journalctl = Script(temp, "echo 'No journal files were opened' >&2; exit 1");
        var journal = new LogsJournal(
            "bot.service",
            temp.Path,
            Serilog.Core.Logger.None,
            journalctl
        );

        var lines = await journal.ReadAsync(CancellationToken.None);

        Assert.Equal(2, lines.Count);
        Assert.Contains("failed with exit code 1", lines[0]);
        Assert.Contains("No journal files were opened", lines[0]);
        Assert.Contains("journalctl -u bot.service", lines[1]);
    }

    private static string Script(TempDirectory temp, string body)
    {
        var path = temp.Combine("journalctl");
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return path;
    }
}
