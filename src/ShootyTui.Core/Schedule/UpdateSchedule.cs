using ShootyTui.Core.State;
using ShootyTui.Core.Updates;

namespace ShootyTui.Core.Schedule;

/// <summary>A tip recorded to be applied by the next unattended run inside a window.</summary>
public sealed record ScheduledUpdate(string Tip, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>
/// The scheduled update in <c>state.db</c>: at most one tip waits for the next maintenance
/// window, and recording a new one replaces the old.
/// </summary>
public sealed class UpdateSchedule
{
    private const string TableSql = """
        CREATE TABLE IF NOT EXISTS schedule (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            tip TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            requested_at TEXT NOT NULL
        );
        """;

    private readonly StateDatabase _database;

    public UpdateSchedule(StateDatabase database)
    {
        _database = database;
        using var connection = database.Open();
        StateDatabase.Execute(connection, TableSql);
    }

    /// <summary>Records <paramref name="tip"/> for the next window, replacing any earlier one.</summary>
    public void Set(string tip, string requestedBy, DateTimeOffset at)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO schedule (id, tip, requested_by, requested_at)
            VALUES (1, $tip, $by, $at)
            """;
        command.Parameters.AddWithValue("$tip", tip);
        command.Parameters.AddWithValue("$by", requestedBy);
        command.Parameters.AddWithValue("$at", UpdateJournal.Iso(at));
        command.ExecuteNonQuery();
    }

    public ScheduledUpdate? Get()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tip, requested_by, requested_at FROM schedule WHERE id = 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new ScheduledUpdate(
            reader.GetString(0),
            reader.GetString(1),
            UpdateJournal.ParseIso(reader.GetString(2))
        );
    }

    /// <summary>Removes the scheduled update; returns false when none was recorded.</summary>
    public bool Cancel()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM schedule WHERE id = 1";
        return command.ExecuteNonQuery() > 0;
    }
}
