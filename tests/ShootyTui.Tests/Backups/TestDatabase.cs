using Microsoft.Data.Sqlite;

namespace ShootyTui.Tests.Backups;

/// <summary>Creates and inspects the SQLite files the backup tests work on.</summary>
internal static class TestDatabase
{
    public const int PayloadBytes = 1024;

    /// <summary>
    /// Creates a database with an <c>items</c> table of random blobs and an index, the shape the
    /// Python writer inserts into. It is in WAL mode unless <paramref name="wal"/> is false.
    /// </summary>
    public static void Create(string path, int rows, bool wal = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = Open(path, SqliteOpenMode.ReadWriteCreate);
        Execute(connection, wal ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE");
        Execute(
            connection,
            "CREATE TABLE items (id INTEGER PRIMARY KEY, payload BLOB NOT NULL, note TEXT)"
        );
        Execute(connection, "CREATE INDEX items_note ON items (note)");
        Insert(connection, rows, "seed");
    }

    public static void Insert(string path, int rows, string note)
    {
        using var connection = Open(path, SqliteOpenMode.ReadWrite);
        Insert(connection, rows, note);
    }

    /// <summary>Returns the row count and the highest id of <c>items</c>.</summary>
    public static (long Count, long MaxId) CountRows(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), coalesce(max(id), 0) FROM items";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public static string IntegrityCheck(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using var reader = command.ExecuteReader();
        var messages = new List<string>();
        while (reader.Read())
        {
            messages.Add(reader.GetString(0));
        }

        return string.Join("; ", messages);
    }

    public static string JournalMode(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Returns header bytes 18 and 19: 1 for rollback-journal mode, 2 for WAL.</summary>
    public static (byte Write, byte Read) HeaderFormatVersions(string path)
    {
        var header = new byte[20];
        using var stream = File.OpenRead(path);
        stream.ReadExactly(header);
        return (header[18], header[19]);
    }

    /// <summary>
    /// Overwrites the root page of <c>items</c> with 0xFF bytes, damage that integrity_check
    /// reports but that a page-by-page copy carries over unnoticed.
    /// </summary>
    public static void CorruptItemsRootPage(string path)
    {
        long pageSize;
        long rootPage;
        using (var connection = Open(path, SqliteOpenMode.ReadOnly))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA page_size";
            pageSize = (long)command.ExecuteScalar()!;
            command.CommandText = "SELECT rootpage FROM sqlite_schema WHERE name = 'items'";
            rootPage = (long)command.ExecuteScalar()!;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.Position = (rootPage - 1) * pageSize;
        stream.Write(Enumerable.Repeat((byte)0xFF, (int)pageSize).ToArray());
    }

    /// <summary>Inverts one byte in the middle of a file.</summary>
    public static void FlipMiddleByte(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = stream.Length / 2;
        var value = stream.ReadByte();
        stream.Position = stream.Length / 2;
        stream.WriteByte((byte)~value);
    }

    private static void Insert(SqliteConnection connection, int rows, string note)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO items (payload, note) VALUES ($payload, $note)";
        var payload = command.Parameters.Add("$payload", SqliteType.Blob);
        command.Parameters.AddWithValue("$note", note);
        for (var i = 0; i < rows; i++)
        {
            var bytes = new byte[PayloadBytes];
            Random.Shared.NextBytes(bytes);
            payload.Value = bytes;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
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

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
