using Microsoft.Data.Sqlite;

namespace ShootyTui.Tests.Demo;

/// <summary>
/// Queries on the demo bot's database. Connections are not pooled, so none stays open.
/// </summary>
internal static class TestDatabase
{
    public static long Count(string path, string table) =>
        Convert.ToInt64(Scalar(path, $"SELECT count(*) FROM {table}"));

    /// <summary>
    /// Counts the rows of a table, or returns -1 while the database or the table does not exist
    /// yet, as when the bot has just created the file.
    /// </summary>
    public static long CountIfExists(string path, string table)
    {
        if (!File.Exists(path))
        {
            return -1;
        }

        var exists = Scalar(path, $"SELECT count(*) FROM sqlite_master WHERE name = '{table}'");
        return Convert.ToInt64(exists) == 0 ? -1 : Count(path, table);
    }

    public static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
