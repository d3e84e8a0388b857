using System.Diagnostics;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace ShootyTui.Tests.Tui;

/// <summary>
/// Drives a running panel from its main loop: each step either waits until a text is on the
/// screen or presses a key. Every screen a wait matched is kept for failure messages.
/// </summary>
internal sealed class TuiScript
{
    private static readonly TimeSpan CloseLimit = TimeSpan.FromSeconds(10);

    private readonly List<Step> _steps = [];
    private readonly List<string> _screens = [];
    private int _next;
    private Stopwatch _stepClock = Stopwatch.StartNew();

    public string? Failure { get; private set; }

    public bool Finished => _next >= _steps.Count;

    public string LastScreen { get; private set; } = "";

    public TuiScript WaitFor(string text, int seconds = 30)
    {
        _steps.Add(new Step(text, false, null, null, TimeSpan.FromSeconds(seconds)));
        return this;
    }

    public TuiScript WaitForGone(string text, int seconds = 10)
    {
        _steps.Add(new Step(text, true, null, null, TimeSpan.FromSeconds(seconds)));
        return this;
    }

    /// <summary>Runs an action on the loop, such as resizing the screen.</summary>
    public TuiScript Do(Action<IApplication> action)
    {
        _steps.Add(new Step(null, false, null, action, TimeSpan.Zero));
        return this;
    }

    public TuiScript Press(params Key[] keys)
    {
        foreach (var key in keys)
        {
            _steps.Add(new Step(null, false, key, null, TimeSpan.Zero));
        }

        return this;
    }

    /// <summary>Hooks the script into the loop; it stops the app when done or failed.</summary>
    public void Attach(IApplication app, TimeSpan overall)
    {
        var total = Stopwatch.StartNew();
        app.Iteration += (_, _) =>
        {
            if (Failure is not null)
            {
                // Close every open dialog and then the panel.
                app.RequestStop();
                return;
            }

            if (Finished)
            {
                // The last key should have closed the panel.
                if (_stepClock.Elapsed > CloseLimit)
                {
                    Fail(app, $"the panel did not close within {CloseLimit.TotalSeconds} s");
                }

                return;
            }

            LastScreen = app.Driver!.ToString() ?? "";
            if (total.Elapsed > overall)
            {
                Fail(app, $"script did not finish within {overall}");
                return;
            }

            var (waitFor, gone, press, action, limit) = _steps[_next];
            if (action is not null)
            {
                action(app);
                Advance();
                return;
            }

            if (press is { } key)
            {
                app.InjectKey(key);
                Advance();
                return;
            }

            if (LastScreen.Contains(waitFor!, StringComparison.Ordinal) != gone)
            {
                _screens.Add(LastScreen);
                Advance();
                return;
            }

            if (_stepClock.Elapsed > limit)
            {
                var what = gone ? "was still on screen after" : "did not appear within";
                Fail(app, $"\"{waitFor}\" {what} {limit.TotalSeconds} s");
            }
        };
    }

    public string Report() =>
        $"{Failure}\nlast screen:\n{LastScreen}\nmatched screens: {_screens.Count}";

    private void Advance()
    {
        _next++;
        _stepClock = Stopwatch.StartNew();
    }

    private void Fail(IApplication app, string message)
    {
        Failure = message;
        app.RequestStop();
    }

    private sealed record Step(
        string? WaitFor,
        bool Gone,
        Key? Press,
        Action<IApplication>? Action,
        TimeSpan Limit
    );
}
