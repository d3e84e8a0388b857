using ShootyTui.Core.State;
using ShootyTui.Core.Updates;

namespace ShootyTui.Core.Metrics;

/// <summary>
/// How reliable updates are: the totals of the history, the time rollbacks take to bring the
/// bot back, how long each pipeline step takes, and the last unattended run.
/// </summary>
/// <param name="Rollbacks">Updates that had to roll back, whether or not the rollback
/// worked.</param>
/// <param name="MeanTimeToRecoverMs">Mean duration of the successful rollbacks of failed
/// updates: from the failed step to the old version passing the health gate.</param>
/// <param name="Steps">Per-step durations of successful steps, in pipeline order.</param>
public sealed record UpdateMetrics(
    UpdateTotals Totals,
    int Rollbacks,
    double? MeanTimeToRecoverMs,
    IReadOnlyList<StepDuration> Steps,
    UnattendedRun LastUnattended
)
{
    /// <summary>Reads the metrics from the journal and settings in <c>state.db</c>.</summary>
    public static UpdateMetrics Read(StateDatabase database, UpdateJournal journal)
    {
        var records = journal.List(int.MaxValue);
        var totals = UpdateTotals.From(records);
        var unattended = records.FirstOrDefault(record =>
            record.Trigger is "auto" or "webhook"
            && record.FailedStep != UpdateStep.Preflight.ToName()
        );
        var lastRun = new Settings(database).Get(AutoRun.LastRunKey);
        return new UpdateMetrics(
            totals,
            totals.RolledBack + totals.RollbackFailed,
            MeanRecovery(database),
            ReadSteps(database),
            new UnattendedRun(
                lastRun is null ? null : UpdateJournal.ParseIso(lastRun),
                unattended?.Id,
                unattended?.StartedAt,
                unattended?.Outcome?.ToName()
            )
        );
    }

    private static double? MeanRecovery(StateDatabase database)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        // Manual rollbacks (trigger "rollback") are planned work, not recoveries.
        command.CommandText = """
            SELECT AVG(j.duration_ms) FROM journal j JOIN updates u ON u.id = j.update_id
            WHERE j.step = 'rollback' AND j.phase = 'succeeded' AND j.duration_ms IS NOT NULL
              AND u.trigger <> 'rollback'
            """;
        return command.ExecuteScalar() is double mean ? mean : null;
    }

    private static List<StepDuration> ReadSteps(StateDatabase database)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        // Like the totals, the step durations leave `shooty rollback` runs out.
        command.CommandText = """
            SELECT j.step, COUNT(*), AVG(j.duration_ms), MAX(j.duration_ms)
            FROM journal j JOIN updates u ON u.id = j.update_id
            WHERE j.phase = 'succeeded' AND j.duration_ms IS NOT NULL AND u.trigger <> 'rollback'
            GROUP BY j.step
            """;
        using var reader = command.ExecuteReader();
        var steps = new List<StepDuration>();
        while (reader.Read())
        {
            steps.Add(
                new StepDuration(
                    reader.GetString(0),
                    reader.GetInt32(1),
                    reader.GetDouble(2),
                    reader.GetInt64(3)
                )
            );
        }

        return steps.OrderBy(step => Order(step.Step)).ToList();
    }

    private static int Order(string step)
    {
        try
        {
            return (int)UpdateStepNames.Parse(step);
        }
        catch (FormatException)
        {
            return int.MaxValue;
        }
    }
}
