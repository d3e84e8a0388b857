namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// Finishes an update that a crash, <c>kill -9</c> or power cut interrupted. One whose new
    /// version passed the health gate is recorded as succeeded; any other is rolled back.
    /// Returns null when the journal shows no unfinished update.
    /// </summary>
    public async Task<UpdateResult?> RecoverAsync(
        UpdateLock heldLock,
        IProgress<UpdateProgress>? progress,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(heldLock);
        var unfinished = journal.FindUnfinished();
        if (unfinished is null)
        {
            return null;
        }

        var steps = journal.Steps(unfinished.Id);
        var interrupted = steps.LastOrDefault(entry => entry.Phase == "started")?.Step
            ?? "preflight";
        log.Warning(
            "Update {UpdateId} ({From} -> {To}) was interrupted during {Step}; recovering",
            unfinished.Id,
            Short(unfinished.FromCommit),
            Short(unfinished.ToCommit),
            interrupted
        );
        var slotSwitch = Slots?.Store.FindSwitch(unfinished.Id);
        var run = new UpdateRun(unfinished.Id, unfinished.FromCommit, unfinished.ToCommit, progress)
        {
            FromSlot = slotSwitch?.From,
            ToSlot = slotSwitch?.To,
            BackupId = unfinished.BackupId,
            DependenciesChanged = unfinished.DependenciesChanged,
            // In a blue-green update the checkout happens in the idle slot; only the switch
            // changes the code that runs.
            CodeChanged = steps.Any(entry =>
                slotSwitch is null
                    ? entry.Step == UpdateStep.FastForward.ToName()
                        || entry.Step == UpdateStep.Checkout.ToName()
                    : entry.Step == UpdateStep.Switch.ToName()
            ),
            Recovered = true,
        };

        if (slotSwitch is not null)
        {
            return Announce(
                await RecoverBlueGreenAsync(run, steps, unfinished.GatePassed, interrupted, ct)
            );
        }

        if (unfinished.GatePassed)
        {
            return Announce(await CompleteAfterGateAsync(run, steps, ct));
        }

        var failure = new StepFailedException(
            UpdateStepNames.Parse(interrupted),
            $"interrupted during {interrupted}: shooty was killed or the machine lost power"
        );
        return Announce(await RollBackAsync(run, failure));
    }

    private async Task<UpdateResult> CompleteAfterGateAsync(
        UpdateRun run,
        IReadOnlyList<JournalEntry> steps,
        CancellationToken ct
    )
    {
        var state = await supervisor.GetStateAsync(ct);
        if (!state.Running)
        {
            log.Warning(
                "Update {UpdateId}: the new version passed the health gate but is not running; "
                    + "starting it",
                run.Id
            );
            await supervisor.StartAsync(ExtraEnvironment(), ct);
        }

        var stopStarted = steps.FirstOrDefault(entry =>
            entry.Step == UpdateStep.Stop.ToName() && entry.Phase == "started"
        );
        var gatePassed = steps.LastOrDefault(entry =>
            entry.Step == UpdateStep.HealthGate.ToName() && entry.Phase == "succeeded"
        );
        // With a blue-green overlap the old slot may still have served when the gate passed.
        TimeSpan? downtime =
            gatePassed is null ? null
            : stopStarted is not null && stopStarted.At < gatePassed.At
                ? gatePassed.At - stopStarted.At
            : TimeSpan.Zero;
        var message =
            $"update {Short(run.From)} -> {Short(run.To)} was interrupted after its health gate "
            + "passed; recorded as succeeded";
        journal.Finish(
            run.Id,
            UpdateOutcome.Succeeded,
            time.GetUtcNow(),
            null,
            null,
            null,
            downtime,
            recovered: true
        );
        log.Information("Update {UpdateId}: {Message}", run.Id, message);
        return new UpdateResult(
            run.Id,
            UpdateOutcome.Succeeded,
            null,
            run.From,
            run.To,
            message,
            Downtime: downtime
        );
    }
}
