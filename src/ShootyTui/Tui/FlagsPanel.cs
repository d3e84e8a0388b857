using System.Collections.ObjectModel;
using ShootyTui.Core.Flags;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShootyTui.Tui;

/// <summary>
/// The Flags panel: the bot's flags with their descriptions, staleness and recent changes.
/// Space or Enter toggles, <c>a</c> adds, <c>d</c> removes (after confirmation), <c>/</c>
/// filters, Esc closes. Edits made by hand or by the bot show up as the file changes.
/// </summary>
internal sealed class FlagsPanel : Window
{
    public const string Number = "5";

    private readonly IApplication _app;
    private readonly FlagService _flags;
    private readonly ObservableCollection<string> _lines = [];
    private readonly ObservableCollection<string> _auditLines = [];
    private readonly ListView _list;
    private readonly ListView _audit;
    private readonly Label _status;
    private readonly FlagWatcher? _watcher;
    private readonly bool _readOnly;
    private IReadOnlyList<FlagEntry> _visibleFlags = [];
    private string _filter = "";

    public FlagsPanel(IApplication app, FlagService flags, bool readOnly)
    {
        _app = app;
        _flags = flags;
        _readOnly = readOnly;
        Title = $"[{Number}] Flags: {flags.File.Path}";
        SchemeName = Theme.SchemePrefix + "base";
        _list = new ListView { Width = Dim.Fill(), Height = Dim.Fill(9) };
        _list.KeystrokeNavigator = null!;
        _list.KeyBindings.Add(Key.J, Command.Down);
        _list.KeyBindings.Add(Key.K, Command.Up);
        _list.SetSource(_lines);
        _list.ValueChanged += (_, _) => ShowAudit();
        var auditFrame = new FrameView
        {
            Title = "Recent changes",
            Y = Pos.Bottom(_list),
            Width = Dim.Fill(),
            Height = 8,
        };
        _audit = new ListView
        {
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            CanFocus = false,
        };
        _audit.SetSource(_auditLines);
        auditFrame.Add(_audit);
        _status = new Label
        {
            Y = Pos.AnchorEnd(1),
            Width = Dim.Fill(),
            Height = 1,
            HotKeySpecifier = Dialogs.NoHotKey,
        };
        Add(_list, auditFrame, _status);

        if (Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(flags.File.Path))))
        {
            _watcher = new FlagWatcher(flags.File.Path);
            _watcher.Changed += (_, _) => _app.Invoke(Reload);
        }

        _app.Keyboard.KeyDown += OnAppKeyDown;
        Initialized += (_, _) =>
        {
            Reload();
            _list.SetFocus();
        };
    }

    public static void Show(IApplication app, FlagService flags, bool readOnly)
    {
        using var panel = new FlagsPanel(app, flags, readOnly);
        app.Run(panel);
    }

    private void OnAppKeyDown(object? sender, Key key)
    {
        if (_app.TopRunnableView != this || key.Handled)
        {
            return;
        }

        key.Handled = Dispatch(key);
    }

    private bool Dispatch(Key key)
    {
        if (key == Key.Esc || key == Key.Q)
        {
            _app.RequestStop(this);
            return true;
        }

        if (key == new Key('/'))
        {
            Defer(AskFilter);
            return true;
        }

        if (_readOnly)
        {
            return false;
        }

        if (key == Key.Space || key == Key.Enter)
        {
            Toggle();
            return true;
        }

        if (key == Key.A)
        {
            Defer(AddFlag);
            return true;
        }

        if (key == Key.D || key == Key.Delete)
        {
            RemoveFlag();
            return true;
        }

        return false;
    }

    /// <summary>
    /// Opens a text dialog after this key event ends, so the key that opened it is not typed
    /// into its field.
    /// </summary>
    private void Defer(Action open) => _app.AddTimeout(TimeSpan.Zero, () =>
        {
            open();
            return false;
        });

    private void AskFilter()
    {
        _filter = TextDialog.Ask(_app, "Filter flags", "Show flags whose name contains:", _filter)
            ?? _filter;
        Reload();
    }

    private FlagEntry? Selected =>
        _list.Value is { } index && index >= 0 && index < _visibleFlags.Count
            ? _visibleFlags[index]
            : null;

    private void Toggle()
    {
        if (Selected is { } flag)
        {
            Change(() => _flags.Set(flag.Name, !flag.Enabled, FlagActor.Tui));
        }
    }

    private void AddFlag()
    {
        var name = TextDialog.Ask(_app, "Add flag", "Name of the new flag (it starts off):", "");
        if (!string.IsNullOrWhiteSpace(name))
        {
            Change(() => _flags.Add(name.Trim(), FlagActor.Tui));
        }
    }

    private void RemoveFlag()
    {
        if (Selected is not { } flag)
        {
            return;
        }

        var confirmed = Dialogs.Confirm(
            _app,
            "Remove flag",
            $"Remove {flag.Name} ({(flag.Enabled ? "on" : "off")}) from {_flags.File.Path}? "
                + "The bot then falls back to its own default for it.",
            "Remove"
        );
        if (confirmed)
        {
            Change(() => _flags.Remove(flag.Name, FlagActor.Tui));
        }
    }

    private void Change(Action change)
    {
        try
        {
            change();
        }
        catch (Exception e) when (e is FlagFileException or IOException)
        {
            Dialogs.Error(_app, "Flags", e.Message);
        }

        Reload();
    }

    private void Reload()
    {
        var selected = Selected?.Name;
        try
        {
            _visibleFlags = _flags
                .List()
                .Where(flag => flag.Name.Contains(_filter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            _status.Text =
                (_filter.Length > 0 ? $" filter '{_filter}' | " : " ")
                + (
                    _readOnly
                        ? "read-only  / filter  Esc close"
                        : "Space toggle  a add  d remove  / filter  Esc close"
                );
        }
        catch (Exception e) when (e is FlagFileException or IOException)
        {
            _visibleFlags = [];
            _status.Text = " " + e.Message;
        }

        _lines.Clear();
        foreach (var flag in _visibleFlags)
        {
            var stale = flag.Stale ? " (stale)" : "";
            var description = flag.Description is null ? "" : $"  {flag.Description}";
            _lines.Add($"[{(flag.Enabled ? "x" : " ")}] {flag.Name}{stale}{description}");
        }

        var index = _visibleFlags.ToList().FindIndex(flag => flag.Name == selected);
        _list.Value = _visibleFlags.Count == 0 ? null : Math.Max(0, index);
        ShowAudit();
    }

    private void ShowAudit()
    {
        _auditLines.Clear();
        var name = Selected?.Name;
        foreach (var entry in _flags.Audit.Recent(name, 6))
        {
            _auditLines.Add(
                $"{entry.ChangedAt.ToLocalTime():yyyy-MM-dd HH:mm}  {entry.Name}  "
                    + $"{Describe(entry.OldValue)} -> {Describe(entry.NewValue)}  by "
                    + entry.Actor.ToString().ToLowerInvariant()
            );
        }
    }

    private static string Describe(bool? value) =>
        value switch
        {
            true => "on",
            false => "off",
            null => "absent",
        };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Keyboard.KeyDown -= OnAppKeyDown;
            _watcher?.Dispose();
        }

        base.Dispose(disposing);
    }
}
