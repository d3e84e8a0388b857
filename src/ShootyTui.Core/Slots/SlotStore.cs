using Microsoft.Data.Sqlite;
using ShootyTui.Core.State;

namespace ShootyTui.Core.Slots;

/// <summary>
/// The slot records in <c>state.db</c>: which slot is live, the commit each slot's dependencies
/// were last installed for, and which slots each blue-green update switches between.
/// </summary>
public sealed class SlotStore
{
    private const string Sql = """
        CREATE TABLE IF NOT EXISTS slots (
            name TEXT PRIMARY KEY,
            live INTEGER NOT NULL DEFAULT 0,
            installed_commit TEXT
        );
        CREATE TABLE IF NOT EXISTS slot_switches (
            update_id INTEGER PRIMARY KEY,
            from_slot TEXT NOT NULL,
            to_slot TEXT NOT NULL
        );
        """;

    private readonly StateDatabase _database;

    public SlotStore(StateDatabase database)
    {
        _database = database;
        using var connection = database.Open();
        StateDatabase.Execute(connection, Sql);
    }

    /// <summary>Returns the live slot, or null when the deployment was never converted.</summary>
    public SlotColor? Live()
    {
        var name = Scalar("SELECT name FROM slots WHERE live = 1");
        return name is null ? null : SlotColorNames.Parse(name);
    }

    /// <summary>Records both slots with <paramref name="live"/> live (conversion).</summary>
    public void Initialize(SlotColor live, string? liveInstalledCommit)
    {
        Clear();
        foreach (var slot in Enum.GetValues<SlotColor>())
        {
            Execute(
                "INSERT INTO slots (name, live, installed_commit) VALUES ($name, $live, $commit)",
                ("$name", slot.ToName()),
                ("$live", slot == live ? 1 : 0),
                ("$commit", slot == live ? liveInstalledCommit : null)
            );
        }
    }

    public void SetLive(SlotColor slot) =>
        Execute(
            "UPDATE slots SET live = CASE WHEN name = $name THEN 1 ELSE 0 END",
            ("$name", slot.ToName())
        );

    /// <summary>
    /// Returns the commit the slot's dependencies were installed for; null when unknown.
    /// </summary>
    public string? InstalledCommit(SlotColor slot) =>
        Scalar("SELECT installed_commit FROM slots WHERE name = $name", ("$name", slot.ToName()));

    public void SetInstalledCommit(SlotColor slot, string? commit) =>
        Execute(
            "UPDATE slots SET installed_commit = $commit WHERE name = $name",
            ("$name", slot.ToName()),
            ("$commit", commit)
        );

    /// <summary>Forgets both slots (conversion back to in-place).</summary>
    public void Clear() => Execute("DELETE FROM slots");

    public void RecordSwitch(long updateId, SlotColor from, SlotColor to) =>
        Execute(
            "INSERT OR REPLACE INTO slot_switches (update_id, from_slot, to_slot) "
                + "VALUES ($id, $from, $to)",
            ("$id", updateId),
            ("$from", from.ToName()),
            ("$to", to.ToName())
        );

    /// <summary>
    /// Returns the slots that update <paramref name="updateId"/> switches between, or null for
    /// an in-place update.
    /// </summary>
    public (SlotColor From, SlotColor To)? FindSwitch(long updateId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT from_slot, to_slot FROM slot_switches WHERE update_id = $id";
        command.Parameters.AddWithValue("$id", updateId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return (
            SlotColorNames.Parse(reader.GetString(0)),
            SlotColorNames.Parse(reader.GetString(1))
        );
    }

    private string? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = _database.Open();
        using var command = Prepare(connection, sql, parameters);
        return command.ExecuteScalar() as string;
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = _database.Open();
        using var command = Prepare(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(
        SqliteConnection connection,
        string sql,
        (string Name, object? Value)[] parameters
    )
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
