using ShootyTui.Cli;
using ShootyTui.Core.Updates;

namespace ShootyTui.Tui;

internal sealed partial class MainWindow
{
    /// <summary>
    /// Rolls back the last successful update after the operator typed the target's short
    /// commit: the same steps as <c>shooty rollback</c>, shown in the detail pane.
    /// </summary>
    private async Task RollbackAsync()
    {
        if (Busy)
        {
            Flash("busy: wait for the current operation to finish");
            return;
        }

        RollbackPlan plan;
        try
        {
            plan = await Task.Run(() => _deployment.Pipeline.PlanRollback(null));
        }
        catch (Exception e) when (e is RollbackException or Core.Git.GitOperationException)
        {
            Dialogs.Error(_app, "Roll back", e.Message);
            return;
        }

        if (plan.Target == plan.Current)
        {
            Flash($"already at {Format.Short(plan.Target)}: nothing to roll back");
            return;
        }

        var data = plan.BackupId is { } id
            ? $"restore backup {id} taken before that update (the current database is backed "
                + "up first)"
            : "keep the database as it is (no backup was recorded for that version)";
        var target = Format.Short(plan.Target);
        var confirmed = TypedConfirm.Ask(
            _app,
            "Roll back",
            $"Roll back {_deployment.Config.Bot.Name} from {Format.Short(plan.Current)} to "
                + $"{target}, {data}, and restart it?",
            target,
            "Roll back"
        );
        if (!confirmed)
        {
            Flash("rollback cancelled");
            return;
        }

        _updating = true;
        _data.Progress = new List<string>();
        FocusPanel(_updates);
        await RunBusyAsync("rolling back", () =>
            RunPipelineAsync("rollback", plan.Target, (held, progress) =>
                _deployment.Pipeline.RollbackAsync(held, plan, progress, CancellationToken.None)
            )
        );
        _updating = false;
        await ReloadAsync(fetch: false);
        if (Closing)
        {
            _app.RequestStop(this);
        }
    }
}
