using System.Globalization;
using ShootyTui.Cli;
using ShootyTui.Core.Health;
using ShootyTui.Core.Schedule;
using ShootyTui.Core.Slots;
using ShootyTui.Core.Updates;

namespace ShootyTui.Tui.Panels;

/// <summary>
/// Panel 1: bot state, commit, health, next window, pending updates, last update and last
/// unattended run. Its detail pane lists every check with a small history of its samples.
/// </summary>
internal sealed class OverviewPanel(IPanelHost host, PanelData data) : Panel(host)
{
    /// <summary>How many samples the history of a check shows.</summary>
    public const int HistoryLength = 24;

    private readonly List<string> _rows = [];

    public override char Number => '1';

    public override string Name => "Overview";

    public override IReadOnlyList<string> Rows => _rows;

    public override Task LoadAsync()
    {
        Render();
        return Task.CompletedTask;
    }

    /// <summary>Rebuilds the rows from the data the window loaded.</summary>
    public void Render()
    {
        _rows.Clear();
        if (data.Status is not { } status)
        {
            _rows.Add("loading…");
            return;
        }

        var deployment = Host.Deployment;
        var now = deployment.Time.GetUtcNow();
        var uptime = status.Uptime(now) is { } up ? $", up {Format.Duration(up)}" : "";
        _rows.Add(status.Bot.Running ? $"● running, pid {status.Bot.Pid}{uptime}" : "○ stopped");
        if (data.Slots.Count > 0)
        {
            _rows.AddRange(SlotLines());
        }
        else
        {
            _rows.Add($"commit {Format.Short(status.Commit)} {status.Branch}");
        }

        // One line for all checks, naming the ones that need a look; the detail pane has all.
        var checks = status.Health.Checks;
        var problems = string.Join(
            ", ",
            checks.Where(check => check.Status != CheckStatus.Pass).Select(check => check.Name)
        );
        _rows.Add(
            status.ForeignBot is not null ? "✗ a bot shooty did not start"
            : status.SlotMismatch is not null ? "✗ bot outside live slot"
            : problems.Length == 0 ? $"✓ healthy ({checks.Count} checks)"
            : status.Healthy ? $"! healthy; look at {problems}"
            : $"✗ unhealthy: {problems}"
        );
        var maintenance = deployment.Config.Maintenance;
        _rows.Add(
            MaintenanceWindows.IsOpen(maintenance, now, out _) ? "window: open now"
            : MaintenanceWindows.NextOpening(maintenance, now) is { } next
                ? $"next window {next.ToLocalTime():MM-dd HH:mm}"
            : "no window in two weeks"
        );
        var pending = data.Check?.Pending.Count ?? 0;
        var scheduled = new UpdateSchedule(deployment.State).Get();
        _rows.Add(
            data.LastFetch is null ? "? not fetched yet"
            : pending == 0 ? $"✓ up to date ({data.LastFetch:HH:mm})"
            : scheduled is not null && scheduled.Tip == data.Check?.Tip
                ? $"◷ {pending} pending, scheduled"
            : $"! {pending} update(s) pending"
        );
        _rows.Add(
            status.LastUpdate is not { } last ? "no update yet"
            : status.Interrupted ? $"✗ update #{last.Id} interrupted"
            : LastUpdate(last, now)
        );
        _rows.Add(
            deployment.Settings.Get(AutoRun.LastRunKey) is { } text
                ? $"last --auto {Format.Duration(now - DateTimeOffset.Parse(text, CultureInfo.InvariantCulture))} ago"
                : "--auto has not run yet"
        );
    }

    /// <summary>
    /// One line a slot, blue first, each with its commit: "● live green 1a2b3c4". An old slot
    /// that still serves beside the live one during an overlap shows "◐ old".
    /// </summary>
    private IEnumerable<string> SlotLines() =>
        data
            .Slots.OrderBy(slot => slot.Name, StringComparer.Ordinal)
            .Select(slot => $"{SlotMark(slot)} {slot.Name, -5} {Format.Short(slot.Commit)}");

    private string SlotMark(SlotInfo slot) =>
        slot.Live ? "● live"
        : data.Status?.Outgoing is not null ? "◐ old "
        : "○ idle";

    /// <summary>A line short enough for the side column, with a symbol and a word.</summary>
    private static string LastUpdate(UpdateRecord last, DateTimeOffset now)
    {
        var local = last.StartedAt.ToLocalTime();
        var when = local.Date == now.ToLocalTime().Date ? $"{local:HH:mm}" : $"{local:MM-dd}";
        return last.Outcome switch
        {
            UpdateOutcome.Succeeded => $"✓ updated {when} ok",
            UpdateOutcome.RolledBack => $"↺ update {when} rolled back",
            UpdateOutcome.RollbackFailed => $"✗ update {when} rollback failed",
            UpdateOutcome.Aborted => $"- update {when} aborted",
            _ => $"… update {when} running",
        };
    }

    public override string DetailTitle(int row) => "Health";

    public override IEnumerable<string> Detail(int row)
    {
        if (data.Status is not { } status)
        {
            yield return "loading…";
            yield break;
        }

        if (status.ForeignBot is { } foreign)
        {
            yield return $"{Format.Status(CheckStatus.Fail)}  bot";
            yield return $"    {foreign}";
        }

        if (status.SlotMismatch is { } mismatch)
        {
            yield return $"{Format.Status(CheckStatus.Fail)}  slot";
            yield return $"    {mismatch}";
        }

        if (status.Interrupted && status.LastUpdate is { } interrupted)
        {
            yield return $"{Format.Status(CheckStatus.Fail)}  update #{interrupted.Id}";
            yield return "    interrupted: the next command that changes the deployment "
                + "recovers it";
        }

        foreach (var check in status.Health.Checks)
        {
            yield return $"{Format.Status(check.Status)}  {check.Name}";
            yield return $"    {check.Detail}";
            var samples = Host.Deployment.Samples.Recent(check.Name, HistoryLength);
            if (samples.Count > 1)
            {
                yield return "    " + SampleHistory.Draw(samples);
            }
        }

        yield return "";
        if (data.Slots.Count > 0)
        {
            yield return "Slots (blue-green)";
            foreach (var slot in data.Slots)
            {
                var state =
                    slot.Live ? "● live"
                    : slot.Missing ? "✗ missing"
                    : slot.Ready ? "○ ready for swap-back"
                    : "○ not ready";
                yield return $"  {slot.Name, -5} {Format.Short(slot.Commit)}  {state}";
                yield return $"        {slot.Path}";
            }

            yield return "";
        }

        if (status.LastUpdate is { } last)
        {
            yield return "Last update";
            yield return "  " + StatusCommands.Describe(last);
            if (last.Error is { } error && last.Outcome != UpdateOutcome.Succeeded)
            {
                yield return "  " + error;
            }
        }
        else
        {
            yield return "No update recorded yet.";
        }
    }
}
