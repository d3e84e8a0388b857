using ShootyTui.Core.Health;
using ShootyTui.Core.Updates;

namespace ShootyTui.Core.Backups;

/// <summary>
/// Puts a backup back as the bot's live database: verify the backup, stop the bot, save the
/// current database as a "pre-restore" backup, restore, start the bot and wait for the health
/// gate. The command line and the panel both run it.
/// </summary>
public static class BackupRestore
{
    private static readonly TimeSpan GateInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Restores backup <paramref name="backupId"/>. The caller holds the update lock, so no
    /// update runs meanwhile. A failed health gate is returned in the result, not thrown.
    /// </summary>
    /// <remarks>Stops the bot and replaces its database.</remarks>
    /// <exception cref="BackupException">
    /// The backup is unknown or fails verification (nothing was changed), the current database
    /// could not be saved (the bot is started again on it), or the restore itself failed (the
    /// bot stays stopped and the message names the manual steps).
    /// </exception>
    public static async Task<RestoreResult> RunAsync(
        Deployment deployment,
        UpdateLock held,
        long backupId,
        IProgress<string>? progress,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(held);
        var backups = deployment.Backups
            ?? throw new InvalidOperationException(
                $"No [bot] database is configured in {deployment.Config.FilePath}, so there is "
                    + "nothing to restore."
            );
        var log = deployment.Log.ForContext(typeof(BackupRestore));

        var entry = backups.Get(backupId) ?? throw backups.NotFound(backupId);
        progress?.Report($"verifying backup {backupId}");
        if (!await backups.VerifyAsync(backupId, ct))
        {
            throw new BackupException(
                $"backup {backupId} failed verification (checksum or integrity check); nothing "
                    + "was changed; pick another backup from `shooty backup list`",
                entry.Path
            );
        }

        log.Information(
            "Restoring backup {BackupId} ({BackupPath}, commit {Commit})",
            backupId,
            entry.Path,
            entry.Commit
        );
        progress?.Report($"stopping {deployment.Config.Bot.Name}");
        await deployment.Supervisor.StopAsync(ct);

        progress?.Report("saving the current database as a backup");
        BackupEntry saved;
        try
        {
            saved = await backups.CreateAsync(deployment.Git.HeadCommit, "pre-restore", null, ct);
        }
        catch (BackupException e)
        {
            // Nothing live was touched yet, so the bot goes back to work on its own database.
            log.Error(e, "Saving the database before restoring backup {BackupId} failed", backupId);
            await deployment.StartBotAsync(CancellationToken.None);
            throw;
        }

        progress?.Report($"restoring backup {backupId}");
        await backups.RestoreAsync(backupId, ct);

        progress?.Report($"starting {deployment.Config.Bot.Name}");
        var started = deployment.Time.GetUtcNow();
        await deployment.StartBotAsync(ct);

        progress?.Report("waiting for the bot to be healthy");
        var gate = await HealthGate.WaitAsync(
            deployment.Health,
            started,
            deployment.Config.Update.HealthGate,
            TimeSpan.Zero,
            GateInterval,
            ct
        );
        log.Information(
            "Restored backup {BackupId}; previous database saved as backup {SavedId}; "
                + "health gate {Outcome}: {Detail}",
            backupId,
            saved.Id,
            gate.Passed ? "passed" : "failed",
            gate.Detail
        );
        return new RestoreResult(entry, saved, gate);
    }
}
