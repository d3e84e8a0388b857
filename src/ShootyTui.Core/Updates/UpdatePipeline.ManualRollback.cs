using ShootyTui.Core.Git;
using ShootyTui.Core.Slots;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// Finds what <c>shooty rollback</c> would do: the target commit and the backup to restore.
    /// </summary>
    public RollbackPlan PlanRollback(string? toCommit)
    {
        if (!IsBlueGreen)
        {
            return PlanRollback(git, toCommit);
        }

        var live = Slots!.ReadLive();
        using var checkout = Slots.Open(live);
        return PlanRollback(checkout, toCommit) with { Slot = live.Other().ToName() };
    }

    private RollbackPlan PlanRollback(GitRepository checkout, string? toCommit)
    {
        var current = checkout.HeadCommit;
        if (toCommit is null)
        {
            return PlanUndoOfUpdate(current);
        }

        var target = checkout.ResolveCommit(toCommit);
        var update = journal
            .List(10_000)
            .FirstOrDefault(record =>
                record.Outcome == UpdateOutcome.Succeeded && record.FromCommit == target
            );
        return new RollbackPlan(current, target, update?.BackupId, update?.Id);
    }

    /// <summary>
    /// Throws when a rollback must not run now: a bot that shooty did not start runs in the
    /// checkout, or the bot runs outside the slot the link points at.
    /// </summary>
    /// <exception cref="RollbackException">The reason, with what to do.</exception>
    public async Task EnsureRollbackPossibleAsync(CancellationToken ct)
    {
        if (Deployment.ForeignBot(config) is { } foreign)
        {
            throw new RollbackException($"{foreign}, then roll back again");
        }

        if (IsBlueGreen && await FindSlotMismatchAsync(ct) is { } mismatch)
        {
            throw new RollbackException(
                $"{mismatch.Describe()}; point the link back with `{mismatch.RelinkCommand}` and "
                    + "roll back again"
            );
        }
    }

    /// <summary>
    /// Plans the undo of the update that installed <paramref name="current"/>. After a
    /// <c>shooty rollback</c>, that is an earlier update, so a second rollback goes further back
    /// and never forward again.
    /// </summary>
    private RollbackPlan PlanUndoOfUpdate(string current)
    {
        var succeeded = journal
            .List(10_000)
            .Where(record => record.Outcome == UpdateOutcome.Succeeded)
            .ToList();
        var updates = succeeded.Where(record => record.Trigger != "rollback").ToList();
        if (updates.Count == 0)
        {
            throw new RollbackException(
                "no successful update is recorded, so there is nothing to roll back; name a "
                    + "commit with --to COMMIT"
            );
        }

        if (updates.FirstOrDefault(record => record.ToCommit == current) is { } installed)
        {
            return new RollbackPlan(
                current,
                installed.FromCommit,
                installed.BackupId,
                installed.Id
            );
        }

        if (succeeded[0] is { Trigger: "rollback", ToCommit: var back } rollback && back == current)
        {
            throw new RollbackException(
                $"the last run was `shooty rollback` #{rollback.Id} to {Short(current)}, and no "
                    + "earlier update installed that commit, so there is nothing older to go "
                    + $"back to; name a commit with --to COMMIT (--to {Short(rollback.FromCommit)} "
                    + "undoes that rollback)"
            );
        }

        throw new RollbackException(
            $"HEAD is {Short(current)}, not {Short(updates[0].ToCommit)} that the last update "
                + "installed (the checkout changed by hand?); name the target with --to COMMIT"
        );
    }

    /// <summary>
    /// Returns the deployment to <see cref="RollbackPlan.Target"/>: stop, back up the current
    /// database, check out the target, reinstall changed dependencies, restore the backup taken
    /// before the update being undone, start and pass the health gate. A failure puts the
    /// current version back.
    /// </summary>
    public async Task<UpdateResult> RollbackAsync(
        UpdateLock heldLock,
        RollbackPlan plan,
        IProgress<UpdateProgress>? progress,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(heldLock);
        await EnsureRollbackPossibleAsync(ct);
        return Announce(
            IsBlueGreen
                ? await SwapBackAsync(plan, progress, ct)
                : await RollbackStepsAsync(plan, progress, ct)
        );
    }

    private async Task<UpdateResult> RollbackStepsAsync(
        RollbackPlan plan,
        IProgress<UpdateProgress>? progress,
        CancellationToken ct
    )
    {
        var status = git.GetStatus();
        if (status.HeadCommit != plan.Current)
        {
            throw new RollbackException(
                $"HEAD moved to {Short(status.HeadCommit)} since the rollback was planned; run it again"
            );
        }

        if (status.DirtyFiles.Count > 0)
        {
            throw new RollbackException(
                $"the working tree has local changes to tracked files: {Join(status.DirtyFiles)}; "
                    + $"commit, stash or discard them in {config.Bot.Path}"
            );
        }

        var id = journal.Begin("rollback", plan.Current, plan.Target, time.GetUtcNow());
        var run = new UpdateRun(id, plan.Current, plan.Target, progress) { IsRollback = true };
        log.Information(
            "Rollback {UpdateId} started: {From} -> {To}, restoring backup {BackupId}",
            id,
            Short(plan.Current),
            Short(plan.Target),
            plan.BackupId
        );
        Journal(run, UpdateStep.Preflight, "succeeded", $"rollback to {Short(plan.Target)}");
        return await StopBackUpAndChangeAsync(
            run,
            async () =>
            {
                await CheckoutAsync(run, ct);
                await InstallDependenciesAsync(run, ct);
                await RestoreAsync(run, plan.BackupId, ct);
                await StartAndGateAsync(run, ct);
            },
            ct
        );
    }

    private Task CheckoutAsync(UpdateRun run, CancellationToken ct) =>
        StepAsync(run, UpdateStep.Checkout, $"checking out {Short(run.To)}", () =>
        {
            ct.ThrowIfCancellationRequested();
            run.CodeChanged = true;
            git.ResetHard(run.To);
            return Task.FromResult($"HEAD is now {Short(git.HeadCommit)}");
        });

    private Task RestoreAsync(UpdateRun run, long? backupId, CancellationToken ct) =>
        StepAsync(
            run,
            UpdateStep.Restore,
            backupId is { } id ? $"restoring backup {id}" : "no backup to restore",
            async () =>
            {
                if (backupId is not { } id || backups is null)
                {
                    return "no backup recorded for that version: the database is kept as it is";
                }

                await backups.RestoreAsync(id, ct);
                return $"database restored from backup {id}";
            }
        );
}

/// <summary>
/// What a rollback will do: move from <see cref="Current"/> to <see cref="Target"/> and restore
/// <see cref="BackupId"/> (the backup taken before update <see cref="UndoesUpdateId"/>). In a
/// blue-green deployment <see cref="Slot"/> names the slot that will run the target.
/// </summary>
public sealed record RollbackPlan(
    string Current,
    string Target,
    long? BackupId,
    long? UndoesUpdateId,
    string? Slot = null
);

public sealed class RollbackException(string message) : Exception(message);
