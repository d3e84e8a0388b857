using ShootyTui.Core.Git;

namespace ShootyTui.Core.Updates;

/// <summary>
/// Receives the start and end of every update (notifications, metrics). Calls happen on the
/// pipeline's thread, so an implementation must return at once (queue, never send inline);
/// an exception it throws is logged and ignored, so it can never fail an update.
/// </summary>
public interface IUpdateListener
{
    void UpdateStarted(UpdateStarted update);

    void UpdateFinished(UpdateFinished update);
}

/// <summary>An update that passed preflight and is about to stop the bot.</summary>
public sealed record UpdateStarted(
    long UpdateId,
    string Trigger,
    string FromCommit,
    string ToCommit,
    IReadOnlyList<PendingCommit> Commits,
    string Changelog,
    DateTimeOffset At
);

/// <summary>How an update ended, with its history record.</summary>
public sealed record UpdateFinished(UpdateResult Result, UpdateRecord Record);
