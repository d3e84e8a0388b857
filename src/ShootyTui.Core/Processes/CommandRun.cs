using System.Diagnostics;

namespace ShootyTui.Core.Processes;

/// <summary>
/// A command that has started and is not yet in its <see cref="CommandLog"/>. Call
/// <see cref="Finish"/> or <see cref="Fail"/> when it ends; disposing a run that was not
/// finished adds it without an exit code, so a cancelled command still shows.
/// </summary>
public sealed class CommandRun : IDisposable
{
    private readonly CommandLog _log;
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private int _finished;

    internal CommandRun(
        CommandLog log,
        DateTimeOffset startedAt,
        string commandLine,
        string workingDirectory,
        bool inProcess
    )
    {
        _log = log;
        StartedAt = startedAt;
        CommandLine = commandLine;
        WorkingDirectory = workingDirectory;
        InProcess = inProcess;
    }

    public DateTimeOffset StartedAt { get; }

    public string CommandLine { get; }

    public string WorkingDirectory { get; }

    public bool InProcess { get; }

    /// <summary>Adds the command with its exit code and output. Later calls do nothing.</summary>
    public CommandEntry? Finish(int? exitCode, string output, bool timedOut = false)
    {
        if (Interlocked.Exchange(ref _finished, 1) == 1)
        {
            return null;
        }

        return _log.Add(this, exitCode, output, timedOut, _stopwatch.Elapsed);
    }

    /// <summary>
    /// Adds the command as not started or cancelled (no exit code), with the error message as
    /// its output.
    /// </summary>
    public CommandEntry? Fail(Exception error) => Finish(null, error.Message);

    public void Dispose() => Finish(null, "ended before it exited (cancelled or failed)");
}
