using ShootyTui.Core.Backups;

namespace ShootyTui.Tui.Panels;

internal sealed partial class BackupsPanel
{
    private async Task CreateAsync()
    {
        if (Backups is not { } backups)
        {
            Host.Flash("no [bot] database is configured, so nothing can be backed up");
            return;
        }

        var deployment = Host.Deployment;
        BackupEntry? created = null;
        string? failure = null;
        var ran = await Host.RunBusyAsync("backing up the database", async () =>
        {
            try
            {
                created = await Task.Run(async () =>
                {
                    using var held = deployment.TryLock("shooty panel backup", out var holder)
                        ?? throw new BackupException(
                            $"Another run holds the update lock ({holder}); try again "
                                + "when it ends.",
                            deployment.Config.StateDirectory
                        );
                    return await backups.CreateAsync(
                        deployment.Git.HeadCommit,
                        "manual",
                        null,
                        CancellationToken.None
                    );
                });
            }
            catch (BackupException e)
            {
                deployment.Log.Error(e, "Backup from the panel failed");
                failure = e.Message;
            }
        });
        if (!ran)
        {
            return;
        }

        await LoadAsync();
        if (failure is not null)
        {
            ShowError("Backup failed", failure);
            return;
        }

        Host.Flash($"✓ backup {created!.Id} created ({BackupsText.Size(created.Size)})");
    }

    private async Task VerifyAsync(BackupEntry? entry)
    {
        if (Backups is not { } backups || entry is null)
        {
            Host.Flash("no backup selected");
            return;
        }

        string? problem = null;
        string? failure = null;
        var ran = await Host.RunBusyAsync($"verifying backup {entry.Id}", async () =>
        {
            try
            {
                problem = await Task.Run(() =>
                    backups.CheckAsync(entry.Id, CancellationToken.None)
                );
            }
            catch (BackupException e)
            {
                Host.Deployment.Log.Error(e, "Verifying backup {BackupId} failed", entry.Id);
                failure = e.Message;
            }
        });
        if (!ran)
        {
            return;
        }

        await LoadAsync();
        if (failure is not null)
        {
            ShowError("Verification failed", failure);
        }
        else if (problem is not null)
        {
            ShowError(
                "Backup damaged",
                $"✗ {BackupsText.Describe(entry)} failed verification: {problem}.\n"
                    + $"File: {entry.Path}\n"
                    + "It cannot be restored. Restore another backup or delete this one."
            );
        }
        else
        {
            Host.Flash($"✓ backup {entry.Id} verified");
        }
    }

    private void Delete(BackupEntry? entry)
    {
        if (Backups is not { } backups || entry is null)
        {
            Host.Flash("no backup selected");
            return;
        }

        if (Host.Busy)
        {
            Host.Flash("busy: wait for the current operation to finish");
            return;
        }

        if (entry.Id == _lastGoodId)
        {
            Dialogs.Info(
                Host.App,
                "Backup kept",
                $"{Capitalize(BackupsText.Describe(entry))} is the last good backup: the newest "
                    + "one that is verified and whose file exists. A restore or rollback may "
                    + "need it, so it is never deleted. Create or verify a newer backup first."
            );
            return;
        }

        var confirmed = Dialogs.Confirm(
            Host.App,
            "Delete backup",
            $"Delete {BackupsText.Describe(entry)}, a {entry.Reason} backup?\n\n"
                + $"Its file {entry.Path} is removed. This cannot be undone.",
            "Delete"
        );
        if (!confirmed)
        {
            Host.Flash("delete cancelled");
            return;
        }

        _ = DeleteConfirmedAsync(backups, entry);
    }

    private async Task DeleteConfirmedAsync(BackupService backups, BackupEntry entry)
    {
        var protectedIds = new HashSet<long>(_rollbackIds);
        if (_lastGoodId is { } lastGood)
        {
            protectedIds.Add(lastGood);
        }

        string? failure = null;
        try
        {
            await backups.DeleteAsync(entry.Id, protectedIds, CancellationToken.None);
        }
        catch (BackupException e)
        {
            Host.Deployment.Log.Warning(e, "Backup {BackupId} was not deleted", entry.Id);
            failure = e.Message;
        }

        await LoadAsync();
        if (failure is not null)
        {
            Dialogs.Info(Host.App, "Backup kept", failure);
            return;
        }

        Host.Flash($"✓ backup {entry.Id} deleted");
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
