using System.Globalization;
using ShootyTui.Core.State;

namespace ShootyTui.Web;

/// <summary>
/// The <c>X-GitHub-Delivery</c> ids already handled, kept in <c>state.db</c> so that a
/// redelivery (by hand from GitHub's settings, or a retry) is acknowledged and not acted on
/// twice, even across restarts of the listener.
/// </summary>
public sealed class DeliveryStore
{
    /// <summary>How long an id is remembered; older ids are deleted as new ones arrive.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private const string TableSql = """
        CREATE TABLE IF NOT EXISTS webhook_deliveries (
            id TEXT PRIMARY KEY,
            event TEXT NOT NULL,
            received_at TEXT NOT NULL
        );
        """;

    private readonly StateDatabase _database;

    public DeliveryStore(StateDatabase database)
    {
        _database = database;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = TableSql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Records a delivery id; returns false when it was recorded before. Concurrent calls with
    /// the same id return true for exactly one of them.
    /// </summary>
    public bool TryRecord(string deliveryId, string eventName, DateTimeOffset at)
    {
        using var connection = _database.Open();
        using var prune = connection.CreateCommand();
        prune.CommandText = "DELETE FROM webhook_deliveries WHERE received_at < $cutoff";
        prune.Parameters.AddWithValue("$cutoff", Iso(at - Retention));
        prune.ExecuteNonQuery();

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT OR IGNORE INTO webhook_deliveries (id, event, received_at)
            VALUES ($id, $event, $at)
            """;
        insert.Parameters.AddWithValue("$id", deliveryId);
        insert.Parameters.AddWithValue("$event", eventName);
        insert.Parameters.AddWithValue("$at", Iso(at));
        return insert.ExecuteNonQuery() == 1;
    }

    // The round-trip format has a fixed width in UTC, so text order is time order.
    private static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
