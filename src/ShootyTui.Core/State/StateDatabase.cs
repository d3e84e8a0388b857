using Microsoft.Data.Sqlite;

namespace ShootyTui.Core.State;

/// <summary>
/// Opens connections to <c>state.db</c>, the journal, history and catalogue of one deployment.
/// </summary>
/// <remarks>
/// Pooling is off so no file handle outlives a connection, and every write is synchronous:
/// the journal must survive a power cut between two steps of an update.
/// </remarks>
public sealed class StateDatabase
{
    public StateDatabase(string path)
    {
        Path = path;
        StateFiles.EnsurePrivateDirectory(System.IO.Path.GetDirectoryName(path)!);
        StateFiles.EnsurePrivateFile(path);
        using var connection = Open();
        Execute(connection, Schema.Sql);
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Execute(
            connection,
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;"
        );
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
