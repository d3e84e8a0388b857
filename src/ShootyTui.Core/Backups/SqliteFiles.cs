using System.Text;
using Microsoft.Data.Sqlite;

namespace ShootyTui.Core.Backups;

/// <summary>Connections and checks on SQLite files that this folder opens directly.</summary>
internal static class SqliteFiles
{
    private const int HeaderLength = 100;

    // Bytes 18 and 19 of the header are the write and read format versions: 2 means WAL.
    private const int WriteVersionOffset = 18;
    private const int ReadVersionOffset = 19;
    private const byte WalFormat = 2;

    private static readonly string[] SidecarSuffixes = ["-wal", "-shm", "-journal"];

    private static readonly byte[] HeaderMagic = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>
    /// Opens an unpooled connection, because a pooled one keeps the file open after
    /// <c>Dispose</c> and would pin a file that is about to be renamed or deleted.
    /// </summary>
    public static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }

    public static string? ExecuteScalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    /// <summary>
    /// Runs <c>PRAGMA integrity_check</c> and returns its messages. The single message "ok"
    /// means the file is sound. Damage bad enough to stop the check itself (SQLITE_CORRUPT,
    /// SQLITE_NOTADB) is returned as a message too.
    /// </summary>
    public static IReadOnlyList<string> CheckIntegrity(SqliteConnection connection)
    {
        const int corrupt = 11;
        const int notADatabase = 26;
        var messages = new List<string>();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                messages.Add(reader.GetString(0));
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode is corrupt or notADatabase)
        {
            messages.Add(e.Message);
        }

        return messages;
    }

    public static bool IsOk(IReadOnlyList<string> integrityMessages) => integrityMessages is ["ok"];

    /// <summary>Joins the first few integrity messages for an error text.</summary>
    public static string Summarize(IReadOnlyList<string> integrityMessages)
    {
        const int maxShown = 3;
        var text = string.Join("; ", integrityMessages.Take(maxShown));
        var hidden = integrityMessages.Count - maxShown;
        return hidden > 0 ? $"{text}; and {hidden} more" : text;
    }

    /// <summary>
    /// Reads the file header and returns whether the database is in WAL mode. Missing,
    /// short or non-SQLite files return false.
    /// </summary>
    public static bool HasWalHeader(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var header = new byte[HeaderLength];
        using (
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)
        )
        {
            if (stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength)
            {
                return false;
            }
        }

        return header.AsSpan(0, HeaderMagic.Length).SequenceEqual(HeaderMagic)
            && header[WriteVersionOffset] == WalFormat
            && header[ReadVersionOffset] == WalFormat;
    }

    /// <summary>
    /// The files SQLite keeps beside a database: WAL, shared memory and rollback journal.
    /// </summary>
    public static IEnumerable<string> SidecarPaths(string databasePath) =>
        SidecarSuffixes.Select(suffix => databasePath + suffix);
}
