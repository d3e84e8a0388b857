using ShootyTui.Core.State;

namespace ShootyTui.Core.Updates;

/// <summary>
/// Remembers tips whose update failed, so unattended runs skip them until a newer tip arrives.
/// </summary>
public sealed class FailedTips(StateDatabase database)
{
    public void Add(string commit, long updateId, DateTimeOffset at)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO failed_tips (commit_sha, update_id, failed_at)
            VALUES ($sha, $id, $at)
            """;
        command.Parameters.AddWithValue("$sha", commit);
        command.Parameters.AddWithValue("$id", updateId);
        command.Parameters.AddWithValue("$at", UpdateJournal.Iso(at));
        command.ExecuteNonQuery();
    }

    public bool Contains(string commit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM failed_tips WHERE commit_sha = $sha";
        command.Parameters.AddWithValue("$sha", commit);
        return (long)command.ExecuteScalar()! > 0;
    }
}
