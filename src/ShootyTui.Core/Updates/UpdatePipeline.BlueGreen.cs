using ShootyTui.Core.Processes;
using ShootyTui.Core.Slots;
using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Updates;

public sealed partial class UpdatePipeline
{
    /// <summary>
    /// The slots of a blue-green deployment; updates use them when <c>[update] strategy</c> is
    /// "blue-green".
    /// </summary>
    public SlotSet? Slots { get; init; }

    private bool IsBlueGreen => config.Update.Strategy == Configuration.UpdateStrategy.BlueGreen;

    /// <summary>
    /// Prepares the idle slot at the fetched tip while the live slot keeps running, then
    /// switches to it. A failure while preparing never touches the running bot.
    /// </summary>
    private async Task<UpdateResult> RunBlueGreenAsync(
        UpdateRequest request,
        IProgress<UpdateProgress>? progress,
        CancellationToken ct
    )
    {
        var slots = Slots!;
        SlotColor live;
        try
        {
            // Checked before RequireLive, which would record a link moved by hand as live.
            if (await FindSlotMismatchAsync(ct) is { } mismatch)
            {
                var head = git.HeadCommit;
                return Refuse(
                    request,
                    head,
                    head,
                    $"{mismatch.Describe()}, so preparing slot {mismatch.Running.ToName()} would "
                        + "change the code under the running bot; point the link back with "
                        + $"`{mismatch.RelinkCommand}` and update again"
                ).Result!;
            }

            live = slots.RequireLive();
        }
        catch (SlotException e)
        {
            var head = git.HeadCommit;
            return Refuse(request, head, head, e.Message).Result!;
        }

        Git.GitStatus status;
        using (var liveCheckout = slots.Open(live))
        {
            status = liveCheckout.GetStatus();
        }

        var preflight = Preflight(status, request);
        if (preflight.Result is { } early)
        {
            return early;
        }

        var idle = live.Other();
        var from = status.HeadCommit;
        var to = status.RemoteTip!;
        var id = journal.Begin(request.Trigger, from, to, time.GetUtcNow());
        slots.Store.RecordSwitch(id, live, idle);
        var run = new UpdateRun(id, from, to, progress) { FromSlot = live, ToSlot = idle };
        log.Information(
            "Update {UpdateId} started by {Trigger}: {From} in slot {Live} -> {To} in slot {Idle}",
            id,
            request.Trigger,
            Short(from),
            live.ToName(),
            Short(to),
            idle.ToName()
        );
        Journal(
            run,
            UpdateStep.Preflight,
            "succeeded",
            $"{preflight.Summary}; preparing slot {idle.ToName()}"
        );

        await NotifyStartedAsync(run, request);
        try
        {
            await PrepareSlotAsync(run, ct);
        }
        catch (StepFailedException failure)
        {
            return AbortPreparation(run, failure);
        }

        return config.Update.Overlap > TimeSpan.Zero && supervisor is IHandoverSupervisor handover
            ? await SwitchWithOverlapAsync(run, handover, ct)
            : await SwitchSlotsAsync(run, null, ct);
    }

    /// <summary>Finds a running bot outside the slot the link points at, or returns null.</summary>
    private async Task<SlotMismatch?> FindSlotMismatchAsync(CancellationToken ct) =>
        Slots!.FindMismatch(await supervisor.GetStateAsync(ct));

    /// <summary>
    /// Brings the idle slot to <see cref="UpdateRun.To"/>: checkout, dependencies when the
    /// manifest differs from the slot's last install, and the smoke test, all inside that slot.
    /// </summary>
    private async Task PrepareSlotAsync(UpdateRun run, CancellationToken ct)
    {
        var slot = run.ToSlot!.Value;
        var path = Slots!.Layout.PathOf(slot);
        if (!Directory.Exists(path))
        {
            // A new clone has none of the old one's dependencies.
            Slots.Store.SetInstalledCommit(slot, null);
            throw new StepFailedException(
                UpdateStep.Checkout,
                Slots.MissingSlotRepair(slot, run.FromSlot!.Value)
            );
        }

        using var checkout = Slots.Open(slot);
        var changed = false;
        await StepAsync(
            run,
            UpdateStep.Checkout,
            $"checking out {Short(run.To)} in slot {slot.ToName()} ({path})",
            async () =>
            {
                var status = checkout.GetStatus();
                if (status.HeadCommit == run.To && status.DirtyFiles.Count == 0)
                {
                    return $"slot {slot.ToName()} is already at {Short(run.To)}";
                }

                if (!await ContainsCommitAsync(checkout, run.To, ct))
                {
                    throw new StepFailedException(
                        UpdateStep.Checkout,
                        $"commit {Short(run.To)} is not in slot {slot.ToName()} even after a "
                            + $"fetch from {config.Bot.Remote}; run `shooty check` and try again"
                    );
                }

                checkout.ResetHard(run.To);
                changed = true;
                return $"slot {slot.ToName()} is now at {Short(checkout.HeadCommit)}";
            }
        );
        var installed = await InstallInSlotAsync(run, checkout, slot, path, ct);
        if (!changed && !installed)
        {
            Journal(
                run,
                UpdateStep.SmokeTest,
                "skipped",
                $"slot {slot.ToName()} is unchanged since it last ran"
            );
            return;
        }

        await SmokeTestInSlotAsync(run, slot, path, ct);
    }

    private static async Task<bool> ContainsCommitAsync(
        Git.GitRepository checkout,
        string commit,
        CancellationToken ct
    )
    {
        try
        {
            checkout.ResolveCommit(commit);
            return true;
        }
        catch (Git.GitOperationException)
        {
            await checkout.FetchAsync(ct);
        }

        try
        {
            checkout.ResolveCommit(commit);
            return true;
        }
        catch (Git.GitOperationException)
        {
            return false;
        }
    }

    private async Task<bool> InstallInSlotAsync(
        UpdateRun run,
        Git.GitRepository checkout,
        SlotColor slot,
        string path,
        CancellationToken ct
    )
    {
        var installed = false;
        await StepAsync(
            run,
            UpdateStep.Dependencies,
            $"checking the dependency manifest of slot {slot.ToName()}",
            async () =>
            {
                var deps = config.Dependencies;
                if (!Slots!.NeedsInstall(checkout, slot, run.To))
                {
                    return $"unchanged since slot {slot.ToName()}'s last install "
                        + $"({string.Join(", ", deps.Watch)}): install skipped";
                }

                if (deps.Install is null)
                {
                    Slots.Store.SetInstalledCommit(slot, run.To);
                    return "manifest changed but no [dependencies] install command is set";
                }

                run.DependenciesChanged = true;
                journal.SetDependenciesChanged(run.Id);
                // Unknown until the install succeeds, so a failed or killed one is redone.
                Slots.Store.SetInstalledCommit(slot, null);
                var result = await ShellCommand.RunAsync(
                    deps.Install,
                    path,
                    config.Bot.Environment,
                    deps.Timeout,
                    log,
                    ct
                );
                if (result.TimedOut || result.ExitCode != 0)
                {
                    throw new StepFailedException(
                        UpdateStep.Dependencies,
                        CommandFailure("dependency install", deps.Install, result, deps.Timeout)
                            + $" in slot {slot.ToName()}",
                        ShellCommand.Tail(result.Output, 20)
                    );
                }

                Slots.Store.SetInstalledCommit(slot, run.To);
                installed = true;
                return $"installed in slot {slot.ToName()} in {Seconds(result.Duration)}";
            }
        );
        return installed;
    }

    private Task SmokeTestInSlotAsync(
        UpdateRun run,
        SlotColor slot,
        string path,
        CancellationToken ct
    ) =>
        StepAsync(
            run,
            UpdateStep.SmokeTest,
            $"running the smoke test in slot {slot.ToName()}",
            async () =>
            {
                var smoke = config.SmokeTest;
                if (smoke.Command is null)
                {
                    return "no [smoke_test] command configured";
                }

                var result = await ShellCommand.RunAsync(
                    smoke.Command,
                    path,
                    config.Bot.Environment,
                    smoke.Timeout,
                    log,
                    ct
                );
                if (result.TimedOut || result.ExitCode != 0)
                {
                    throw new StepFailedException(
                        UpdateStep.SmokeTest,
                        CommandFailure("smoke test", smoke.Command, result, smoke.Timeout)
                            + $" in slot {slot.ToName()}",
                        ShellCommand.Tail(result.Output, 20)
                    );
                }

                return $"passed in {Seconds(result.Duration)}";
            }
        );

    /// <summary>
    /// Ends an update whose preparation failed. The live slot was never stopped, so nothing is
    /// rolled back; a tip whose install or smoke test failed is remembered as failed.
    /// </summary>
    private UpdateResult AbortPreparation(UpdateRun run, StepFailedException failure)
    {
        if (!run.IsRollback && failure.Step is UpdateStep.Dependencies or UpdateStep.SmokeTest)
        {
            failedTips.Add(run.To, run.Id, time.GetUtcNow());
        }

        var message =
            $"{(run.IsRollback ? "rollback" : "update")} to {Short(run.To)} failed while "
            + $"preparing slot {run.ToSlot!.Value.ToName()} "
            + $"at {failure.Step.ToName()}: {failure.Message}; slot "
            + $"{run.FromSlot!.Value.ToName()} kept running {Short(run.From)} untouched";
        log.Warning("Update {UpdateId} aborted: {Message}", run.Id, message);
        Finish(run, UpdateOutcome.Aborted, failure, message);
        return Result(run, UpdateOutcome.Aborted, failure, message);
    }
}
