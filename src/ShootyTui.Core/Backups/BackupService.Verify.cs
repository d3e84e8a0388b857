using Microsoft.Data.Sqlite;

namespace ShootyTui.Core.Backups;

public sealed partial class BackupService
{
    /// <summary>
    /// Checks that the backup file exists, matches its recorded SHA-256 and passes
    /// <c>PRAGMA integrity_check</c>, and stores the result in the catalog.
    /// </summary>
    /// <exception cref="BackupException">The id is not in the catalog.</exception>
    public async Task<bool> VerifyAsync(long id, CancellationToken ct) =>
        await CheckAsync(id, ct) is null;

    /// <summary>
    /// Verifies like <see cref="VerifyAsync"/> and returns why the backup is unusable, such as
    /// a SHA-256 mismatch, or null when it passed.
    /// </summary>
    /// <exception cref="BackupException">The id is not in the catalog.</exception>
    public async Task<string?> CheckAsync(long id, CancellationToken ct)
    {
        var entry = _catalog.Get(id) ?? throw NotFound(id);
        var problem = await FindProblemAsync(entry, ct);
        _catalog.SetVerified(id, problem is null, DateTimeOffset.UtcNow);
        if (problem is null)
        {
            _log.Information("Backup {BackupId} at {BackupPath} verified", id, entry.Path);
            return null;
        }

        _log.Warning(
            "Backup {BackupId} at {BackupPath} failed verification: {Problem}",
            id,
            entry.Path,
            problem
        );
        return problem;
    }

    /// <summary>Returns why the backup is unusable, or null when it passes every check.</summary>
    private static async Task<string?> FindProblemAsync(BackupEntry entry, CancellationToken ct)
    {
        if (!File.Exists(entry.Path))
        {
            return "the file is missing";
        }

        string sha256;
        try
        {
            sha256 = await DurableFiles.ComputeSha256Async(entry.Path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the file could not be read: {BackupException.Describe(e)}";
        }

        if (sha256 != entry.Sha256)
        {
            return $"SHA-256 is {sha256}, expected {entry.Sha256}";
        }

        try
        {
            // Read-only, so checking the file cannot change the bytes it was hashed from.
            using var connection = SqliteFiles.Open(entry.Path, SqliteOpenMode.ReadOnly);
            var messages = SqliteFiles.CheckIntegrity(connection);
            return SqliteFiles.IsOk(messages)
                ? null
                : $"integrity_check reported {SqliteFiles.Summarize(messages)}";
        }
        catch (SqliteException e)
        {
            return $"SQLite could not read it: {e.Message}";
        }
    }
}
