using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ShootyTui.Core.Backups;

public sealed partial class BackupService
{
    private const int ShortCommitLength = 7;
    private const int SourceBusyTimeoutMs = 10_000;
    private const string TempSuffix = ".tmp";

    /// <summary>
    /// Copies the live database with SQLite's online backup API, which is safe while the bot
    /// writes, and records the copy in the catalog. The copy is switched to DELETE journal mode
    /// so that it is one self-contained file, and must pass <c>PRAGMA integrity_check</c>.
    /// </summary>
    /// <param name="commit">Full commit hash the database belongs to, or null.</param>
    /// <exception cref="BackupException">
    /// The database is missing or unreadable, the copy is damaged, or the disk is full. No file
    /// and no catalog row is left behind.
    /// </exception>
    public async Task<BackupEntry> CreateAsync(
        string? commit,
        string reason,
        long? updateId,
        CancellationToken ct
    )
    {
        ValidateCommit(commit);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!File.Exists(_databasePath))
        {
            throw MissingDatabase();
        }

        var stopwatch = Stopwatch.StartNew();
        var createdAt = WholeMilliseconds(DateTimeOffset.UtcNow);
        string backupPath;
        string tempPath;
        try
        {
            DurableFiles.CreatePrivateDirectory(_backupDirectory);
            (backupPath, tempPath) = ReserveBackupPaths(createdAt, commit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException(
                $"Could not create a backup file in {_backupDirectory}: "
                    + $"{BackupException.Describe(e)}. "
                    + "Check [backup] dir in shooty.toml and that the directory is writable.",
                _backupDirectory,
                e
            );
        }

        _log.Information(
            "Backing up {DatabasePath} to {BackupPath} ({Reason}, commit {Commit})",
            _databasePath,
            backupPath,
            reason,
            commit
        );
        using var run = Commands?.Begin(
            Processes.ShellQuote.Join(
                "sqlite3",
                [_databasePath, $".backup {Processes.ShellQuote.Quote(backupPath)}"]
            ),
            _backupDirectory,
            inProcess: true
        );
        string sha256;
        try
        {
            sha256 = await WriteVerifiedCopyAsync(tempPath, backupPath, ct);
        }
        catch (BackupException e)
        {
            run?.Finish(1, e.Message);
            throw;
        }

        var size = new FileInfo(backupPath).Length;
        run?.Finish(0, $"{size} bytes, PRAGMA integrity_check: ok, sha256 {sha256}");
        var entry = new BackupEntry(
            0,
            createdAt,
            commit,
            backupPath,
            size,
            sha256,
            Verified: true,
            reason,
            updateId,
            // The copy passed integrity_check and its hash was taken from the bytes on disk.
            VerifiedAt: WholeMilliseconds(DateTimeOffset.UtcNow)
        );
        try
        {
            entry = _catalog.Insert(entry);
        }
        catch (BackupException)
        {
            // A file without a catalog row would never be listed or pruned.
            DurableFiles.TryDelete(backupPath);
            throw;
        }

        _log.Information(
            "Backup {BackupId} written to {BackupPath}: {Size} bytes in {ElapsedMs} ms",
            entry.Id,
            backupPath,
            size,
            stopwatch.ElapsedMilliseconds
        );
        return entry;
    }

    /// <summary>Truncates to whole milliseconds, the precision of file names and the catalog.</summary>
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset time) =>
        time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMillisecond));

    /// <summary>
    /// Writes the checked copy to <paramref name="tempPath"/>, renames it to
    /// <paramref name="backupPath"/> and returns its SHA-256. On any failure it deletes whichever
    /// of the two files exists.
    /// </summary>
    private async Task<string> WriteVerifiedCopyAsync(
        string tempPath,
        string backupPath,
        CancellationToken ct
    )
    {
        var renamed = false;
        var completed = false;
        try
        {
            await Task.Run(() => CopyLiveDatabase(tempPath, ct), ct);
            DurableFiles.Fsync(tempPath);
            var sha256 = await DurableFiles.ComputeSha256Async(tempPath, ct);
            File.Move(tempPath, backupPath);
            renamed = true;
            DurableFiles.Fsync(_backupDirectory);
            completed = true;
            return sha256;
        }
        catch (Exception e)
            when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            var path = e is SqliteException ? _databasePath : _backupDirectory;
            throw new BackupException(
                $"Backup of {_databasePath} into {_backupDirectory} failed: "
                    + $"{BackupException.Describe(e)}. "
                    + "Check free disk space and that the database is readable.",
                path,
                e
            );
        }
        finally
        {
            if (!completed)
            {
                DeleteWithSidecars(renamed ? backupPath : tempPath);
            }
        }
    }

    private void CopyLiveDatabase(string tempPath, CancellationToken ct)
    {
        // Read-only, so a backup can never write to the bot's database. The bundled SQLite
        // (3.53.4) reads a WAL database this way, including a WAL left by a killed writer.
        using var source = SqliteFiles.Open(_databasePath, SqliteOpenMode.ReadOnly);
        SqliteFiles.ExecuteScalar(source, $"PRAGMA busy_timeout = {SourceBusyTimeoutMs}");
        using var destination = SqliteFiles.Open(tempPath, SqliteOpenMode.ReadWrite);

        // The temporary file is flushed once with fsync before the rename, so SQLite's own
        // syncs during the copy would only add time.
        SqliteFiles.ExecuteScalar(destination, "PRAGMA synchronous = OFF");

        // One step (-1) copies every page inside a single read transaction. The copy is a
        // consistent snapshot, and a concurrent writer cannot force it to restart.
        source.BackupDatabase(destination);
        ct.ThrowIfCancellationRequested();

        // The copy inherits WAL mode from its source. DELETE mode makes it one file.
        var journalMode = SqliteFiles.ExecuteScalar(destination, "PRAGMA journal_mode = DELETE");
        if (!string.Equals(journalMode, "delete", StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupException(
                $"Could not switch the backup {tempPath} to DELETE journal mode "
                    + $"(SQLite returned {journalMode}). Check that the backup directory is "
                    + "writable.",
                tempPath
            );
        }

        var messages = SqliteFiles.CheckIntegrity(destination);
        if (!SqliteFiles.IsOk(messages))
        {
            throw new BackupException(
                $"The copy of {_databasePath} failed PRAGMA integrity_check: "
                    + $"{SqliteFiles.Summarize(messages)}. The live database is probably damaged: "
                    + "stop the bot and run `sqlite3 DATABASE 'PRAGMA integrity_check'`, "
                    + "or restore an older backup.",
                _databasePath
            );
        }
    }

    /// <summary>
    /// Picks <c>yyyyMMddTHHmmssfffZ-SHORTCOMMIT.db</c> and creates its temporary file with mode
    /// 0600, so the data never sits in a file that others can read. A name already taken gets a
    /// counter suffix.
    /// </summary>
    private (string BackupPath, string TempPath) ReserveBackupPaths(
        DateTimeOffset createdAt,
        string? commit
    )
    {
        var stem =
            createdAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)
            + "-"
            + (commit is null ? "nocommit" : commit[..Math.Min(ShortCommitLength, commit.Length)]);
        for (var attempt = 1; ; attempt++)
        {
            var name = attempt == 1 ? $"{stem}.db" : $"{stem}-{attempt}.db";
            var backupPath = Path.Combine(_backupDirectory, name);
            var tempPath = backupPath + TempSuffix;
            if (File.Exists(backupPath) || File.Exists(tempPath))
            {
                continue;
            }

            DurableFiles.CreateEmptyFile(tempPath, DurableFiles.PrivateFileMode);
            return (backupPath, tempPath);
        }
    }

    private void DeleteWithSidecars(string path)
    {
        foreach (var file in SqliteFiles.SidecarPaths(path).Prepend(path))
        {
            if (!DurableFiles.TryDelete(file))
            {
                _log.Warning("Could not delete the temporary file {Path}", file);
            }
        }
    }

    private static void ValidateCommit(string? commit)
    {
        // The commit becomes part of a file name, so only hex digits are accepted.
        if (commit is not null && !CommitPattern().IsMatch(commit))
        {
            throw new ArgumentException(
                $"Commit '{commit}' is not a hexadecimal commit hash (4 to 64 characters).",
                nameof(commit)
            );
        }
    }

    [GeneratedRegex("^[0-9a-f]{4,64}$")]
    private static partial Regex CommitPattern();
}
