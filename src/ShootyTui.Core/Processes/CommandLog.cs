using Serilog;

namespace ShootyTui.Core.Processes;

/// <summary>
/// The last commands shooty ran, newest first, with secrets redacted. Thread-safe: commands run
/// on any thread, and <see cref="Added"/> is raised on the thread that finished the command.
/// </summary>
/// <remarks>
/// The panel polls the bot's state every few seconds, which in systemd or commands mode runs a
/// command each time. So a run identical to the newest entry replaces it and raises its
/// <see cref="CommandEntry.Repeats"/> count instead of pushing older commands out.
/// </remarks>
public sealed class CommandLog
{
    public const int DefaultCapacity = 200;

    /// <summary>How many characters of each command's output are kept, from its end.</summary>
    public const int MaxOutputChars = 4096;

    private readonly ILogger _log;
    private readonly TimeProvider _time;

    // Oldest first, so the newest entry is the last one.
    private readonly List<CommandEntry> _entries;
    private readonly Lock _sync = new();
    private long _lastId;

    public CommandLog(
        ILogger log,
        SecretRedactor redactor,
        TimeProvider? time = null,
        int capacity = DefaultCapacity
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _log = log;
        _time = time ?? TimeProvider.System;
        Redactor = redactor;
        Capacity = capacity;
        _entries = new List<CommandEntry>(capacity);
    }

    /// <summary>
    /// Raised after a command was added. Handlers must return quickly; an exception they throw
    /// is logged and dropped.
    /// </summary>
    public event EventHandler<CommandEntry>? Added;

    public SecretRedactor Redactor { get; }

    /// <summary>Maximum number of entries kept. A new entry beyond it drops the oldest.</summary>
    public int Capacity { get; }

    /// <summary>Returns a copy of the kept entries, newest first.</summary>
    public IReadOnlyList<CommandEntry> Entries()
    {
        lock (_sync)
        {
            return _entries.AsEnumerable().Reverse().ToArray();
        }
    }

    /// <summary>Starts timing a command; finish it with <see cref="CommandRun.Finish"/>.</summary>
    public CommandRun Begin(string commandLine, string workingDirectory, bool inProcess = false) =>
        new(this, _time.GetUtcNow(), commandLine, workingDirectory, inProcess);

    internal CommandEntry Add(
        CommandRun run,
        int? exitCode,
        string output,
        bool timedOut,
        TimeSpan duration
    )
    {
        // Redact before cutting, so that a secret at the cut cannot show in part.
        var redacted = Redactor.Redact(output);
        var kept = redacted.Length > MaxOutputChars ? redacted[^MaxOutputChars..] : redacted;

        CommandEntry entry;
        lock (_sync)
        {
            entry = new CommandEntry(
                ++_lastId,
                run.StartedAt,
                Redactor.Redact(run.CommandLine),
                run.WorkingDirectory,
                exitCode,
                duration,
                kept,
                timedOut,
                run.InProcess
            );
            if (_entries.Count > 0 && entry.IsRepeatOf(_entries[^1]))
            {
                entry = entry with { Repeats = _entries[^1].Repeats + 1 };
                _entries[^1] = entry;
            }
            else
            {
                if (_entries.Count == Capacity)
                {
                    _entries.RemoveAt(0);
                }

                _entries.Add(entry);
            }
        }

        _log.Debug(
            "Ran {CommandLine} in {Directory}: {Outcome} after {DurationMs} ms",
            entry.CommandLine,
            entry.WorkingDirectory,
            Describe(entry),
            (long)duration.TotalMilliseconds
        );
        Raise(entry);
        return entry;
    }

    /// <summary>Returns the exit code, "timed out" or "not finished" as one short text.</summary>
    public static string Describe(CommandEntry entry) =>
        entry switch
        {
            { TimedOut: true } => "timed out",
            { ExitCode: { } code } => $"exit {code}",
            _ => "not finished",
        };

    private void Raise(CommandEntry entry)
    {
        var handlers = Added;
        if (handlers is null)
        {
            return;
        }

        foreach (EventHandler<CommandEntry> handler in handlers.GetInvocationList())
        {
            try
            {
                handler(this, entry);
            }
            catch (Exception e)
            {
                // A broken listener must not fail the command that was recorded.
                _log.Warning(e, "A command log listener failed for entry {Id}", entry.Id);
            }
        }
    }
}
