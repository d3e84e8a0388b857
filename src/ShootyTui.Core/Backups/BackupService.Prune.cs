namespace ShootyTui.Core.Backups;

public sealed partial class BackupService
{
    // A backup writes its temporary file continuously and checks it within seconds, so a
    // temporary file this old was left by a process that died.
    private static readonly TimeSpan StaleTempAge = TimeSpan.FromHours(1);

    /// <summary>
    /// Deletes all but the newest <paramref name="keep"/> backups, except those in
    /// <paramref name="protectedIds"/>, and returns the deleted ones. The newest backup is kept
    /// even when <paramref name="keep"/> is 0. Also removes temporary backup files that a crashed
    /// run left behind.
    /// </summary>
    /// <remarks>
    /// Deleted rows stay in the catalog with <c>deleted_at</c> set, so the history of an
    /// update still names the backup it made.
    /// </remarks>
    public IReadOnlyList<BackupEntry> Prune(int keep, IReadOnlySet<long> protectedIds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        var deleted = new List<BackupEntry>();
        foreach (var entry in _catalog.List().Skip(Math.Max(keep, 1)))
        {
            if (protectedIds.Contains(entry.Id))
            {
                continue;
            }

            if (TryDeleteBackup(entry))
            {
                deleted.Add(entry);
            }
        }

        DeleteStaleTempFiles();
        _log.Information(
            "Pruned {Count} backups, keeping {Keep} and protected ids {ProtectedIds}",
            deleted.Count,
            keep,
            protectedIds
        );
        return deleted;
    }

    /// <summary>Deletes one backup's file and marks its catalog row deleted.</summary>
    /// <exception cref="BackupException">
    /// The id is unknown, protected, or the newest backup, or the file could not be deleted.
    /// </exception>
    public Task DeleteAsync(long id, IReadOnlySet<long> protectedIds, CancellationToken ct) =>
        Task.Run(() => DeleteBackup(id, protectedIds), ct);

    private void DeleteBackup(long id, IReadOnlySet<long> protectedIds)
    {
        var entries = _catalog.List();
        var entry = entries.FirstOrDefault(candidate => candidate.Id == id) ?? throw NotFound(id);
        if (protectedIds.Contains(id))
        {
            throw new BackupException(
                $"Backup {id} ({entry.Path}) is protected because an update may need it for a "
                    + "rollback; it was not deleted.",
                entry.Path
            );
        }

        if (entries[0].Id == id)
        {
            throw new BackupException(
                $"Backup {id} ({entry.Path}) is the newest backup and is always kept; "
                    + "create a newer backup first if you want to delete it.",
                entry.Path
            );
        }

        if (!TryDeleteBackup(entry))
        {
            throw new BackupException(
                $"Could not delete the backup file {entry.Path}; check its permissions and "
                    + "delete it by hand, then run `shooty backup prune`.",
                entry.Path
            );
        }
    }

    private bool TryDeleteBackup(BackupEntry entry)
    {
        // The file goes first. A row without its file is reported by verify, while a file
        // without a row would fill the disk unnoticed.
        try
        {
            File.Delete(entry.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.Warning(
                e,
                "Could not delete backup {BackupId} at {BackupPath}",
                entry.Id,
                entry.Path
            );
            return false;
        }

        _catalog.MarkDeleted(entry.Id, DateTimeOffset.UtcNow);
        _log.Information("Deleted backup {BackupId} at {BackupPath}", entry.Id, entry.Path);
        return true;
    }

    private void DeleteStaleTempFiles()
    {
        if (!Directory.Exists(_backupDirectory))
        {
            return;
        }

        var cutoff = DateTime.UtcNow - StaleTempAge;
        var pattern = "*.db" + TempSuffix + "*";
        foreach (var path in Directory.EnumerateFiles(_backupDirectory, pattern))
        {
            if (File.GetLastWriteTimeUtc(path) >= cutoff)
            {
                continue;
            }

            if (DurableFiles.TryDelete(path))
            {
                _log.Information("Deleted stale temporary backup file {Path}", path);
            }
            else
            {
                _log.Warning("Could not delete stale temporary backup file {Path}", path);
            }
        }
    }
}
