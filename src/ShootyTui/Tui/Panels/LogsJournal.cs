using ShootyTui.Core.Processes;

namespace ShootyTui.Tui.Panels;

/// <summary>
/// The newest lines that a systemd unit logged, read with <c>journalctl</c>. A bot run by
/// systemd writes no log file of its own, so this is where its output is.
/// </summary>
/// <param name="journalctl">The journalctl executable, looked up on PATH unless absolute.</param>
internal sealed class LogsJournal(
    string unit,
    string workingDirectory,
    Serilog.ILogger log,
    string journalctl = "journalctl"
)
{
    public const int LineCount = 200;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public string Command { get; } =
        $"{Quote(journalctl)} -u {Quote(unit)} -n {LineCount} --no-pager -o short-iso";

    /// <summary>
    /// Runs <see cref="Command"/> and returns its lines, oldest first. When journalctl fails,
    /// the lines explain why and where the log is instead.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReadAsync(CancellationToken ct)
    {
        ShellResult result;
        try
        {
            result = await ShellCommand.RunAsync(Command, workingDirectory, null, Timeout, log, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException)
        {
            log.Warning(e, "Reading the journal of {Unit} failed", unit);
            return Unreadable(e.Message);
        }

        if (!result.Succeeded)
        {
            var reason = result.TimedOut
                ? $"`{Command}` timed out after {Timeout.TotalSeconds:0} s"
                : $"`{Command}` failed with exit code {result.ExitCode}: "
                    + ShellCommand.Tail(result.Output, 3);
            log.Warning("Reading the journal of {Unit} failed: {Reason}", unit, reason);
            return Unreadable(reason);
        }

        return ShellCommand.Tail(result.Output, LineCount).Split('\n');
    }

    private string[] Unreadable(string reason) =>
        [
            $"reading the bot's log failed: {reason}",
            $"The bot runs as systemd unit {unit}, so its output is in the journal. Read it "
                + $"with `journalctl -u {unit}`; a user outside the systemd-journal and adm "
                + "groups may need sudo.",
        ];

    private static string Quote(string value) => "'" + value.Replace("'", @"'\''") + "'";
}
