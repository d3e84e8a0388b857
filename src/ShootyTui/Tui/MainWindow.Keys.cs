using Terminal.Gui.Input;

namespace ShootyTui.Tui;

internal sealed partial class MainWindow
{
    /// <summary>
    /// Every key of the panel, used for dispatch, the help overlay and the status line hints.
    /// Hints are listed from most to least useful; the status line drops them from the end.
    /// </summary>
    private static readonly (string Key, string Hint, string Help)[] Keys =
    [
        ("u", "update", "update to the fetched tip (asks first)"),
        ("f", "fetch", "fetch the remote and list pending commits"),
        ("q", "quit", "quit (asks first while an update runs)"),
        ("r", "reload", "reload state and health"),
        ("Tab", "panel", "next panel (Shift-Tab: previous)"),
        ("1-2", "", "jump to a panel"),
        (FlagsPanel.Number, "", "feature flags: toggle, add, remove, filter"),
        ("p", "", "unlock the bot's secrets (asks for the passphrase)"),
        ("@", "", "command log: every command run, Enter shows its output"),
        ("j/k", "", "move down/up (also arrows, g/G for top/bottom)"),
        ("Esc", "", "close a dialog (never quits)"),
        ("?", "help", "this list of keys"),
    ];

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
        if (key == Key.Esc)
        {
            return true;
        }

        if (key == Key.Tab || key == Key.Tab.WithShift)
        {
            FocusPanel(_updatesList.HasFocus ? 0 : 1);
            return true;
        }

        if (key == Key.D1 || key == Key.D2)
        {
            FocusPanel(key == Key.D1 ? 0 : 1);
            return true;
        }

        if (key == Key.Q)
        {
            Quit();
            return true;
        }

        if (key == new Key('?'))
        {
            ShowHelp();
            return true;
        }

        if (key == Key.R)
        {
            _ = ReloadAsync(fetch: false);
            return true;
        }

        if (key == Key.F)
        {
            _ = FetchAsync();
            return true;
        }

        if (key == Key.U)
        {
            _ = UpdateAsync();
            return true;
        }

        if (key == new Key(FlagsPanel.Number[0]))
        {
            OpenFlagsPanel();
            return true;
        }

        if (key == new Key('@'))
        {
            CommandLogDialog.Show(_app, _deployment.Commands);
            return true;
        }

        if (key == Key.P)
        {
            // After this key event, so that the p is not typed into the passphrase field.
            _app.AddTimeout(TimeSpan.Zero, () =>
            {
                _ = UnlockSecretsAsync();
                return false;
            });
            return true;
        }

        return false;
    }

    private void FocusPanel(int index)
    {
        // Leaving the progress of a finished update shows the panel's own details again.
        if (!_updating)
        {
            _progressLines = null;
        }

        if (index == 0)
        {
            _overviewList.SetFocus();
        }
        else
        {
            _updatesList.SetFocus();
        }

        ShowDetail();
        RenderStatusLine();
    }

    private void ShowHelp()
    {
        var lines = Keys.Select(entry => $"{entry.Key, -6} {entry.Help}");
        Dialogs.Info(_app, "Keys", string.Join("\n", lines));
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
