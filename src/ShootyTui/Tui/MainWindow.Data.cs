using ShootyTui.Cli;

namespace ShootyTui.Tui;

internal sealed partial class MainWindow
{
    public Task ReloadStatusAsync() => ReloadAsync(fetch: false);

    private async Task ReloadAsync(bool fetch)
    {
        try
        {
            // Engine calls block (git, /proc, SQLite), so they run on the thread pool; the
            // continuation comes back on the UI thread.
            var status = await Task.Run(() => _deployment.GetStatusAsync(CancellationToken.None));
            var check = await Task.Run(() => _deployment.CheckAsync(fetch, CancellationToken.None));
            _data.Status = status;
            _data.Check = check;
            if (fetch)
            {
                _data.LastFetch = _deployment.Time.GetLocalNow();
            }

            if (!_closed)
            {
                Render();
            }
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
        var before = _data.Check?.Tip;
        var fetched = await RunBusyAsync("fetching " + _deployment.Config.Bot.Remote, () =>
            ReloadAsync(fetch: true)
        );
        if (fetched && _data.Check is { } check)
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
        _overview.Render();
        _updates.Render();
        RenderPanels();
        RenderStatusLine();
    }

    private void RenderHeader()
    {
        var config = _deployment.Config;
        var status = _data.Status;
        var state =
            status is null ? "…"
            : status.Bot.Running ? "● running"
            : "○ stopped";
        var health =
            status is null ? ""
            : status.Healthy ? "✓ healthy"
            : "✗ unhealthy";
        var commit = Format.Short(status?.Commit);
        var branch = status?.Branch ?? config.Bot.Branch;
        var secrets =
            _deployment.Secrets is null ? ""
            : _deployment.UnlockedSecrets.ExpiresAt is { } until
                ? $" │ secrets unlocked until {until.ToLocalTime():HH:mm}"
            : " │ secrets locked";
        var badge = ReadOnly ? " │ READ-ONLY" : "";
        _header.Text =
            $" {config.Bot.Name} │ {state} │ {health} │ {commit} {branch}{secrets}{badge}";
    }
}
