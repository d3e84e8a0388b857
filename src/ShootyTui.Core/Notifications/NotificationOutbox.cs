using System.Text.Json;
using Microsoft.Data.Sqlite;
using ShootyTui.Core.State;

namespace ShootyTui.Core.Notifications;

/// <summary>
/// Notifications waiting to be sent, and the Discord message ids of keyed messages, kept in
/// <c>state.db</c> so that a message survives an outage or a crash and is sent by a later run.
/// <see cref="Enqueue"/> only writes to SQLite, so an update does not wait on the network.
/// </summary>
public sealed partial class NotificationOutbox
{
    private const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS notify_outbox (
            id INTEGER PRIMARY KEY,
            message_key TEXT,
            payload TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            claimed_until INTEGER,
            last_error TEXT
        );
        CREATE INDEX IF NOT EXISTS notify_outbox_key ON notify_outbox(message_key);
        CREATE TABLE IF NOT EXISTS notify_messages (
            message_key TEXT PRIMARY KEY,
            message_id TEXT NOT NULL,
            posted_at INTEGER NOT NULL
        );
        """;

    private readonly StateDatabase _database;

    public NotificationOutbox(StateDatabase database)
    {
        _database = database;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = SchemaSql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Queues a message. A queued entry with the same key that was not sent yet is replaced,
    /// because the newer one shows the later state of the same message.
    /// </summary>
    public long Enqueue(string? key, WebhookMessage message, DateTimeOffset now)
    {
        var payload = JsonSerializer.Serialize(message, DiscordJsonContext.Default.WebhookMessage);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        if (key is not null)
        {
            Execute(
                connection,
                "DELETE FROM notify_outbox WHERE message_key = $key",
                ("$key", key)
            );
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO notify_outbox (message_key, payload, created_at, next_attempt_at)
            VALUES ($key, $payload, $now, $now);
            SELECT last_insert_rowid();
            """;
        insert.Parameters.AddWithValue("$key", (object?)key ?? DBNull.Value);
        insert.Parameters.AddWithValue("$payload", payload);
        insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        var id = (long)insert.ExecuteScalar()!;
        transaction.Commit();
        return id;
    }

    /// <summary>Returns queued entries, oldest first.</summary>
    /// <param name="now">Entries whose retry time is later are left out, unless
    /// <paramref name="ignoreBackoff"/> is true.</param>
    public IReadOnlyList<OutboxEntry> Due(DateTimeOffset now, bool ignoreBackoff)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, message_key, payload, created_at, attempts, next_attempt_at
            FROM notify_outbox WHERE $all OR next_attempt_at <= $now ORDER BY id
            """;
        command.Parameters.AddWithValue("$all", ignoreBackoff);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        using var reader = command.ExecuteReader();
        var entries = new List<OutboxEntry>();
        while (reader.Read())
        {
            entries.Add(
                new OutboxEntry(
                    reader.GetInt64(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.GetString(2),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    reader.GetInt32(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))
                )
            );
        }

        return entries;
    }

    /// <summary>Returns every queued entry, oldest first.</summary>
    public IReadOnlyList<OutboxEntry> All() => Due(DateTimeOffset.MaxValue, ignoreBackoff: true);

    /// <summary>Returns the earliest retry time among queued entries, or null when empty.</summary>
    public DateTimeOffset? NextAttemptAt()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(next_attempt_at) FROM notify_outbox";
        return command.ExecuteScalar() is long ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
    }

    /// <summary>
    /// Claims an entry for <paramref name="lease"/>, so that another shooty process delivering
    /// the same outbox skips it; false when it is gone or claimed elsewhere.
    /// </summary>
    public bool TryClaim(long id, DateTimeOffset now, TimeSpan lease)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE notify_outbox SET claimed_until = $until
            WHERE id = $id AND (claimed_until IS NULL OR claimed_until < $now)
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery() == 1;
    }

    public void Remove(long id)
    {
        using var connection = _database.Open();
        Execute(connection, "DELETE FROM notify_outbox WHERE id = $id", ("$id", id));
    }

    /// <summary>Records a failed delivery and when to try again; releases the claim.</summary>
    public void Reschedule(long id, int attempts, DateTimeOffset next, string error)
    {
        using var connection = _database.Open();
        Execute(
            connection,
            """
            UPDATE notify_outbox SET attempts = $attempts, next_attempt_at = $next,
                claimed_until = NULL, last_error = $error
            WHERE id = $id
            """,
            ("$id", id),
            ("$attempts", attempts),
            ("$next", next.ToUnixTimeMilliseconds()),
            ("$error", error)
        );
    }

    private static void Execute(
        SqliteConnection connection,
        string sql,
        params (string Name, object Value)[] parameters
    )
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
