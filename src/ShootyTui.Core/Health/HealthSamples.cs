using ShootyTui.Core.State;

namespace ShootyTui.Core.Health;

/// <summary>
/// Keeps a bounded history of health checks in <c>state.db</c>: the newest
/// <see cref="MaxPerCheck"/> samples of each check.
/// </summary>
public sealed class HealthSamples
{
    public const int MaxPerCheck = 500;

    private readonly StateDatabase _database;

    public HealthSamples(StateDatabase database)
    {
        _database = database;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS health_samples (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                name TEXT NOT NULL,
                status TEXT NOT NULL,
                value REAL,
                detail TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS health_samples_name ON health_samples(name, id);
            """;
        command.ExecuteNonQuery();
    }

    public void Record(HealthReport report)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var check in report.Checks)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO health_samples (at, name, status, value, detail)
                VALUES ($at, $name, $status, $value, $detail);
                DELETE FROM health_samples WHERE name = $name AND id <= (
                    SELECT id FROM health_samples WHERE name = $name
                    ORDER BY id DESC LIMIT 1 OFFSET $keep);
                """;
            insert.Parameters.AddWithValue("$at", Updates.UpdateJournal.Iso(report.At));
            insert.Parameters.AddWithValue("$name", check.Name);
            insert.Parameters.AddWithValue("$status", check.Status.ToString().ToLowerInvariant());
            insert.Parameters.AddWithValue("$value", (object?)check.Value ?? DBNull.Value);
            insert.Parameters.AddWithValue("$detail", check.Detail);
            insert.Parameters.AddWithValue("$keep", MaxPerCheck);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Returns the newest samples of one check, oldest first.</summary>
    public IReadOnlyList<(DateTimeOffset At, CheckStatus Status, double? Value)> Recent(
        string name,
        int count
    )
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT at, status, value FROM (
                SELECT id, at, status, value FROM health_samples WHERE name = $name
                ORDER BY id DESC LIMIT $count) ORDER BY id
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$count", count);
        using var reader = command.ExecuteReader();
        var samples = new List<(DateTimeOffset, CheckStatus, double?)>();
        while (reader.Read())
        {
            samples.Add(
                (
                    Updates.UpdateJournal.ParseIso(reader.GetString(0)),
                    Enum.Parse<CheckStatus>(reader.GetString(1), ignoreCase: true),
                    reader.IsDBNull(2) ? null : reader.GetDouble(2)
                )
            );
        }

        return samples;
    }
}
