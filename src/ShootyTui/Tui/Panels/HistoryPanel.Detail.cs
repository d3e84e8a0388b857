using ShootyTui.Cli;
using ShootyTui.Core.Metrics;
using ShootyTui.Core.Updates;

namespace ShootyTui.Tui.Panels;

internal sealed partial class HistoryPanel
{
    /// <summary>The journal steps and changelog of an update, once read.</summary>
    private sealed record UpdateDetail(IReadOnlyList<JournalEntry> Steps, string? Changelog);

    private readonly Dictionary<long, UpdateDetail?> _details = [];
    private readonly HashSet<long> _reading = [];

    /// <summary>
    /// Returns the totals, then the downtime chart, then the selected update's steps, error,
    /// output tail and changelog.
    /// </summary>
    public override IEnumerable<string> Detail(int row)
    {
        if (_metrics is not { } metrics)
        {
            return ["loading…"];
        }

        var lines = new List<string>();
        lines.AddRange(Totals(metrics));
        lines.Add("");
        lines.Add("Downtime per update");
        lines.AddRange(Chart(row));
        if (Record(row) is { } record)
        {
            lines.Add("");
            lines.AddRange(UpdateLines(record));
        }

        return lines;
    }

    private static IEnumerable<string> Totals(UpdateMetrics metrics)
    {
        var totals = metrics.Totals;
        var rate = Math.Round(totals.SuccessRate * 100);
        yield return $"{totals.Attempts} attempt(s), {rate:0}% succeeded: "
            + $"{totals.Succeeded} ✓, {totals.RolledBack} ↺ rolled back, "
            + $"{totals.RollbackFailed} ✗ rollback failed, {totals.Aborted} aborted";
        yield return $"downtime mean {Milliseconds(totals.MeanDowntimeMs)}, worst "
            + Milliseconds(totals.WorstDowntimeMs);
        yield return $"{metrics.Rollbacks} rollback(s), mean time to recover "
            + Milliseconds(metrics.MeanTimeToRecoverMs)
            + (totals.ManualRollbacks > 0 ? $"; {totals.ManualRollbacks} manual" : "");
        var unattended = metrics.LastUnattended;
        var run = unattended.LastRunAt is { } at ? Format.Local(at) : "never";
        var update = unattended.LastUpdateId is { } id
            ? $"; update #{id} "
                + (
                    unattended.LastUpdateOutcome is { } outcome
                        ? Outcome(UpdateOutcomeNames.Parse(outcome))
                        : Outcome(null)
                )
            : "";
        yield return $"last unattended run {run}{update}";
    }

    private IReadOnlyList<string> Chart(int row)
    {
        // The list is newest first; the chart wants oldest first.
        var downtimes = _records.Reverse().Select(record => record.DowntimeMs).ToList();
        int? marked = row >= 0 && row < _records.Count ? _records.Count - 1 - row : null;
        var height = Host.App.Screen.Height >= 40 ? 6 : 3;
        return DowntimeChart.Render(downtimes, Host.DetailWidth, height, marked);
    }

    private IEnumerable<string> UpdateLines(UpdateRecord record)
    {
        yield return $"#{record.Id} {Outcome(record.Outcome)}, started by {record.Trigger} "
            + $"{Format.Local(record.StartedAt)}";
        var took = record.Duration is { } duration ? Format.Duration(duration) : "-";
        yield return $"{Format.Short(record.FromCommit)} → {Format.Short(record.ToCommit)}, "
            + $"took {took}, downtime {Milliseconds(record.DowntimeMs)}";
        if (record.FailedStep is { } failed)
        {
            yield return $"failed at {failed}";
        }

        if (!_details.TryGetValue(record.Id, out var detail))
        {
            _ = LoadDetailAsync(record);
            yield return "reading steps…";
            yield break;
        }

        if (detail is null)
        {
            yield return "reading the steps failed; shooty's log has the error";
            yield break;
        }

        yield return "";
        yield return "Steps";
        foreach (var line in StepLines(detail.Steps, record.Error))
        {
            yield return line;
        }

        if (record.Error is { } error)
        {
            yield return "";
            yield return "Error";
            yield return error;
        }

        if (record.OutputTail is { Length: > 0 } tail)
        {
            yield return "";
            yield return "Output tail";
            foreach (var line in tail.Split('\n'))
            {
                yield return "  " + line.TrimEnd();
            }
        }

        yield return "";
        if (detail.Changelog is not { } changelog)
        {
            yield return record.Outcome == UpdateOutcome.Succeeded
                ? "changelog: not found"
                : "changelog: none, because only a successful update writes one";
            yield break;
        }

        // The window wraps at spaces only, so a long path is cut into pieces here.
        yield return "changelog:";
        var width = Math.Max(10, Host.DetailWidth - 2);
        for (var start = 0; start < changelog.Length; start += width)
        {
            yield return "  " + changelog[start..Math.Min(changelog.Length, start + width)];
        }
    }

    /// <summary>
    /// Returns one line per step in the order the steps ran: its last phase as a symbol (and a
    /// word unless it succeeded), its duration, and the journal detail of a step that did not
    /// succeed unless <paramref name="error"/>, the update's error, already contains it.
    /// </summary>
    internal static IEnumerable<string> StepLines(
        IReadOnlyList<JournalEntry> entries,
        string? error = null
    )
    {
        foreach (var steps in entries.GroupBy(entry => entry.Step))
        {
            var last = steps.Last();
            var duration = steps.LastOrDefault(entry => entry.DurationMs is not null)?.DurationMs;
            var (symbol, word) = last.Phase switch
            {
                "succeeded" => ("✓", ""),
                "failed" => ("✗", " failed"),
                "started" => ("…", " started, never finished"),
                _ => ("-", " " + last.Phase),
            };
            var took = duration is { } ms ? " " + Milliseconds(ms) : "";
            yield return $"  {symbol} {last.Step}{took}{word}";
            if (
                last.Phase != "succeeded"
                && last.Detail is { Length: > 0 } detail
                && error?.Contains(detail, StringComparison.Ordinal) != true
            )
            {
                yield return "      " + detail;
            }
        }
    }

    private async Task LoadDetailAsync(UpdateRecord record)
    {
        if (!_reading.Add(record.Id))
        {
            return;
        }

        var deployment = Host.Deployment;
        var detail = await Task.Run(() =>
        {
            try
            {
                return new UpdateDetail(
                    deployment.Journal.Steps(record.Id),
                    FindChangelog(deployment.Config.StateDirectory, record)
                );
            }
            catch (Exception e)
                when (e is Microsoft.Data.Sqlite.SqliteException or IOException or FormatException)
            {
                deployment.Log.Warning(
                    e,
                    "Reading the steps of update {UpdateId} failed",
                    record.Id
                );
                return null;
            }
        });
        _reading.Remove(record.Id);
        _details[record.Id] = detail;
        Host.Changed();
    }
}
