using System.Diagnostics;
using ShootyTui.Core.Processes;
using ShootyTui.Core.Slots;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// Ends an update that failed at the stop or backup step, before any code changed: the old
    /// version is started again and the update is recorded as aborted.
    /// </summary>
    private async Task<UpdateResult> AbortAfterStopAsync(UpdateRun run, StepFailedException failure)
    {
        string message;
        try
        {
            await supervisor.StartAsync(ExtraEnvironment(), CancellationToken.None);
            var gate = await GateAsync(time.GetUtcNow(), CancellationToken.None);
            run.EndDowntime(gate);
            message = gate.Passed
                ? $"update aborted at {failure.Step.ToName()}: {failure.Message}; "
                    + $"the old version {Short(run.From)} is running again"
                : $"update aborted at {failure.Step.ToName()}: {failure.Message}; the old "
                    + $"version was started again but is not healthy: {gate.Detail}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            message =
                $"update aborted at {failure.Step.ToName()}: {failure.Message}; starting the old "
                + $"version failed too: {Describe(e)}; start it by hand with `shooty start`";
            log.Error(e, "Update {UpdateId}: restarting the old version failed", run.Id);
            Finish(run, UpdateOutcome.RollbackFailed, failure, message);
            return Result(run, UpdateOutcome.RollbackFailed, failure, message);
        }

        Finish(run, UpdateOutcome.Aborted, failure, message);
        return Result(run, UpdateOutcome.Aborted, failure, message);
    }

    /// <summary>
    /// Undoes a failed update: stops the new version, resets the code, reinstalls dependencies
    /// if they changed, saves the failed version's database, restores the pre-update backup and
    /// starts the old version behind the health gate.
    /// </summary>
    private async Task<UpdateResult> RollBackAsync(UpdateRun run, StepFailedException failure)
    {
        // An update interrupted before the new code was in place does not show that code is bad.
        if (run.CodeChanged)
        {
            failedTips.Add(run.To, run.Id, time.GetUtcNow());
        }

        Journal(run, UpdateStep.Rollback, "started", $"rolling back to {Short(run.From)}");
        var started = Stopwatch.GetTimestamp();
        try
        {
            var detail = await RestoreOldVersionAsync(run, CancellationToken.None);
            journal.Record(
                run.Id,
                UpdateStep.Rollback,
                "succeeded",
                time.GetUtcNow(),
                Since(started),
                detail
            );
            run.Report(UpdateStep.Rollback, "succeeded", detail);
            var message =
                $"update to {Short(run.To)} failed at {failure.Step.ToName()}: {failure.Message}; "
                + $"rolled back to {Short(run.From)} ({detail})";
            log.Warning("Update {UpdateId} rolled back: {Message}", run.Id, message);
            Finish(run, UpdateOutcome.RolledBack, failure, message);
            return Result(run, UpdateOutcome.RolledBack, failure, message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            journal.Record(
                run.Id,
                UpdateStep.Rollback,
                "failed",
                time.GetUtcNow(),
                Since(started),
                Describe(e)
            );
            run.Report(UpdateStep.Rollback, "failed", Describe(e));
            var message =
                $"update to {Short(run.To)} failed at {failure.Step.ToName()}: {failure.Message}; "
                + $"the rollback failed too: {Describe(e)}. Manual action needed: check "
                + $"`shooty status`, the log {config.Logging.File}, and `shooty backup list`";
            log.Fatal(e, "Update {UpdateId}: rollback failed", run.Id);
            Finish(run, UpdateOutcome.RollbackFailed, failure, message);
            return Result(run, UpdateOutcome.RollbackFailed, failure, message);
        }
    }

    /// <summary>
    /// Stops the new version, puts the old code back (the old slot, or a reset of the checkout
    /// with its dependencies), saves the failed version's database and restores the pre-update
    /// backup, then starts the old version behind the health gate.
    /// </summary>
    private async Task<string> RestoreOldVersionAsync(UpdateRun run, CancellationToken ct)
    {
        var old = run.FromSlot is { } slot ? $"slot {slot.ToName()}" : "old version";
        var steps = new List<string>();
        var stop = await supervisor.StopAsync(ct);
        if (stop.WasRunning)
        {
            steps.Add(stop.Killed ? "new version killed" : "new version stopped");
        }

        var bothWrote = false;
        if (run.FromSlot is { } oldSlot)
        {
            bothWrote = await PutOldSlotBackAsync(run, oldSlot, steps, ct);
        }
        else
        {
            await PutOldCodeBackAsync(run, steps, ct);
        }

        if (run.BackupId is { } backupId && backups is not null && run.CodeChanged)
        {
            var saved = await backups.CreateAsync(run.To, "failed-version", run.Id, ct);
            await backups.RestoreAsync(backupId, ct);
            var writers = bothWrote ? "writes of both slots since then" : "failed version";
            steps.Add($"database restored from backup {backupId} ({writers} saved as {saved.Id})");
        }

        var processStart = time.GetUtcNow();
        await supervisor.StartAsync(ExtraEnvironment(), ct);
        var gate = await GateAsync(processStart, ct);
        if (!gate.Passed)
        {
            throw new InvalidOperationException(
                $"{old} at {Short(run.From)} did not become healthy: {gate.Detail}"
            );
        }

        run.EndDowntime(gate);
        steps.Add($"{old} healthy");
        return string.Join(", ", steps);
    }

    private async Task PutOldCodeBackAsync(UpdateRun run, List<string> steps, CancellationToken ct)
    {
        if (git.HeadCommit != run.From)
        {
            git.ResetHard(run.From);
            steps.Add($"code reset to {Short(run.From)}");
        }

        if (run.DependenciesChanged && config.Dependencies.Install is { } install)
        {
            var result = await RunCommandAsync(install, config.Dependencies.Timeout, ct);
            if (result.TimedOut || result.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    CommandFailure(
                        "dependency reinstall",
                        install,
                        result,
                        config.Dependencies.Timeout
                    )
                        + ": "
                        + ShellCommand.Tail(result.Output, 5)
                );
            }

            steps.Add("dependencies reinstalled");
        }
    }

    private void Finish(
        UpdateRun run,
        UpdateOutcome outcome,
        StepFailedException failure,
        string message
    ) =>
        journal.Finish(
            run.Id,
            outcome,
            time.GetUtcNow(),
            failure.Step.ToName(),
            message,
            failure.OutputTail,
            run.DowntimeSoFar,
            run.Recovered
        );

    private static UpdateResult Result(
        UpdateRun run,
        UpdateOutcome outcome,
        StepFailedException failure,
        string message
    ) =>
        new(
            run.Id,
            outcome,
            failure.Step,
            run.From,
            run.To,
            message,
            failure.OutputTail,
            run.DowntimeSoFar
        );
}
