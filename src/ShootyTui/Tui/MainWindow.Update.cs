using ShootyTui.Cli;
using ShootyTui.Core.Schedule;
using ShootyTui.Core.Updates;

namespace ShootyTui.Tui;

internal sealed partial class MainWindow
{
    private bool _updating;

    /// <summary>
    /// Confirms and runs an update. The pipeline runs on the thread pool; each step is shown
    /// in the detail pane as it happens, and keys keep working.
    /// </summary>
    private async Task UpdateAsync()
    {
        if (Busy)
        {
            Flash("busy: wait for the current operation to finish");
            return;
        }

        if (_data.Check is not { Pending.Count: > 0, Tip: { } tip } check)
        {
            Flash(
                _data.Check?.Diverged == true
                    ? "the remote is not a fast-forward: nothing to update"
                    : "up to date; press f to fetch"
            );
            return;
        }

        if (!Dialogs.Confirm(_app, "Update", ConfirmText(check, tip), "Update"))
        {
            Flash("update cancelled");
            return;
        }

        _updating = true;
        _data.Progress = new List<string>();
        _data.UpdatingTo = tip;
        FocusPanel(_updates);
        Render();
        await RunBusyAsync("updating", () => RunPipelineAsync("update", tip, RunUpdateAsync));
        _updating = false;
        _data.UpdatingTo = null;
        await ReloadAsync(fetch: false);
        if (Closing)
        {
            _app.RequestStop(this);
        }
    }

    private string ConfirmText(Core.CheckReport check, string tip)
    {
        var config = _deployment.Config;
        var newest = check.Pending[0];
        var window = MaintenanceWindows.IsOpen(
            config.Maintenance,
            _deployment.Time.GetUtcNow(),
            out var reason
        )
            ? ""
            : $"\n\nNote: {reason}.";
        var sessions = _deployment.ActiveSessions();
        var players =
            sessions > 0
                ? $"\n\n{sessions} active session(s) are running and will be cut off."
                : "";
        return $"Update {config.Bot.Name} from {Format.Short(check.Commit)} to "
            + $"{Format.Short(tip)} \"{newest.Subject}\" ({check.Pending.Count} commit(s))?\n\n"
            + HowItUpdates(config)
            + players
            + window;
    }

    private string HowItUpdates(Core.Configuration.ShootyConfig config)
    {
        if (config.Update.Strategy != Core.Configuration.UpdateStrategy.BlueGreen)
        {
            return "The bot stops gracefully, its database is backed up, and any failure rolls "
                + "code, dependencies and data back.";
        }

        var idle = _deployment.Slots.Describe().FirstOrDefault(slot => !slot.Live)?.Name;
        var serving =
            config.Update.Overlap > TimeSpan.Zero
                ? $"The live slot serves on until slot {idle} passes its health gate (overlap "
                    + $"{Format.Duration(config.Update.Overlap)})."
                : $"The live slot stops only when slot {idle} is ready.";
        return $"Slot {idle} is prepared while the bot keeps running. {serving} The database is "
            + "backed up, and any failure goes back to the live slot with the data restored.";
    }

    /// <summary>
    /// Runs an update or rollback under the update lock on the thread pool, showing each step
    /// in the detail pane, then flashes the result or opens a dialog with the failure.
    /// </summary>
    private async Task RunPipelineAsync(
        string what,
        string target,
        Func<UpdateLock, IProgress<UpdateProgress>, Task<UpdateResult>> run
    )
    {
        var progress = new SynchronousProgress<UpdateProgress>(step =>
        {
            if (!_closed)
            {
                _app.Invoke(() => AddProgress(step));
            }
        });
        var work = Task.Run(() => RunLockedAsync(what, target, progress, run));
        Background = work;
        var result = await work;
        AddProgressLine("");
        AddProgressLine(result.Message);
        if (result.Outcome == UpdateOutcome.Succeeded || result.UpToDate)
        {
            Flash(result.Message);
            return;
        }

        Flash($"{what} {result.Outcome.ToName().Replace('_', ' ')}: see the detail pane");
        var tail = result.OutputTail is { Length: > 0 } output
            ? "\n\nLast output:\n" + string.Join("\n", output.Split('\n').TakeLast(8))
            : "";
        Dialogs.Error(
            _app,
            result.Outcome == UpdateOutcome.RollbackFailed ? "Rollback failed"
                : what == "update" ? "Update failed"
                : "Rollback did not finish",
            result.Message + $"\n\nLog: {_deployment.Config.Logging.File}" + tail
        );
    }

    private async Task<UpdateResult> RunLockedAsync(
        string what,
        string target,
        IProgress<UpdateProgress> progress,
        Func<UpdateLock, IProgress<UpdateProgress>, Task<UpdateResult>> run
    )
    {
        using var held = _deployment.TryLock($"shooty panel {what}", out var holder);
        if (held is null)
        {
            return new UpdateResult(
                null,
                UpdateOutcome.Aborted,
                UpdateStep.Preflight,
                "",
                target,
                $"another run holds the update lock ({holder}); try again when it ends",
                Deferred: true
            );
        }

        await _deployment.Pipeline.RecoverAsync(held, progress, CancellationToken.None);
        return await run(held, progress);
    }

    private Task<UpdateResult> RunUpdateAsync(UpdateLock held, IProgress<UpdateProgress> progress)
    {
        // The operator confirmed with the window and the active sessions in view.
        var request = new UpdateRequest(
            "tui",
            IgnoreWindow: true,
            ExpectedTip: _data.UpdatingTo,
            IgnoreSessions: true
        );
        return _deployment.Pipeline.RunAsync(held, request, progress, CancellationToken.None);
    }

    private void AddProgress(UpdateProgress step)
    {
        var mark = step.Phase switch
        {
            "started" => "…",
            "succeeded" => "✓",
            "failed" => "✗",
            _ => "-",
        };
        AddProgressLine($"{mark} {step.Step.ToName(), -12} {step.Message}");
        _busyText = $"{step.Step.ToName()}: {step.Message}";
    }

    private void AddProgressLine(string line)
    {
        if (_data.Progress is List<string> lines)
        {
            lines.Add(line);
        }

        ShowDetail();
        _detailList.SelectedItem = Math.Max(0, _detailLines.Count - 1);
    }

    /// <summary>
    /// Records the fetched tip for the next maintenance window, where <c>shooty --auto</c>
    /// applies it; pressed again while scheduled, it offers to cancel.
    /// </summary>
    private Task ScheduleAsync()
    {
        var schedule = new UpdateSchedule(_deployment.State);
        if (_data.Check is not { Pending.Count: > 0, Tip: { } tip } check || check.Diverged)
        {
            Flash(
                _data.Check?.Diverged == true
                    ? "the remote is not a fast-forward: it cannot be scheduled"
                    : "up to date; nothing to schedule"
            );
            return Task.CompletedTask;
        }

        var config = _deployment.Config;
        var now = _deployment.Time.GetUtcNow();
        var next = MaintenanceWindows.NextOpening(config.Maintenance, now);
        var when =
            MaintenanceWindows.IsOpen(config.Maintenance, now, out _)
                ? "in the open maintenance window (the next --auto run)"
            : next is { } opening ? $"in the next window, {opening.ToLocalTime():ddd MM-dd HH:mm}"
            : "when a maintenance window next opens (none in the next two weeks)";
        if (schedule.Get() is { } existing && existing.Tip == tip)
        {
            if (
                Dialogs.Confirm(
                    _app,
                    "Cancel schedule",
                    $"The update to {Format.Short(tip)} is scheduled {when}. Cancel it?",
                    "Unschedule"
                )
            )
            {
                schedule.Cancel();
                _deployment.Log.Information(
                    "Scheduled update to {Tip} cancelled from the panel",
                    tip
                );
                Flash($"schedule of {Format.Short(tip)} cancelled");
                Render();
            }

            return Task.CompletedTask;
        }

        var confirmed = Dialogs.Confirm(
            _app,
            "Schedule",
            $"Update {config.Bot.Name} from {Format.Short(check.Commit)} to {Format.Short(tip)} "
                + $"({check.Pending.Count} commit(s)) {when}? `shooty --auto` applies it then, "
                + "with the same backup, health gate and rollback as an update now.",
            "Schedule"
        );
        if (!confirmed)
        {
            Flash("schedule cancelled");
            return Task.CompletedTask;
        }

        schedule.Set(tip, "tui", now);
        _deployment.Log.Information("Update to {Tip} scheduled from the panel", tip);
        Flash($"scheduled {Format.Short(tip)} {when}");
        Render();
        return Task.CompletedTask;
    }
}
