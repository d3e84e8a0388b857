using ShootyTui.Core.Slots;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// Swaps back to the other slot at <see cref="RollbackPlan.Target"/>. When that slot still
    /// contains the target with its dependencies, nothing is installed or tested, so the bot is
    /// down only for one stop and one start.
    /// </summary>
    private async Task<UpdateResult> SwapBackAsync(
        RollbackPlan plan,
        IProgress<UpdateProgress>? progress,
        CancellationToken ct
    )
    {
        var slots = Slots!;
        var live = slots.RequireLive();
        string current;
        using (var liveCheckout = slots.Open(live))
        {
            current = liveCheckout.HeadCommit;
        }

        if (current != plan.Current)
        {
            throw new RollbackException(
                $"slot {live.ToName()} moved to {Short(current)} since the rollback was planned; "
                    + "run it again"
            );
        }

        var idle = live.Other();
        var id = journal.Begin("rollback", plan.Current, plan.Target, time.GetUtcNow());
        slots.Store.RecordSwitch(id, live, idle);
        var run = new UpdateRun(id, plan.Current, plan.Target, progress)
        {
            IsRollback = true,
            FromSlot = live,
            ToSlot = idle,
        };
        log.Information(
            "Rollback {UpdateId} started: slot {Live} at {From} -> slot {Idle} at {To}, "
                + "restoring backup {BackupId}",
            id,
            live.ToName(),
            Short(plan.Current),
            idle.ToName(),
            Short(plan.Target),
            plan.BackupId
        );
        Journal(
            run,
            UpdateStep.Preflight,
            "succeeded",
            $"swap back to slot {idle.ToName()} at {Short(plan.Target)}"
        );
        try
        {
            await PrepareSlotAsync(run, ct);
        }
        catch (StepFailedException failure)
        {
            return AbortPreparation(run, failure);
        }

        return await SwitchSlotsAsync(run, plan.BackupId, ct);
    }
}
