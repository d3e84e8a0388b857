using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ShootyTui.Core.Backups;

public sealed partial class BackupService
{
    private const string RestoreTempSuffix = ".restore.tmp";

    /// <summary>
    /// Replaces the live database with a backup. The bot must be stopped. The copy is checked
    /// against the recorded SHA-256 before anything live is touched. The stale <c>-wal</c>,
    /// <c>-shm</c> and <c>-journal</c> files of the old database are removed, because SQLite
    /// would otherwise replay them onto the restored file. A database that was in WAL mode stays
    /// in WAL mode.
    /// </summary>
    /// <exception cref="BackupException">
    /// The backup is unknown, missing or does not match its SHA-256. The live files are then
    /// unchanged.
    /// </exception>
    public async Task RestoreAsync(long id, CancellationToken ct)
    {
        var entry = _catalog.Get(id) ?? throw NotFound(id);
        if (!File.Exists(entry.Path))
        {
            throw new BackupException(
                $"Backup file {entry.Path} of backup {id} is missing; the live database was not "
                    + "changed. Choose another backup from `shooty backup list`.",
                entry.Path
            );
        }

        using var run = Commands?.Begin(
            Processes.ShellQuote.Join(
                "sqlite3",
                [_databasePath, $".restore {Processes.ShellQuote.Quote(entry.Path)}"]
            ),
            _backupDirectory,
            inProcess: true
        );
        try
        {
            await RestoreFileAsync(entry, ct);
        }
        catch (BackupException e)
        {
            run?.Finish(1, e.Message);
            throw;
        }

        run?.Finish(0, $"restored backup {id} ({entry.Size} bytes, sha256 {entry.Sha256})");
    }

    private async Task RestoreFileAsync(BackupEntry entry, CancellationToken ct)
    {
        var id = entry.Id;
        var stopwatch = Stopwatch.StartNew();
        _log.Information(
            "Restoring backup {BackupId} from {BackupPath} over {DatabasePath}",
            id,
            entry.Path,
            _databasePath
        );

        // Pooled connections elsewhere in this process would keep the old file open.
        SqliteConnection.ClearAllPools();
        var liveDirectory = Path.GetDirectoryName(_databasePath)!;
        var tempPath = _databasePath + RestoreTempSuffix;
        var prepared = false;
        try
        {
            Directory.CreateDirectory(liveDirectory);
            await PrepareRestoreCopyAsync(entry, tempPath, ct);
            ct.ThrowIfCancellationRequested();
            prepared = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException(
                $"Could not copy backup {entry.Path} beside {_databasePath}: "
                    + $"{BackupException.Describe(e)}. "
                    + "The live database was not changed. Check free disk space and permissions.",
                _databasePath,
                e
            );
        }
        finally
        {
            if (!prepared)
            {
                DeleteWithSidecars(tempPath);
            }
        }

        ReplaceLiveDatabase(tempPath, liveDirectory);
        _log.Information(
            "Restored backup {BackupId} over {DatabasePath} in {ElapsedMs} ms",
            id,
            _databasePath,
            stopwatch.ElapsedMilliseconds
        );
    }

    /// <summary>
    /// Copies the backup to <paramref name="tempPath"/>, checks the copied bytes against the
    /// recorded SHA-256, sets WAL mode if the live database uses it, and flushes the copy.
    /// </summary>
    private async Task PrepareRestoreCopyAsync(
        BackupEntry entry,
        string tempPath,
        CancellationToken ct
    )
    {
        // The bot must keep the access it had, so the copy takes the live file's mode.
        var mode = DurableFiles.ModeOrDefault(_databasePath, DurableFiles.PrivateFileMode);
        var keepWal = SqliteFiles.HasWalHeader(_databasePath);
        DeleteWithSidecars(tempPath);

        var sha256 = await DurableFiles.CopyWithSha256Async(entry.Path, tempPath, mode, ct);
        if (sha256 != entry.Sha256)
        {
            throw new BackupException(
                $"Backup {entry.Path} (id {entry.Id}) has SHA-256 {sha256} but {entry.Sha256} "
                    + "was recorded, so the file is damaged. The live database was not changed. "
                    + "Choose another backup from `shooty backup list`.",
                entry.Path
            );
        }

        if (keepWal)
        {
            SetWalMode(tempPath);
        }

        DurableFiles.Fsync(tempPath);
    }

    private static void SetWalMode(string path)
    {
        try
        {
            // Closing the last connection checkpoints and removes the copy's own -wal and -shm.
            using var connection = SqliteFiles.Open(path, SqliteOpenMode.ReadWrite);
            SqliteFiles.ExecuteScalar(connection, "PRAGMA journal_mode = WAL");
        }
        catch (SqliteException e)
        {
            throw new BackupException(
                $"Could not switch the restored copy {path} to WAL mode: "
                    + $"{BackupException.Describe(e)}. "
                    + "The live database was not changed.",
                path,
                e
            );
        }
    }

    private void ReplaceLiveDatabase(string tempPath, string liveDirectory)
    {
        try
        {
            foreach (var sidecar in SqliteFiles.SidecarPaths(_databasePath))
            {
                File.Delete(sidecar);
            }

            // NOTE: the restored file belongs to the user running shooty. If the bot runs as
            // another user, it may be unable to write it until the owner is changed.
            File.Move(tempPath, _databasePath, overwrite: true);
            DurableFiles.Fsync(liveDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException(
                $"Restoring over {_databasePath} failed part-way: {BackupException.Describe(e)}. "
                    + $"The checked copy is {tempPath}. With the bot stopped, remove "
                    + $"{_databasePath}-wal and {_databasePath}-shm and move the copy over the "
                    + "database by hand.",
                _databasePath,
                e
            );
        }
    }
}
