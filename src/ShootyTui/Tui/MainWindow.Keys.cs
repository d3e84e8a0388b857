using ShootyTui.Tui.Panels;
using Terminal.Gui.Input;

namespace ShootyTui.Tui;

internal sealed partial class MainWindow
{
    /// <summary>
    /// The keys of the window itself, after those of the focused panel in the help overlay and
    /// the status line. Hints are listed from most to least useful; the status line drops them
    /// from the end and always keeps "? help".
    /// </summary>
    private static readonly PanelKey[] WindowKeys =
    [
        new("q", "quit", "quit (asks first while an update runs)"),
        new("r", "reload", "reload state and health"),
        new("Tab", "panel", "next panel (Shift-Tab: previous)"),
        new("1-6", "", "jump to a panel: 1 Overview 2 Updates 3 Backups 4 History 5 Flags 6 Logs"),
        new("/", "filter", "filter the rows of the list panel"),
        new("Enter", "", "move into the detail pane (Esc comes back)"),
        new("j/k", "", "move down/up (also arrows, g/G for top/bottom)"),
        new(FlagsPanel.Number, "", "feature flags: toggle, add, remove, filter"),
        new("p", "", "unlock the bot's secrets (asks for the passphrase)", Mutates: true),
        new("@", "", "command log: every command run, Enter shows its output"),
        new("Esc", "", "leave the detail pane, clear a filter, close a dialog (never quits)"),
        new("?", "help", "this list of keys"),
    ];

    /// <summary>The keys that work now: the focused panel's, then the window's.</summary>
    private IEnumerable<PanelKey> ActiveKeys()
    {
        // The Overview has no actions of its own; the update keys work from it too.
        var panelKeys = _current == _overview ? _updates.Keys : _current.Keys;
        return panelKeys.Concat(WindowKeys).Where(key => !ReadOnly || !key.Mutates);
    }

    private void OnAppKeyDown(object? sender, Key key)
    {
        // Keys reach this handler before any view; act only while no dialog is open.
        if (_app.TopRunnableView != this || key.Handled)
        {
            return;
        }

        key.Handled = Dispatch(key);
    }

    private bool Dispatch(Key key)
    {
        if (key == Key.Q)
        {
            Quit();
            return true;
        }

        if (_layout == ScreenFit.TooSmall)
        {
            return true;
        }

        if (DispatchWindowKey(key))
        {
            return true;
        }

        var text = KeyNames.Text(key);
        var panelKeys = _current == _overview ? _updates.Keys : _current.Keys;
        if (panelKeys.FirstOrDefault(entry => entry.Key == text) is { } known)
        {
            if (ReadOnly && known.Mutates)
            {
                Flash($"read-only: \"{known.Help}\" is turned off");
                return true;
            }

            var target = _current == _overview ? _updates : _current;
            return target.HandleKey(key, SelectedRow(_current));
        }

        if (_current.HandleKey(key, SelectedRow(_current)))
        {
            return true;
        }

        // An update key pressed in another panel gets a pointer instead of nothing.
        if (_updates.Keys.Any(entry => entry.Key == text && (!ReadOnly || !entry.Mutates)))
        {
            Flash($"{text} works in the Overview and Updates panels: press 1 or 2 first");
            return true;
        }

        return false;
    }

    private bool DispatchWindowKey(Key key)
    {
        if (key == Key.Esc)
        {
            if (_inDetail)
            {
                FocusCurrent();
            }
            else if (_filters.GetValueOrDefault(Shown, "").Length > 0)
            {
                _filters.Remove(Shown);
                RenderPanels();
            }

            return true;
        }

        if (key == Key.Tab || key == Key.Tab.WithShift)
        {
            CyclePanel(key == Key.Tab ? 1 : -1);
            return true;
        }

        if (key == Key.Enter && !_inDetail)
        {
            if (!_current.HandleKey(key, SelectedRow(_current)))
            {
                EnterDetail();
            }

            return true;
        }

        var text = KeyNames.Text(key);
        if (text.Length == 1 && char.IsAsciiDigit(text[0]))
        {
            if (text == FlagsPanel.Number)
            {
                OpenFlagsPanel();
            }
            else if (PanelNumbered(text[0]) is { } panel)
            {
                FocusPanel(panel);
            }
            else
            {
                Flash($"no panel {text}");
            }

            return true;
        }

        switch (text)
        {
            case "?":
                ShowHelp();
                return true;
            case "@":
                CommandLogDialog.Show(_app, _deployment.Commands);
                return true;
            case "r":
                _ = ReloadAsync(fetch: false);
                _ = LoadPanelAsync(Shown);
                return true;
            case "/":
                Defer(AskFilter);
                return true;
            case "p":
                if (ReadOnly)
                {
                    Flash("read-only: unlocking secrets is turned off");
                }
                else
                {
                    // After this key event, so that the p is not typed into the passphrase field.
                    Defer(() => _ = UnlockSecretsAsync());
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Runs an action after this key event, so the key is not typed into a new field.</summary>
    private void Defer(Action action) => _app.AddTimeout(TimeSpan.Zero, () =>
        {
            action();
            return false;
        });

    private void ShowHelp()
    {
        var lines = ActiveKeys().Select(entry => $"{entry.Key, -6} {entry.Help}");
        var title = $"Keys: {_current.Name}" + (ReadOnly ? " (read-only)" : "");
        Dialogs.Info(
            _app,
            title,
            string.Join("\n", lines),
            "more keys: make the terminal taller, or read the README's key list"
        );
    }

    /// <summary>
    /// Quits at once when idle. While an update runs, it asks for confirmation first, and the
    /// panel then closes when the update has finished or rolled back, never in the middle.
    /// </summary>
    private void Quit()
    {
        if (_updating)
        {
            var wait = Dialogs.Confirm(
                _app,
                "Quit",
                "An update is running. The panel will close as soon as it has finished or "
                    + "rolled back; the update itself is never cut short.",
                "Quit after it"
            );
            if (wait)
            {
                Closing = true;
                Flash("the panel closes when the update has finished");
            }

            return;
        }

        RequestClose();
    }

    /// <summary>
    /// Closes the window at once; also called on SIGTERM and SIGHUP. A running update goes on
    /// and the launcher waits for it before the process exits.
    /// </summary>
    public void RequestClose()
    {
        Closing = true;
        _app.RequestStop(this);
    }
}
