namespace ShootyTui.Core.Notifications;

public sealed partial class NotificationOutbox
{
    /// <summary>Returns the Discord id of the message posted for <paramref name="key"/>.</summary>
    public string? MessageId(string key)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id FROM notify_messages WHERE message_key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public void SetMessageId(string key, string messageId, DateTimeOffset at)
    {
        using var connection = _database.Open();
        Execute(
            connection,
            """
            INSERT OR REPLACE INTO notify_messages (message_key, message_id, posted_at)
            VALUES ($key, $id, $at)
            """,
            ("$key", key),
            ("$id", messageId),
            ("$at", at.ToUnixTimeMilliseconds())
        );
    }

    /// <summary>Forgets a message id, so that the next entry with the key posts anew.</summary>
    public void ForgetMessageId(string key)
    {
        using var connection = _database.Open();
        Execute(connection, "DELETE FROM notify_messages WHERE message_key = $key", ("$key", key));
    }
}
