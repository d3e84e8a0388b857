using ShootyTui.Core.Git;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    private sealed record PreflightOutcome(UpdateResult? Result, string Summary);

    /// <summary>
    /// Checks everything that must hold before the bot is touched. A refusal is recorded as an
    /// aborted update; "up to date" and deferrals are not recorded.
    /// </summary>
    private PreflightOutcome Preflight(GitStatus status, UpdateRequest request)
    {
        var from = status.HeadCommit;
        var tip = status.RemoteTip;
        if (tip is null)
        {
            return Refuse(
                request,
                from,
                from,
                $"no remote-tracking branch {config.Bot.Remote}/{config.Bot.Branch}; "
                    + "run `shooty check` to fetch it, and check [bot] remote and branch"
            );
        }

        if (tip == from && !status.IsDetached)
        {
            return new PreflightOutcome(
                new UpdateResult(
                    null,
                    UpdateOutcome.Succeeded,
                    null,
                    from,
                    tip,
                    $"already up to date at {Short(from)}",
                    UpToDate: true
                ),
                ""
            );
        }

        var refusal = FindRefusal(status, request, tip);
        if (refusal is not null)
        {
            return Refuse(request, from, tip, refusal);
        }

        if (request.ExpectedTip is { } expected && expected != tip)
        {
            return Refuse(
                request,
                from,
                tip,
                $"the remote tip moved from {Short(expected)} to {Short(tip)} since it was "
                    + "confirmed; review the new commits and update again"
            );
        }

        if (
            !request.IgnoreWindow
            && !Schedule.MaintenanceWindows.IsOpen(
                config.Maintenance,
                time.GetUtcNow(),
                out var why
            )
        )
        {
            return Defer(from, tip, $"{why}; pass --ignore-window to update now");
        }

        if (SessionsDeferral(request, tip) is { } waiting)
        {
            return Defer(from, tip, waiting);
        }

        if (request.Unattended && failedTips.Contains(tip))
        {
            var message =
                $"skipping {Short(tip)}: its update failed before; unattended runs wait for a "
                + "newer commit (run `shooty update` to retry it by hand)";
            log.Information("{Message}", message);
            return NotRecorded(from, tip, message, deferred: false);
        }

        var summary = $"{Short(from)} -> {Short(tip)}, {status.Behind} commit(s)";
        return new PreflightOutcome(null, summary);
    }

    private PreflightOutcome Defer(string from, string tip, string reason)
    {
        log.Information("Update to {Tip} deferred: {Reason}", Short(tip), reason);
        return NotRecorded(from, tip, $"update deferred: {reason}", deferred: true);
    }

    /// <summary>
    /// Ends preflight without a journal entry. A deferred update runs later. Otherwise there is
    /// nothing to do for this tip, which counts as up to date.
    /// </summary>
    private static PreflightOutcome NotRecorded(
        string from,
        string tip,
        string message,
        bool deferred
    ) =>
        new(
            new UpdateResult(
                null,
                UpdateOutcome.Aborted,
                UpdateStep.Preflight,
                from,
                tip,
                message,
                UpToDate: !deferred,
                Deferred: deferred
            ),
            ""
        );

    /// <summary>
    /// Returns why the update waits for players, or null to go on. With
    /// <c>[update] wait_for_sessions</c>, an update waits while the heartbeat reports active
    /// sessions, for at most that long from the first time it had to wait for this tip.
    /// </summary>
    private string? SessionsDeferral(UpdateRequest request, string tip)
    {
        var limit = config.Update.WaitForSessions;
        if (request.IgnoreSessions || limit <= TimeSpan.Zero)
        {
            return null;
        }

        var sessions = Health.HeartbeatReader.Read(config.Bot.HeartbeatFile)?.ActiveSessions ?? 0;
        var key = $"sessions_wait_since:{tip}";
        if (sessions <= 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var since = settings.Get(key) is { } text ? UpdateJournal.ParseIso(text) : now;
        settings.Set(key, UpdateJournal.Iso(since));
        var waited = now - since;
        if (waited >= limit)
        {
            log.Warning(
                "{Sessions} session(s) still active after waiting {Waited}; updating anyway",
                sessions,
                waited
            );
            return null;
        }

        return $"{sessions} active session(s) reported by the heartbeat; waiting up to "
            + $"{Seconds(limit)} for them to end (waited {Seconds(waited)} so far, "
            + "[update] wait_for_sessions)";
    }

    private string? FindRefusal(GitStatus status, UpdateRequest request, string tip)
    {
        if (status.IsDetached)
        {
            return $"HEAD is detached at {Short(status.HeadCommit)}; check out "
                + $"{config.Bot.Branch} in {config.Bot.Path} before updating";
        }

        if (status.DirtyFiles.Count > 0)
        {
            return $"the working tree has local changes to tracked files: "
                + $"{Join(status.DirtyFiles)}; commit, stash or discard them in {config.Bot.Path}";
        }

        if (status.Diverged || !status.IsFastForward)
        {
            return $"{config.Bot.Remote}/{config.Bot.Branch} at {Short(tip)} is not a "
                + $"fast-forward of HEAD {Short(status.HeadCommit)} (force-pushed remote or local "
                + "commits); inspect the history and reset the checkout by hand";
        }

        var overwritten = git.GetUntrackedFilesOverwrittenBy(tip);
        if (overwritten.Count > 0)
        {
            return $"untracked files would be overwritten by the update: {Join(overwritten)}; "
                + "move or delete them";
        }

        return FindForeignBotRefusal() ?? FindSecretsRefusal() ?? FindDiskRefusal();
    }

    /// <summary>
    /// Refuses to touch the deployment while a bot that shooty did not start runs there: the
    /// new version would run beside it on the same token.
    /// </summary>
    private string? FindForeignBotRefusal() =>
        Deployment.ForeignBot(config) is { } foreign ? $"{foreign}, then update again" : null;

    /// <summary>
    /// Refuses an update whose new version could not be started, because the bot needs secrets
    /// that are locked: stopping the old version then would leave the bot down.
    /// </summary>
    private string? FindSecretsRefusal()
    {
        try
        {
            _ = ExtraEnvironment();
            return null;
        }
        catch (Supervision.SupervisorException e)
        {
            return $"the bot could not be started again: {e.Message}";
        }
    }

    private string? FindDiskRefusal()
    {
        if (backups is null)
        {
            return null;
        }

        Directory.CreateDirectory(config.Backup.Dir);
        var free = new DriveInfo(config.Backup.Dir).AvailableFreeSpace;
        var needed = backups.EstimateRequiredBytes() + config.Backup.MinFreeDiskBytes;
        if (free >= needed)
        {
            return null;
        }

        return $"not enough free disk for a backup in {config.Backup.Dir}: {Megabytes(free)} "
            + $"free, {Megabytes(needed)} needed (database plus [backup] min_free_disk); "
            + "free some space or prune old backups";
    }

    private PreflightOutcome Refuse(UpdateRequest request, string from, string tip, string reason)
    {
        var now = time.GetUtcNow();
        var id = journal.Begin(request.Trigger, from, tip, now);
        journal.Record(id, UpdateStep.Preflight, "failed", now, detail: reason);
        journal.Finish(
            id,
            UpdateOutcome.Aborted,
            now,
            UpdateStep.Preflight.ToName(),
            reason,
            null,
            null
        );
        log.Warning("Update {UpdateId} refused in preflight: {Reason}", id, reason);
        return new PreflightOutcome(
            new UpdateResult(
                id,
                UpdateOutcome.Aborted,
                UpdateStep.Preflight,
                from,
                tip,
                $"update refused: {reason}"
            ),
            reason
        );
    }

    private static string Join(IReadOnlyList<string> paths) =>
        paths.Count <= 5
            ? string.Join(", ", paths)
            : string.Join(", ", paths.Take(5)) + $" and {paths.Count - 5} more";

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MiB";
}
