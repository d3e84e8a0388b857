using System.Diagnostics;
using ShootyTui.Core.Health;
using ShootyTui.Core.Slots;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// Switches while the old slot keeps serving, for bots that tolerate two instances: backs up
    /// the database with the old slot running, hands that slot over, points the current link at
    /// the prepared slot and starts it. The old slot is stopped as soon as the new one passes its
    /// health gate, or when <c>[update] overlap</c> runs out, whichever comes first.
    /// </summary>
    private async Task<UpdateResult> SwitchWithOverlapAsync(
        UpdateRun run,
        IHandoverSupervisor handover,
        CancellationToken ct
    )
    {
        try
        {
            await BackupAsync(run, ct);
        }
        catch (StepFailedException failure)
        {
            return AbortPreparation(run, failure);
        }

        var outgoingStopped = false;
        try
        {
            await HandOverAsync(run, handover, ct);
            await StartAndGateAsync(run, ct, async gate =>
                outgoingStopped = await StopOutgoingWhenDueAsync(run, handover, gate, ct)
            );
        }
        catch (StepFailedException failure)
        {
            return await RollBackAsync(run, failure);
        }

        if (!outgoingStopped)
        {
            run.RecordNoDowntime();
            try
            {
                await StopOutgoingAsync(run, handover, "it passed its health gate", ct);
            }
            catch (StepFailedException failure)
            {
                // The new slot is healthy and live, so going back would stop the version that works.
                log.Error(
                    "Update {UpdateId}: slot {Slot} still runs beside the new one: {Message}",
                    run.Id,
                    run.FromSlot!.Value.ToName(),
                    failure.Message
                );
            }
        }

        return Succeed(run);
    }

    private Task HandOverAsync(UpdateRun run, IHandoverSupervisor handover, CancellationToken ct)
    {
        var from = run.FromSlot!.Value;
        var to = run.ToSlot!.Value;
        return StepAsync(
            run,
            UpdateStep.Switch,
            $"pointing {Slots!.Layout.CurrentLink} at slot {to.ToName()} while slot "
                + $"{from.ToName()} keeps serving (overlap up to {Seconds(config.Update.Overlap)})",
            async () =>
            {
                var outgoing = await handover.HandOverAsync(ct);
                run.CodeChanged = true;
                Slots.Layout.PointAt(to);
                Slots.Store.SetLive(to);
                var serving = outgoing.Running
                    ? $"slot {from.ToName()} serves until then ({outgoing.Detail})"
                    : $"slot {from.ToName()} was not running";
                return $"slot {to.ToName()} is live once it starts; {serving}";
            }
        );
    }

    /// <summary>
    /// Waits for the gate or the end of the overlap. Stops the outgoing slot when the overlap
    /// runs out first, which starts the downtime, and returns whether it did.
    /// </summary>
    private async Task<bool> StopOutgoingWhenDueAsync(
        UpdateRun run,
        IHandoverSupervisor handover,
        Task<GateResult> gate,
        CancellationToken ct
    )
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var overlap = Task.Delay(config.Update.Overlap, limit.Token);
        if (await Task.WhenAny(gate, overlap) == gate)
        {
            await limit.CancelAsync();
            return false;
        }

        ct.ThrowIfCancellationRequested();
        run.Downtime = Stopwatch.StartNew();
        await StopOutgoingAsync(
            run,
            handover,
            $"the overlap of {Seconds(config.Update.Overlap)} ran out before it passed its health "
                + "gate",
            ct
        );
        return true;
    }

    private Task StopOutgoingAsync(
        UpdateRun run,
        IHandoverSupervisor handover,
        string reason,
        CancellationToken ct
    ) =>
        StepAsync(
            run,
            UpdateStep.Stop,
            $"stopping slot {run.FromSlot!.Value.ToName()}: slot {run.ToSlot!.Value.ToName()} "
                + $"serves, {reason}",
            async () =>
            {
                var stop = await handover.StopOutgoingAsync(ct);
                if (!stop.WasRunning)
                {
                    return $"slot {run.FromSlot.Value.ToName()} was no longer running";
                }

                return stop.Killed
                    ? $"slot {run.FromSlot.Value.ToName()} ignored SIGTERM and was killed after "
                        + $"stop_timeout {Seconds(config.Bot.StopTimeout)}"
                    : $"slot {run.FromSlot.Value.ToName()} stopped gracefully in "
                        + $"{Seconds(stop.Duration)}";
            }
        );
}
