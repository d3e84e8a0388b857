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
        try
        {
            await StopAsync(run, ct);
            await BackupAsync(run, ct);
        }
        catch (StepFailedException failure)
        {
            return await AbortAfterStopAsync(run, failure);
        }

        try
        {
            await PointLinkAsync(run, ct);
            if (restoreBackupId is not null)
            {
                await RestoreAsync(run, restoreBackupId, ct);
            }

            await StartAndGateAsync(run, ct);
        }
        catch (StepFailedException failure)
        {
            return await RollBackAsync(run, failure);
        }

        return Succeed(run);
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

    /// <summary>
    /// Puts the old slot back after a failed switch: stops the new slot, points the link back,
    /// saves the failed version's database and restores the pre-switch backup, then starts the
    /// old slot behind the health gate. The old slot's code and dependencies were never touched.
    /// </summary>
    private async Task<string> RestoreOldSlotAsync(
        UpdateRun run,
        SlotColor oldSlot,
        CancellationToken ct
    )
    {
        var steps = new List<string>();
        var stop = await supervisor.StopAsync(ct);
        if (stop.WasRunning)
        {
            steps.Add(stop.Killed ? "new slot killed" : "running slot stopped");
        }

        if (Slots!.Layout.ReadLink() != oldSlot)
        {
            Slots.Layout.PointAt(oldSlot);
            steps.Add($"current link back on slot {oldSlot.ToName()}");
        }

        Slots.Store.SetLive(oldSlot);
        if (run.BackupId is { } backupId && backups is not null && run.CodeChanged)
        {
            var saved = await backups.CreateAsync(run.To, "failed-version", run.Id, ct);
            await backups.RestoreAsync(backupId, ct);
            steps.Add(
                $"database restored from backup {backupId} (failed version saved as {saved.Id})"
            );
        }

        var processStart = time.GetUtcNow();
        await supervisor.StartAsync(ExtraEnvironment(), ct);
        var gate = await GateAsync(processStart, ct);
        if (!gate.Passed)
        {
            throw new InvalidOperationException(
                $"slot {oldSlot.ToName()} at {Short(run.From)} did not become healthy: "
                    + gate.Detail
            );
        }

        run.EndDowntime(gate);
        steps.Add($"slot {oldSlot.ToName()} healthy");
        return string.Join(", ", steps);
    }
}
