using ShootyTui.Core.Slots;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// Stops the live slot, backs up the database, points the current link at the prepared slot,
    /// restores <paramref name="restoreBackupId"/> when given (a swap-back), then starts the
    /// prepared slot behind the health gate. The two slots never run at the same time. A failure
    /// after the stop starts the old slot again, without any reinstall.
    /// </summary>
    private async Task<UpdateResult> SwitchSlotsAsync(
        UpdateRun run,
        long? restoreBackupId,
        CancellationToken ct
    )
    {
        return await StopBackUpAndChangeAsync(
            run,
            async () =>
            {
                await PointLinkAsync(run, ct);
                if (restoreBackupId is not null)
                {
                    await RestoreAsync(run, restoreBackupId, ct);
                }

                await StartAndGateAsync(run, ct);
            },
            ct
        );
    }

    private Task PointLinkAsync(UpdateRun run, CancellationToken ct) =>
        StepAsync(
            run,
            UpdateStep.Switch,
            $"pointing {Slots!.Layout.CurrentLink} at slot {run.ToSlot!.Value.ToName()}",
            () =>
            {
                ct.ThrowIfCancellationRequested();
                run.CodeChanged = true;
                Slots.Layout.PointAt(run.ToSlot.Value);
                Slots.Store.SetLive(run.ToSlot.Value);
                return Task.FromResult(
                    $"slot {run.ToSlot.Value.ToName()} is live; slot "
                        + $"{run.FromSlot!.Value.ToName()} stays stopped at {Short(run.From)}"
                );
            }
        );
}
