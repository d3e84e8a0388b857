namespace ShootyTui.Core.Updates;

/// <summary>
/// One update attempt as recorded in <c>state.db</c>; <see cref="Outcome"/> is null while it
/// runs or when it was interrupted.
/// </summary>
public sealed record UpdateRecord(
    long Id,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string FromCommit,
    string ToCommit,
    UpdateOutcome? Outcome,
    string? FailedStep,
    string? Error,
    string? OutputTail,
    long? DowntimeMs,
    long? BackupId,
    bool DependenciesChanged,
    bool GatePassed,
    bool Recovered
)
{
    public TimeSpan? Duration => FinishedAt is { } end ? end - StartedAt : null;
}

/// <summary>
/// A journal line: one step of one update entering a phase (started, succeeded, failed).
/// </summary>
public sealed record JournalEntry(
    long Id,
    long UpdateId,
    string Step,
    string Phase,
    DateTimeOffset At,
    long? DurationMs,
    string? Detail
);
