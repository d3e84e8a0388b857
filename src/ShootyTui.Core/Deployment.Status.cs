using ShootyTui.Core.Git;
using ShootyTui.Core.Health;
using ShootyTui.Core.Supervision;
using ShootyTui.Core.Updates;

namespace ShootyTui.Core;

/// <summary>
/// The bot's state and health at one moment, as <c>shooty status</c> and the Overview show it.
/// </summary>
public sealed record StatusReport(
    string BotName,
    BotProcessState Bot,
    string? Commit,
    string? Branch,
    HealthReport Health,
    UpdateRecord? LastUpdate
)
{
    public bool Healthy => Health.Healthy && SlotMismatch is null && ForeignBot is null;

    /// <summary>The live slot ("blue" or "green"); null for an in-place deployment.</summary>
    public string? LiveSlot { get; init; }

    /// <summary>
    /// The old slot's bot while it still runs beside the live one after a handover: during a
    /// blue-green switch with <c>[update] overlap</c>, or after one was interrupted. Null when
    /// there is none.
    /// </summary>
    public BotProcessState? Outgoing { get; init; }

    /// <summary>
    /// Why the bot runs outside the live slot (the link was moved by hand), or null when it runs
    /// there. Such a bot is reported unhealthy and never restarted into the other slot.
    /// </summary>
    public string? SlotMismatch { get; init; }

    /// <summary>
    /// The processes in the bot's folder that look like the bot but were not started by shooty,
    /// with the command that stops them. Null when there are none.
    /// </summary>
    public string? ForeignBot { get; init; }

    /// <summary>
    /// True when <see cref="LastUpdate"/> never finished and the process that ran it is gone: the
    /// next command that takes the update lock recovers it.
    /// </summary>
    public bool Interrupted { get; init; }

    public TimeSpan? Uptime(DateTimeOffset now) => Bot.StartedAt is { } start ? now - start : null;
}

/// <summary>
/// The result of a fetch: the deployed commit, the remote tip and what lies between.
/// </summary>
public sealed record CheckReport(
    string Commit,
    string? Tip,
    bool FastForward,
    bool Diverged,
    bool Detached,
    IReadOnlyList<string> DirtyFiles,
    IReadOnlyList<PendingCommit> Pending,
    bool TipFailedBefore
)
{
    public bool UpToDate => Tip is null || Tip == Commit;
}

public sealed partial class Deployment
{
    public async Task<StatusReport> GetStatusAsync(CancellationToken ct)
    {
        var bot = await Supervisor.GetStateAsync(ct);
        var health = await Health.CheckAsync(null, ct);
        Samples.Record(health);
        string? commit = null;
        string? branch = null;
        try
        {
            var status = Git.GetStatus();
            commit = status.HeadCommit;
            branch = status.BranchName;
        }
        catch (GitOperationException e)
        {
            Log.Warning(e, "Reading the checkout state of {Path} failed", Config.Bot.Path);
        }

        var last = Journal.List(1).FirstOrDefault();
        var outgoing = Supervisor is IHandoverSupervisor handover
            ? await handover.GetOutgoingStateAsync(ct)
            : null;
        return new StatusReport(Config.Bot.Name, bot, commit, branch, health, last)
        {
            LiveSlot = LiveSlotName(),
            Outgoing = outgoing is { Running: true } ? outgoing : null,
            SlotMismatch = SlotMismatch(bot),
            ForeignBot = ForeignBot(Config),
            Interrupted = last is not null && InterruptedUpdate()?.Id == last.Id,
        };
    }

    /// <summary>
    /// Returns the update that never finished because its shooty process is gone, or null. The
    /// next command that takes the update lock recovers it.
    /// </summary>
    public UpdateRecord? InterruptedUpdate() =>
        Journal.FindUnfinished() is { } unfinished && !UpdateLock.HolderAlive(Config.StateDirectory)
            ? unfinished
            : null;

    /// <summary>
    /// Fetches (unless <paramref name="fetch"/> is false) and lists the pending commits.
    /// </summary>
    public async Task<CheckReport> CheckAsync(bool fetch, CancellationToken ct)
    {
        if (fetch)
        {
            await Git.FetchAsync(ct);
        }

        return await Task.Run(
            () =>
            {
                var status = Git.GetStatus();
                var pending =
                    status.RemoteTip is { } tip && !status.Diverged
                        ? Git.GetPendingCommits(tip)
                        : Array.Empty<PendingCommit>();
                return new CheckReport(
                    status.HeadCommit,
                    status.RemoteTip,
                    status.IsFastForward && !status.Diverged,
                    status.Diverged,
                    status.IsDetached,
                    status.DirtyFiles,
                    pending,
                    status.RemoteTip is { } remoteTip && FailedTips.Contains(remoteTip)
                );
            },
            ct
        );
    }
}
