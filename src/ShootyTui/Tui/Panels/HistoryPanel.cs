using System.Globalization;
using ShootyTui.Cli;
using ShootyTui.Core.Metrics;
using ShootyTui.Core.Updates;

namespace ShootyTui.Tui.Panels;

/// <summary>
/// The History panel: one row per past update, newest first, with the totals, a downtime
/// chart and the selected update's steps in the detail pane.
/// </summary>
internal sealed partial class HistoryPanel(IPanelHost host) : Panel(host)
{
    /// <summary>How many of the newest updates the panel lists and charts.</summary>
    public const int MaxUpdates = 200;

    private IReadOnlyList<UpdateRecord> _records = [];
    private UpdateMetrics? _metrics;
    private IReadOnlyList<string> _rows = ["loading…"];

    public override char Number => '4';

    public override string Name => "History";

    public override string Title =>
        _records.Count > 0 ? $"[{Number}] History ({_records.Count})" : $"[{Number}] History";

    public override IReadOnlyList<string> Rows => _rows;

    public override string DetailTitle(int row) =>
        Record(row) is { } record ? $"Update #{record.Id}" : "Update history";

    public override async Task LoadAsync()
    {
        var deployment = Host.Deployment;
        var (records, metrics) = await Task.Run(() =>
            (
                deployment.Journal.List(MaxUpdates),
                UpdateMetrics.Read(deployment.State, deployment.Journal)
            )
        );
        // Steps of an update that had finished by the last load cannot change any more.
        var finished = _records
            .Where(record => record.Outcome is not null)
            .Select(record => record.Id);
        foreach (var id in _details.Keys.Except(finished).ToList())
        {
            _details.Remove(id);
        }

        _records = records;
        _metrics = metrics;
        _rows = records.Count == 0 ? ["no updates recorded yet"] : records.Select(Row).ToList();
    }

    private UpdateRecord? Record(int row) =>
        row >= 0 && row < _records.Count ? _records[row] : null;

    /// <summary>
    /// Returns the row of one update: local start time, outcome, trigger, commits, the step
    /// that failed, how long it took and how long the bot was down.
    /// </summary>
    internal static string Row(UpdateRecord record)
    {
        var started = record
            .StartedAt.ToLocalTime()
            .ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
        var failed = record.FailedStep is { } step ? $" at {step}" : "";
        var took = record.Duration is { } duration ? " " + Format.Duration(duration) : "";
        return $"{started} {Outcome(record.Outcome)} {record.Trigger} "
            + $"{Format.Short(record.FromCommit)}→{Format.Short(record.ToCommit)}{failed}{took}"
            + $" down {Milliseconds(record.DowntimeMs)}";
    }

    /// <summary>Returns the outcome as a symbol and a word, so it never relies on colour.</summary>
    internal static string Outcome(UpdateOutcome? outcome) =>
        outcome switch
        {
            UpdateOutcome.Succeeded => "✓ succeeded",
            UpdateOutcome.RolledBack => "↺ rolled back",
            UpdateOutcome.RollbackFailed => "✗ rollback failed",
            UpdateOutcome.Aborted => "- aborted",
            _ => "… unfinished",
        };

    private static string Milliseconds(double? ms) =>
        ms is { } value ? Format.Duration(TimeSpan.FromMilliseconds(value)) : "-";
}
