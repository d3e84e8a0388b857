using ShootyTui.Core.State;

namespace ShootyTui.Core.Updates;

/// <summary>
/// Counts watchdog restarts so unattended runs stop restarting a bot that keeps failing.
/// </summary>
public sealed class RestartLog(StateDatabase database)
{
    public void Add(DateTimeOffset at, string reason)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO restarts (at, reason) VALUES ($at, $reason)";
        command.Parameters.AddWithValue("$at", UpdateJournal.Iso(at));
        command.Parameters.AddWithValue("$reason", reason);
        command.ExecuteNonQuery();
    }

    public int CountSince(DateTimeOffset since)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM restarts WHERE at >= $since";
        command.Parameters.AddWithValue("$since", UpdateJournal.Iso(since));
        return (int)(long)command.ExecuteScalar()!;
    }
}
