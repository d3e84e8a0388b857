using System.Diagnostics;

namespace ShootyTui.Tui;

internal sealed partial class MainWindow
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SpinInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FlashTime = TimeSpan.FromSeconds(6);
    private static readonly string[] SpinnerFrames = ["|", "/", "-", "\\"];

    private object? _refreshTimer;
    private object? _spinTimer;
    private string? _busyText;
    private Stopwatch? _busyClock;
    private int _spinFrame;
    private string? _flash;
    private DateTimeOffset _flashUntil;

    public async Task<bool> RunBusyAsync(string text, Func<Task> work)
    {
        if (Busy)
        {
            Flash("busy: wait for the current operation to finish");
            return false;
        }

        var done = new TaskCompletionSource();
        Running = done.Task;
        _busyText = text;
        _busyClock = Stopwatch.StartNew();
        _spinTimer = _app.AddTimeout(SpinInterval, () =>
        {
            _spinFrame++;
            RenderStatusLine();
            return true;
        });
        RenderStatusLine();
        try
        {
            await work();
        }
        finally
        {
            if (_spinTimer is not null)
            {
                _app.RemoveTimeout(_spinTimer);
                _spinTimer = null;
            }

            _busyText = null;
            _busyClock = null;
            done.SetResult();
            RenderStatusLine();
        }

        return true;
    }

    private bool OnRefreshTimer()
    {
        if (!Busy && _app.TopRunnableView == this && _layout != ScreenFit.TooSmall)
        {
            _ = ReloadAsync(fetch: false);
            if (Shown != _updates && Shown != _overview)
            {
                _ = LoadPanelAsync(Shown);
            }
        }

        if (_flash is not null && DateTimeOffset.UtcNow > _flashUntil)
        {
            _flash = null;
            RenderStatusLine();
        }

        return true;
    }

    public void Flash(string message)
    {
        _flash = message;
        _flashUntil = DateTimeOffset.UtcNow + FlashTime;
        RenderStatusLine();
    }

    private void RenderStatusLine()
    {
        var width = Math.Max(_app.Screen.Width, 20);
        var left =
            _busyText is { } busy
                ? $" {SpinnerFrames[_spinFrame % SpinnerFrames.Length]} {busy} "
                    + $"{_busyClock?.Elapsed.TotalSeconds:0}s"
            : _flash is { } flash ? " " + flash
            : "";
        var hints = ActiveKeys()
            .Where(entry => entry.Hint.Length > 0)
            .Select(entry => $"{entry.Key} {entry.Hint}")
            .ToList();

        // Drop the least useful hints first; "? help" always stays.
        var help = hints[^1];
        hints.RemoveAt(hints.Count - 1);
        string Line() => string.Join("  ", hints.Append(help));
        var room = width - 1 - Math.Min(left.Length, width / 2);
        while (hints.Count > 0 && Line().Length > room)
        {
            hints.RemoveAt(hints.Count - 1);
        }

        var right = Line();
        var space = Math.Max(1, width - right.Length - 1);
        var leftText = left.Length > space - 1 ? left[..Math.Max(0, space - 2)] + "…" : left;
        _statusLine.Text = leftText.PadRight(space) + right;
    }

    private void StopTimers()
    {
        if (_refreshTimer is not null)
        {
            _app.RemoveTimeout(_refreshTimer);
            _refreshTimer = null;
        }

        if (_spinTimer is not null)
        {
            _app.RemoveTimeout(_spinTimer);
            _spinTimer = null;
        }
    }
}
