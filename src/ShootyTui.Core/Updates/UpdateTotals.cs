namespace ShootyTui.Core.Updates;

/// <summary>
/// Aggregates over finished updates: how often they succeed and how long the bot was down.
/// </summary>
/// <param name="ManualRollbacks">Runs of <c>shooty rollback</c>, which are planned work and
/// count in none of the other totals.</param>
public sealed record UpdateTotals(
    int Attempts,
    int Succeeded,
    int RolledBack,
    int RollbackFailed,
    int Refused,
    double SuccessRate,
    double? MeanDowntimeMs,
    long? WorstDowntimeMs,
    int ManualRollbacks
)
{
    /// <summary>
    /// Attempts that ended after preflight but before the new version ran, such as a failed
    /// preparation of the idle slot.
    /// </summary>
    public int Aborted => Attempts - Succeeded - RolledBack - RollbackFailed;

    public static UpdateTotals From(IEnumerable<UpdateRecord> records)
    {
        var finished = records.Where(record => record.Outcome is not null).ToList();
        var updates = finished.Where(record => record.Trigger != "rollback").ToList();
        // A refusal in preflight never touched the bot, so it is not an attempt.
        var attempted = updates
            .Where(record =>
                record.Outcome != UpdateOutcome.Aborted
                || record.FailedStep != UpdateStep.Preflight.ToName()
            )
            .ToList();
        var succeeded = attempted.Count(record => record.Outcome == UpdateOutcome.Succeeded);
        var downtimes = attempted
            .Where(record => record.DowntimeMs is not null)
            .Select(record => record.DowntimeMs!.Value)
            .ToList();
        return new UpdateTotals(
            Attempts: attempted.Count,
            Succeeded: succeeded,
            RolledBack: attempted.Count(record => record.Outcome == UpdateOutcome.RolledBack),
            RollbackFailed: attempted.Count(record =>
                record.Outcome == UpdateOutcome.RollbackFailed
            ),
            Refused: updates.Count - attempted.Count,
            SuccessRate: attempted.Count == 0 ? 0 : (double)succeeded / attempted.Count,
            MeanDowntimeMs: downtimes.Count == 0 ? null : downtimes.Average(),
            WorstDowntimeMs: downtimes.Count == 0 ? null : downtimes.Max(),
            ManualRollbacks: finished.Count - updates.Count
        );
    }
}
