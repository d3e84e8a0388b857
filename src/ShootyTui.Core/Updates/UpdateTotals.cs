namespace ShootyTui.Core.Updates;

/// <summary>
/// Aggregates over finished updates: how often they succeed and how long the bot was down.
/// </summary>
public sealed record UpdateTotals(
    int Attempts,
    int Succeeded,
    int RolledBack,
    int RollbackFailed,
    int Refused,
    double SuccessRate,
    double? MeanDowntimeMs,
    long? WorstDowntimeMs
)
{
    public static UpdateTotals From(IEnumerable<UpdateRecord> records)
    {
        var finished = records.Where(record => record.Outcome is not null).ToList();
        // A refusal in preflight never touched the bot, so it is not an attempt.
        var attempted = finished
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
            Refused: finished.Count - attempted.Count,
            SuccessRate: attempted.Count == 0 ? 0 : (double)succeeded / attempted.Count,
            MeanDowntimeMs: downtimes.Count == 0 ? null : downtimes.Average(),
            WorstDowntimeMs: downtimes.Count == 0 ? null : downtimes.Max()
        );
    }
}
