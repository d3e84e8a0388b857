namespace ShootyTui.Core.Processes;

/// <summary>
/// One command that shooty ran, as kept by <see cref="CommandLog"/>. Its command line and output
/// have already been redacted.
/// </summary>
/// <param name="Id">Sequence number within the log, starting at 1. A repeat that replaces an
/// entry takes the next number.</param>
/// <param name="CommandLine">The program and its arguments, or the equivalent git or sqlite3
/// command line for an operation that ran inside this process.</param>
/// <param name="ExitCode">The exit code (0 or 1 for an in-process operation), or null when the
/// command did not start or was cancelled before it exited.</param>
/// <param name="Output">The last <see cref="CommandLog.MaxOutputChars"/> characters of standard
/// output and standard error, or of the error message for an in-process operation.</param>
/// <param name="TimedOut">Whether its time limit ran out and it was ended.</param>
/// <param name="InProcess">Whether it ran inside this process (LibGit2Sharp, SQLite) rather than
/// as a child process.</param>
/// <param name="Repeats">How many runs in a row with the same command line, folder, result and
/// output this entry stands for. Its other fields describe the last of them.</param>
public sealed record CommandEntry(
    long Id,
    DateTimeOffset StartedAt,
    string CommandLine,
    string WorkingDirectory,
    int? ExitCode,
    TimeSpan Duration,
    string Output,
    bool TimedOut,
    bool InProcess,
    int Repeats = 1
)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>
    /// Whether <paramref name="other"/> is another run with the same command line, folder, exit
    /// code, timeout and output.
    /// </summary>
    public bool IsRepeatOf(CommandEntry other) =>
        CommandLine == other.CommandLine
        && WorkingDirectory == other.WorkingDirectory
        && ExitCode == other.ExitCode
        && TimedOut == other.TimedOut
        && InProcess == other.InProcess
        && Output == other.Output;
}
