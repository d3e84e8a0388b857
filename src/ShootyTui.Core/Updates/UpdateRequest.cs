namespace ShootyTui.Core.Updates;

/// <summary>
/// What started an update and which safety rules it may override.
/// </summary>
/// <param name="Trigger">"tui", "cli", "auto" or "webhook"; stored in the history.</param>
/// <param name="Unattended">True for cron and webhook runs: a tip that failed before is skipped.</param>
/// <param name="IgnoreWindow">Run even outside the maintenance window.</param>
/// <param name="ExpectedTip">When set, the update aborts unless the fetched tip is this commit
/// (the commit an operator confirmed).</param>
/// <param name="IgnoreSessions">Update even while the heartbeat reports active sessions (an
/// operator confirmed it).</param>
public sealed record UpdateRequest(
    string Trigger,
    bool Unattended = false,
    bool IgnoreWindow = false,
    string? ExpectedTip = null,
    bool IgnoreSessions = false
);

/// <summary>
/// A step entering a phase: "started", "succeeded", "failed" or "skipped".
/// </summary>
public sealed record UpdateProgress(
    UpdateStep Step,
    string Phase,
    string Message,
    TimeSpan Elapsed
);

/// <summary>
/// How an update ended. <see cref="UpdateId"/> is null when nothing was attempted (up to date,
/// deferred, or skipped).
/// </summary>
public sealed record UpdateResult(
    long? UpdateId,
    UpdateOutcome Outcome,
    UpdateStep? FailedStep,
    string FromCommit,
    string ToCommit,
    string Message,
    string? OutputTail = null,
    TimeSpan? Downtime = null,
    bool UpToDate = false,
    bool Deferred = false
)
{
    /// <summary>The process exit code for this result, as the command line contract fixes it.</summary>
    public int ExitCode =>
        Deferred ? ExitCodes.Deferred
        : UpToDate ? ExitCodes.Success
        : Outcome switch
        {
            UpdateOutcome.Succeeded => ExitCodes.Success,
            UpdateOutcome.RollbackFailed => ExitCodes.ManualActionNeeded,
            _ => ExitCodes.Failed,
        };
}
