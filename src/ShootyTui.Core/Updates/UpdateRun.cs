using System.Diagnostics;

namespace ShootyTui.Core.Updates;

/// <summary>
/// Mutable state of one update while it runs: what has been changed so far decides what a
/// rollback must undo.
/// </summary>
internal sealed class UpdateRun(
    long id,
    string from,
    string to,
    IProgress<UpdateProgress>? progress
)
{
    public long Id { get; } = id;

    public string From { get; } = from;

    public string To { get; } = to;

    public IProgress<UpdateProgress>? Progress { get; } = progress;

    public Stopwatch Elapsed { get; } = Stopwatch.StartNew();

    /// <summary>Time since the bot was asked to stop; null until the stop step starts.</summary>
    public Stopwatch? Downtime { get; set; }

    /// <summary>
    /// Downtime up to the first healthy check of the version that came up; null until a gate
    /// passes.
    /// </summary>
    public TimeSpan? MeasuredDowntime { get; private set; }

    public long? BackupId { get; set; }

    /// <summary>Ends the downtime at the first healthy check of a gate that has just passed.</summary>
    public void EndDowntime(Health.GateResult gate)
    {
        if (Downtime is { } clock && gate.HealthyAfter is { } healthyAfter)
        {
            // Negative when the old version was stopped after the new one was already healthy.
            var downtime = clock.Elapsed - (gate.Elapsed - healthyAfter);
            MeasuredDowntime = downtime < TimeSpan.Zero ? TimeSpan.Zero : downtime;
        }
    }

    /// <summary>
    /// Records zero downtime when the old version served until the new one had passed its gate.
    /// </summary>
    public void RecordNoDowntime()
    {
        if (Downtime is null)
        {
            MeasuredDowntime = TimeSpan.Zero;
        }
    }

    public TimeSpan? DowntimeSoFar => MeasuredDowntime ?? Downtime?.Elapsed;

    public bool CodeChanged { get; set; }

    public bool DependenciesChanged { get; set; }

    /// <summary>The live slot before a blue-green update; null for an in-place update.</summary>
    public Slots.SlotColor? FromSlot { get; init; }

    /// <summary>The slot a blue-green update prepares and switches to.</summary>
    public Slots.SlotColor? ToSlot { get; init; }

    /// <summary>True for <c>shooty rollback</c>, which runs the same steps as an update.</summary>
    public bool IsRollback { get; init; }

    /// <summary>True when this run finishes an update that an earlier process left unfinished.</summary>
    public bool Recovered { get; init; }

    public void Report(UpdateStep step, string phase, string message) =>
        Progress?.Report(new UpdateProgress(step, phase, message, Elapsed.Elapsed));
}
