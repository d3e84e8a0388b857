using System.Globalization;
using Microsoft.Data.Sqlite;
using ShootyTui.Core.State;

namespace ShootyTui.Core.Updates;

/// <summary>
/// Stores update attempts and their step-by-step journal in <c>state.db</c>, written before and
/// after each step so that a run killed at any point can be recovered by the next one.
/// </summary>
public sealed partial class UpdateJournal(StateDatabase database)
{
    public long Begin(string trigger, string fromCommit, string toCommit, DateTimeOffset at)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO updates (trigger, started_at, from_commit, to_commit)
            VALUES ($trigger, $at, $from, $to) RETURNING id
            """;
        command.Parameters.AddWithValue("$trigger", trigger);
        command.Parameters.AddWithValue("$at", Iso(at));
        command.Parameters.AddWithValue("$from", fromCommit);
        command.Parameters.AddWithValue("$to", toCommit);
        return (long)command.ExecuteScalar()!;
    }

    public void Record(
        long updateId,
        UpdateStep step,
        string phase,
        DateTimeOffset at,
        TimeSpan? duration = null,
        string? detail = null
    )
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO journal (update_id, step, phase, at, duration_ms, detail)
            VALUES ($id, $step, $phase, $at, $duration, $detail)
            """;
        command.Parameters.AddWithValue("$id", updateId);
        command.Parameters.AddWithValue("$step", step.ToName());
        command.Parameters.AddWithValue("$phase", phase);
        command.Parameters.AddWithValue("$at", Iso(at));
        command.Parameters.AddWithValue(
            "$duration",
            duration is { } d ? (long)d.TotalMilliseconds : DBNull.Value
        );
        command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public void SetBackup(long updateId, long backupId) =>
        Update(updateId, "backup_id = $value", backupId);

    public void SetDependenciesChanged(long updateId) =>
        Update(updateId, "deps_changed = $value", 1);

    public void SetGatePassed(long updateId) => Update(updateId, "gate_passed = $value", 1);

    public void Finish(
        long updateId,
        UpdateOutcome outcome,
        DateTimeOffset at,
        string? failedStep,
        string? error,
        string? outputTail,
        TimeSpan? downtime,
        bool recovered = false
    )
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE updates SET outcome = $outcome, finished_at = $at, failed_step = $step,
                error = $error, output_tail = $tail, downtime_ms = $downtime,
                recovered = $recovered
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", updateId);
        command.Parameters.AddWithValue("$outcome", outcome.ToName());
        command.Parameters.AddWithValue("$at", Iso(at));
        command.Parameters.AddWithValue("$step", (object?)failedStep ?? DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("$tail", (object?)outputTail ?? DBNull.Value);
        command.Parameters.AddWithValue(
            "$downtime",
            downtime is { } d ? (long)d.TotalMilliseconds : DBNull.Value
        );
        command.Parameters.AddWithValue("$recovered", recovered ? 1 : 0);
        command.ExecuteNonQuery();
    }

    private void Update(long updateId, string assignment, object value)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE updates SET {assignment} WHERE id = $id";
        command.Parameters.AddWithValue("$id", updateId);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    internal static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseIso(string text) =>
        DateTimeOffset.Parse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
        );
}
