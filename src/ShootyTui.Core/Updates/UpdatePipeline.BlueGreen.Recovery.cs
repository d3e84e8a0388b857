using ShootyTui.Core.Slots;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// Finishes a blue-green update that was interrupted. Before the stop step the live slot was
    /// never touched, so the update is only recorded as aborted. After it (or after the switch,
    /// which comes first with an overlap), the old slot is put back as after a failed switch,
    /// unless the new slot had passed its health gate.
    /// </summary>
    private async Task<UpdateResult> RecoverBlueGreenAsync(
        UpdateRun run,
        IReadOnlyList<JournalEntry> steps,
        bool gatePassed,
        string interrupted,
        CancellationToken ct
    )
    {
        var to = run.ToSlot!.Value;
        if (gatePassed)
        {
            if (supervisor is IHandoverSupervisor served)
            {
                // Killed between the gate and the end of an overlap: the old slot still serves.
                await served.StopOutgoingAsync(ct);
            }

            if (Slots!.Layout.ReadLink() != to)
            {
                Slots.Layout.PointAt(to);
            }

            Slots.Store.SetLive(to);
            return await CompleteAfterGateAsync(run, steps, ct);
        }

        var failure = new StepFailedException(
            UpdateStepNames.Parse(interrupted),
            $"interrupted during {interrupted}: shooty was killed or the machine lost power"
        );
        // With an overlap, the switch hands the old slot over while it keeps serving. When the
        // new slot never started, only the old slot wrote to the database, so it serves on.
        if (
            supervisor is IHandoverSupervisor handover
            && config.Update.Overlap > TimeSpan.Zero
            && steps.Any(entry => entry.Step == UpdateStep.Switch.ToName())
            && !steps.Any(entry => entry.Step == UpdateStep.Start.ToName())
        )
        {
            return await KeepOldSlotAsync(run, handover, failure, ct);
        }

        // Otherwise a stop or a switch means the old slot was left.
        if (
            steps.Any(entry =>
                entry.Step == UpdateStep.Stop.ToName() || entry.Step == UpdateStep.Switch.ToName()
            )
        )
        {
            return await RollBackAsync(run, failure);
        }

        var state = await supervisor.GetStateAsync(ct);
        if (!state.Running)
        {
            // Nothing stopped it on purpose; start it as the watchdog would.
            await supervisor.StartAsync(ExtraEnvironment(), ct);
        }

        var message =
            $"update to {Short(run.To)} was interrupted while preparing slot {to.ToName()}; "
            + $"slot {run.FromSlot!.Value.ToName()} kept running {Short(run.From)}";
        log.Warning("Update {UpdateId} aborted: {Message}", run.Id, message);
        Finish(run, UpdateOutcome.Aborted, failure, message);
        return Result(run, UpdateOutcome.Aborted, failure, message);
    }

    /// <summary>
    /// Ends an overlap update that was interrupted after the handover but before the new slot
    /// started: the old slot is taken back and serves on, started again if it had gone (after a
    /// power cut), and the database is left as the old slot wrote it.
    /// </summary>
    private async Task<UpdateResult> KeepOldSlotAsync(
        UpdateRun run,
        IHandoverSupervisor handover,
        StepFailedException failure,
        CancellationToken ct
    )
    {
        var from = run.FromSlot!.Value;
        var oldBot = await handover.TakeBackAsync(ct);
        if (Slots!.Layout.ReadLink() != from)
        {
            Slots.Layout.PointAt(from);
        }

        Slots.Store.SetLive(from);
        var serving = oldBot.Running
            ? $"slot {from.ToName()} kept serving {Short(run.From)} ({oldBot.Detail})"
            : $"slot {from.ToName()} had stopped and was started again at {Short(run.From)}";
        if (!oldBot.Running)
        {
            await supervisor.StartAsync(ExtraEnvironment(), ct);
        }

        var message =
            $"update to {Short(run.To)} was interrupted before slot {run.ToSlot!.Value.ToName()} "
            + $"started; {serving}, and the database was not restored, since only slot "
            + $"{from.ToName()} wrote to it";
        log.Warning("Update {UpdateId} aborted: {Message}", run.Id, message);
        Finish(run, UpdateOutcome.Aborted, failure, message);
        return Result(run, UpdateOutcome.Aborted, failure, message);
    }
}
