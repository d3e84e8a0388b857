using ShootyTui.Cli;
using ShootyTui.Core.Backups;

namespace ShootyTui.Tui.Panels;

internal sealed partial class BackupsPanel
{
    private void Restore(BackupEntry? entry)
    {
        if (Backups is null || entry is null)
        {
            Host.Flash("no backup selected");
            return;
        }

        if (Host.Busy)
        {
            Host.Flash("busy: wait for the current operation to finish");
            return;
        }

        var bot = Host.Deployment.Config.Bot.Name;
        // A backup without a commit is confirmed by its id instead.
        var expected = entry.Commit is null ? entry.Id.ToString() : Format.Short(entry.Commit);
        var confirmed = TypedConfirm.Ask(
            Host.App,
            "Restore backup",
            $"Restore {BackupsText.Describe(entry)} as the live database of {bot}?\n\n"
                + $"This stops {bot}, saves the current database as a backup first, puts "
                + $"backup {entry.Id} in its place, starts {bot} and checks its health.",
            expected,
            "Restore"
        );
        if (!confirmed)
        {
            Host.Flash("restore cancelled");
            return;
        }

        _ = RestoreConfirmedAsync(entry);
    }

    private async Task RestoreConfirmedAsync(BackupEntry entry)
    {
        var deployment = Host.Deployment;
        // Created on the UI thread, so each step is shown there.
        var progress = new Progress<string>(step =>
        {
            _restoreSteps?.Add("… " + step);
            Host.Changed();
        });
        RestoreResult? result = null;
        string? failure = null;
        var ran = await Host.RunBusyAsync($"restoring backup {entry.Id}", async () =>
        {
            _restoring = entry;
            _restoreSteps = [];
            try
            {
                result = await Task.Run(async () =>
                {
                    using var held = deployment.TryLock("shooty panel restore", out var holder)
                        ?? throw new BackupException(
                            $"Another run holds the update lock ({holder}); nothing was "
                                + "changed. Try again when it ends.",
                            deployment.Config.StateDirectory
                        );
                    await deployment.Pipeline.RecoverAsync(held, null, CancellationToken.None);
                    return await BackupRestore.RunAsync(
                        deployment,
                        held,
                        entry.Id,
                        progress,
                        CancellationToken.None
                    );
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Stopping or starting the bot can fail with supervisor errors too; every
                // failure must reach the operator instead of vanishing with the task.
                deployment.Log.Error(e, "Restoring backup {BackupId} failed", entry.Id);
                failure = e.Message;
            }
            finally
            {
                _restoring = null;
                _restoreSteps = null;
            }
        });
        if (!ran)
        {
            return;
        }

        await LoadAsync();
        await Host.ReloadStatusAsync();
        if (failure is not null)
        {
            ShowError("Restore failed", failure);
            return;
        }

        var (gate, saved) = (result!.Gate, result.Saved);
        if (!gate.Passed)
        {
            ShowError(
                "Bot not healthy after restore",
                $"Backup {entry.Id} was restored and the previous database was saved as backup "
                    + $"{saved.Id}, but the bot is not healthy: {gate.Detail}"
            );
            return;
        }

        Host.Flash($"✓ restored backup {entry.Id}; bot healthy; old database is backup {saved.Id}");
    }
}
