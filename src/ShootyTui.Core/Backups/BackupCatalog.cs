using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ShootyTui.Core.Backups;

/// <summary>
/// The <c>backups</c> table in the state database. Other components keep their own tables in the
/// same file, so this class creates and touches only that table.
/// </summary>
internal sealed class BackupCatalog
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private const string Columns =
        "id, created_at, commit_sha, path, size, sha256, verified, reason, update_id, verified_at";

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS backups (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            commit_sha TEXT,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            verified INTEGER NOT NULL,
            reason TEXT NOT NULL,
            update_id INTEGER NULL,
            deleted_at TEXT NULL,
            verified_at TEXT NULL
        )
        """;

    // Catalogs created by older versions lack this column.
    private const string AddVerifiedAt = "ALTER TABLE backups ADD COLUMN verified_at TEXT NULL";

    private readonly string _stateDbPath;
    private bool _schemaChecked;

    public BackupCatalog(string stateDbPath)
    {
        _stateDbPath = stateDbPath;
    }

    public BackupEntry Insert(BackupEntry entry)
    {
        var id = Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO backups
                    (created_at, commit_sha, path, size, sha256, verified, reason, update_id,
                     verified_at)
                VALUES ($created_at, $commit, $path, $size, $sha256, $verified, $reason, $update_id,
                        $verified_at)
                RETURNING id
                """;
            command.Parameters.AddWithValue("$created_at", FormatTime(entry.CreatedAt));
            command.Parameters.AddWithValue("$commit", (object?)entry.Commit ?? DBNull.Value);
            command.Parameters.AddWithValue("$path", entry.Path);
            command.Parameters.AddWithValue("$size", entry.Size);
            command.Parameters.AddWithValue("$sha256", entry.Sha256);
            command.Parameters.AddWithValue("$verified", entry.Verified);
            command.Parameters.AddWithValue("$reason", entry.Reason);
            command.Parameters.AddWithValue("$update_id", (object?)entry.UpdateId ?? DBNull.Value);
            command.Parameters.AddWithValue(
                "$verified_at",
                entry.VerifiedAt is { } verifiedAt ? FormatTime(verifiedAt) : DBNull.Value
            );
            return (long)command.ExecuteScalar()!;
        });
        return entry with { Id = id };
    }

    /// <summary>
    /// Returns the live (not deleted) backups, newest first. "Newest" is the highest id, not the
    /// latest time, because a Pi without a real-time clock can record times that go backwards.
    /// </summary>
    public IReadOnlyList<BackupEntry> List() =>
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT {Columns} FROM backups WHERE deleted_at IS NULL ORDER BY id DESC";
            return ReadEntries(command);
        });

    public BackupEntry? Get(long id) =>
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT {Columns} FROM backups WHERE id = $id AND deleted_at IS NULL";
            command.Parameters.AddWithValue("$id", id);
            return ReadEntries(command).SingleOrDefault();
        });

    public void SetVerified(long id, bool verified, DateTimeOffset checkedAt) =>
        Execute(
            "UPDATE backups SET verified = $value, verified_at = $checked_at WHERE id = $id",
            ("$id", id),
            ("$value", verified),
            ("$checked_at", FormatTime(checkedAt))
        );

    public void MarkDeleted(long id, DateTimeOffset deletedAt) =>
        Execute(
            "UPDATE backups SET deleted_at = $value WHERE id = $id",
            ("$id", id),
            ("$value", FormatTime(deletedAt))
        );

    private void Execute(string sql, params (string Name, object Value)[] parameters) =>
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return command.ExecuteNonQuery();
        });

    private T Run<T>(Func<SqliteConnection, T> action)
    {
        try
        {
            PrepareStateFile();
            using var connection = SqliteFiles.Open(_stateDbPath, SqliteOpenMode.ReadWriteCreate);
            EnsureSchema(connection);
            return action(connection);
        }
        catch (Exception e)
            when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new BackupException(
                $"Could not read or write the backup catalog in {_stateDbPath}: "
                    + $"{BackupException.Describe(e)}. "
                    + "Check that the file is writable and not locked by another program.",
                _stateDbPath,
                e
            );
        }
    }

    private void EnsureSchema(SqliteConnection connection)
    {
        if (_schemaChecked)
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = CreateTable;
            command.ExecuteNonQuery();
        }

        if (!HasColumn(connection, "verified_at"))
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = AddVerifiedAt;
                command.ExecuteNonQuery();
            }
            catch (SqliteException e)
                when (e.Message.Contains("duplicate column", StringComparison.Ordinal))
            {
                // Another process added it between the check and the ALTER.
            }
        }

        _schemaChecked = true;
    }

    private static bool HasColumn(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT COUNT(*) FROM pragma_table_info('backups') WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (long)command.ExecuteScalar()! > 0;
    }

    /// <summary>
    /// Creates the state directory (0700) and an empty state database (0600) when missing, so
    /// SQLite does not create them with the umask's wider modes.
    /// </summary>
    private void PrepareStateFile()
    {
        if (File.Exists(_stateDbPath))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(_stateDbPath))!;
        DurableFiles.CreatePrivateDirectory(directory);
        try
        {
            DurableFiles.CreateEmptyFile(_stateDbPath, DurableFiles.PrivateFileMode);
        }
        catch (IOException) when (File.Exists(_stateDbPath))
        {
            // Another component created it in the meantime.
        }
    }

    private static List<BackupEntry> ReadEntries(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var entries = new List<BackupEntry>();
        while (reader.Read())
        {
            entries.Add(
                new BackupEntry(
                    Id: reader.GetInt64(0),
                    CreatedAt: ParseTime(reader.GetString(1)),
                    Commit: reader.IsDBNull(2) ? null : reader.GetString(2),
                    Path: reader.GetString(3),
                    Size: reader.GetInt64(4),
                    Sha256: reader.GetString(5),
                    Verified: reader.GetInt64(6) != 0,
                    Reason: reader.GetString(7),
                    UpdateId: reader.IsDBNull(8) ? null : reader.GetInt64(8),
                    VerifiedAt: reader.IsDBNull(9) ? null : ParseTime(reader.GetString(9))
                )
            );
        }

        return entries;
    }

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
        );
}
