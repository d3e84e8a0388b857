using Microsoft.Data.Sqlite;
using ShootyTui.Core.State;
using ShootyTui.Core.Updates;

namespace ShootyTui.Core.Flags;

/// <summary>Every flag change with who made it, when, and the old and new value, in state.db.</summary>
public sealed class FlagAudit
{
    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS flag_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            actor TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            old_value INTEGER NULL,
            new_value INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS flag_audit_name ON flag_audit (name, id);
        """;

    private readonly StateDatabase _database;

    public FlagAudit(StateDatabase database)
    {
        _database = database;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = CreateSql;
        command.ExecuteNonQuery();
    }

    public void Record(
        string name,
        FlagActor actor,
        DateTimeOffset at,
        bool? oldValue,
        bool? newValue
    )
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO flag_audit (name, actor, changed_at, old_value, new_value)
            VALUES ($name, $actor, $at, $old, $new)
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$actor", actor.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue("$at", UpdateJournal.Iso(at));
        command.Parameters.AddWithValue("$old", (object?)oldValue ?? DBNull.Value);
        command.Parameters.AddWithValue("$new", (object?)newValue ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    /// <summary>Returns the newest changes first, of one flag or of all when name is null.</summary>
    public IReadOnlyList<FlagAuditEntry> Recent(string? name, int limit)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, name, actor, changed_at, old_value, new_value FROM flag_audit
            WHERE $name IS NULL OR name = $name ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var entries = new List<FlagAuditEntry>();
        while (reader.Read())
        {
            entries.Add(
                new FlagAuditEntry(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    Enum.Parse<FlagActor>(reader.GetString(2), ignoreCase: true),
                    UpdateJournal.ParseIso(reader.GetString(3)),
                    ReadBool(reader, 4),
                    ReadBool(reader, 5)
                )
            );
        }

        return entries;
    }

    /// <summary>Returns the time of each flag's last audited change.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastChanges()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, MAX(changed_at) FROM flag_audit GROUP BY name";
        using var reader = command.ExecuteReader();
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (reader.Read())
        {
            times[reader.GetString(0)] = UpdateJournal.ParseIso(reader.GetString(1));
        }

        return times;
    }

    private static bool? ReadBool(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal) != 0;
}
