using ShootyTui.Cli;
using ShootyTui.Core;
using ShootyTui.Core.Changelogs;
using ShootyTui.Core.Git;
using ShootyTui.Core.Health;

namespace ShootyTui.Tui;

internal sealed partial class MainWindow
{
    private StatusReport? _status;
    private CheckReport? _check;
    private IReadOnlyList<string>? _progressLines;
    private DateTimeOffset? _lastFetch;

    private async Task ReloadAsync(bool fetch)
    {
        try
        {
            // Engine calls block (git, /proc, SQLite), so they run on the thread pool; the
            // continuation comes back on the UI thread.
            var status = await Task.Run(() => _deployment.GetStatusAsync(CancellationToken.None));
            var check = await Task.Run(() => _deployment.CheckAsync(fetch, CancellationToken.None));
            _status = status;
            _check = check;
            if (fetch)
            {
                _lastFetch = _deployment.Time.GetLocalNow();
            }

            Render();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _deployment.Log.Error(e, "Reloading the panel failed");
            Flash($"reload failed: {e.Message}");
        }
    }

    /// <summary>Shows local state at once, then fetches in the background.</summary>
    private async Task LoadThenFetchAsync()
    {
        await ReloadAsync(fetch: false);
        await FetchAsync();
    }

    private async Task FetchAsync()
    {
        if (Running is { IsCompleted: false })
        {
            Flash("busy: wait for the current operation to finish");
            return;
        }

        var before = _check?.Tip;
        var fetch = RunBusyAsync("fetching " + _deployment.Config.Bot.Remote, () =>
            ReloadAsync(fetch: true)
        );
        Running = fetch;
        await fetch;
        if (_check is { } check)
        {
            Flash(
                check.Pending.Count == 0 ? "fetched: up to date"
                : check.Tip != before ? $"fetched: {check.Pending.Count} commit(s) pending"
                : $"fetched: no new commits, {check.Pending.Count} pending"
            );
        }
    }

    private void Render()
    {
        RenderHeader();
        RenderOverview();
        RenderUpdates();
        ShowDetail();
        RenderStatusLine();
    }

    private void RenderHeader()
    {
        var config = _deployment.Config;
        var state =
            _status is null ? "…"
            : _status.Bot.Running ? $"● running"
            : "○ stopped";
        var health =
            _status is null ? ""
            : _status.Healthy ? "✓ healthy"
            : "✗ unhealthy";
        var commit = Format.Short(_status?.Commit);
        var branch = _status?.Branch ?? config.Bot.Branch;
        _header.Text = $" {config.Bot.Name} │ {state} │ {health} │ {commit} {branch}";
    }

    private void RenderOverview()
    {
        _overviewLines.Clear();
        if (_status is not { } status)
        {
            _overviewLines.Add("loading…");
            return;
        }

        var now = _deployment.Time.GetUtcNow();
        var uptime = status.Uptime(now) is { } up ? $", up {Format.Duration(up)}" : "";
        _overviewLines.Add(
            status.Bot.Running ? $"● running, pid {status.Bot.Pid}{uptime}" : "○ stopped"
        );
        _overviewLines.Add($"commit {Format.Short(status.Commit)} {status.Branch}");

        // One line for all checks, naming the ones that need a look; the detail pane has all.
        var checks = status.Health.Checks;
        var problems = string.Join(
            ", ",
            checks.Where(check => check.Status != CheckStatus.Pass).Select(check => check.Name)
        );
        _overviewLines.Add(
            problems.Length == 0 ? $"✓ healthy ({checks.Count} checks)"
            : status.Healthy ? $"! healthy; look at {problems}"
            : $"✗ unhealthy: {problems}"
        );
        var maintenance = _deployment.Config.Maintenance;
        _overviewLines.Add(
            Core.Schedule.MaintenanceWindows.IsOpen(maintenance, now, out _) ? "window: open now"
            : Core.Schedule.MaintenanceWindows.NextOpening(maintenance, now) is { } next
                ? $"next window {next.ToLocalTime():MM-dd HH:mm}"
            : "no window in two weeks"
        );
        var pending = _check?.Pending.Count ?? 0;
        _overviewLines.Add(
            _lastFetch is null ? "? not fetched yet"
            : pending == 0 ? $"✓ up to date ({_lastFetch:HH:mm})"
            : $"! {pending} update(s) pending"
        );
    }

    private void RenderUpdates()
    {
        var selected = _updatesList.SelectedItem;
        _updateLines.Clear();
        if (_check is not { } check)
        {
            _updateLines.Add("loading…");
            return;
        }

        if (check.Diverged)
        {
            _updateLines.Add("✗ remote not a fast-forward");
        }

        foreach (var commit in check.Pending)
        {
            var badges = ChangeBadgeRules.Describe(
                ChangeBadgeRules.For(commit.Files, _deployment.Config)
            );
            var marks = badges.Count > 0 ? "[" + string.Join(",", badges) + "] " : "";
            _updateLines.Add($"{commit.ShortSha} {marks}{commit.Subject}");
        }

        if (check.Pending.Count == 0 && !check.Diverged)
        {
            _updateLines.Add($"✓ up to date at {Format.Short(check.Commit)}");
        }

        // Keep the selection across reloads; select the first row when there was none, so the
        // first j moves to the second commit.
        _updatesList.SelectedItem = Math.Min(selected ?? 0, _updateLines.Count - 1);

        _updatesFrame.Title =
            check.Pending.Count > 0 ? $"[2] Updates ({check.Pending.Count})" : "[2] Updates";
    }

    private void ShowDetail()
    {
        _detailLines.Clear();
        foreach (var line in DetailLines())
        {
            foreach (var wrapped in Dialogs.Wrap(line, DetailWidth()).Split('\n'))
            {
                _detailLines.Add(wrapped);
            }
        }
    }

    private int DetailWidth() =>
        Math.Max(
            20,
            _detailFrame.Viewport.Width > 0
                ? _detailFrame.Viewport.Width
                : _app.Screen.Width - SideWidth - 2
        );

    private IEnumerable<string> DetailLines()
    {
        if (_progressLines is { } progress)
        {
            _detailFrame.Title = "Update progress";
            return progress;
        }

        if (_updatesList.HasFocus && SelectedCommit() is { } commit)
        {
            _detailFrame.Title = $"Commit {commit.ShortSha}";
            return CommitPreview(commit);
        }

        _detailFrame.Title = "Health";
        return HealthDetail();
    }

    private PendingCommit? SelectedCommit()
    {
        if (_check is not { Pending.Count: > 0 } check)
        {
            return null;
        }

        var offset = check.Diverged ? 1 : 0;
        var index = (_updatesList.SelectedItem ?? 0) - offset;
        return index >= 0 && index < check.Pending.Count ? check.Pending[index] : null;
    }

    private static IEnumerable<string> CommitPreview(PendingCommit commit)
    {
        yield return $"{commit.Author} <{commit.AuthorEmail}>";
        yield return Format.Local(commit.Date) + (commit.IsMerge ? "  (merge)" : "");
        yield return "";
        foreach (var line in commit.Message.TrimEnd().Split('\n'))
        {
            yield return line.TrimEnd();
        }

        yield return "";
        var added = commit.Files.Sum(file => file.Added);
        var deleted = commit.Files.Sum(file => file.Deleted);
        yield return $"{commit.Files.Count} file(s), +{added} -{deleted}";
        foreach (var file in commit.Files)
        {
            yield return $"  {StatusLetter(file.Status)} {file.Path}  +{file.Added} -{file.Deleted}";
        }
    }

    private IEnumerable<string> HealthDetail()
    {
        if (_status is not { } status)
        {
            yield return "loading…";
            yield break;
        }

        foreach (var check in status.Health.Checks)
        {
            yield return $"{Format.Status(check.Status)}  {check.Name}";
            yield return $"    {check.Detail}";
        }

        yield return "";
        if (status.LastUpdate is { } last)
        {
            yield return "Last update";
            yield return "  " + StatusCommands.Describe(last);
            if (last.Error is { } error && last.Outcome != Core.Updates.UpdateOutcome.Succeeded)
            {
                yield return "  " + error;
            }
        }
        else
        {
            yield return "No update recorded yet.";
        }
    }

    private static string StatusLetter(string status) =>
        status switch
        {
            "added" => "A",
            "deleted" => "D",
            "renamed" => "R",
            "copied" => "C",
            "typechange" => "T",
            _ => "M",
        };
}
