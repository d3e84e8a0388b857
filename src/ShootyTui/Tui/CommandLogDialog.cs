using System.Collections.ObjectModel;
using System.Globalization;
using ShootyTui.Core.Processes;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShootyTui.Tui;

/// <summary>
/// The command log: one row per command shooty ran (time, exit, duration, command line), newest
/// first, updated as commands finish. Identical runs in a row share a row that starts with their
/// count ("12x"). Enter shows the selected command's output in a scrollable window, Esc closes.
/// </summary>
internal sealed partial class CommandLogDialog : Window
{
    private const string Header = "time     exit duration  command";

    private readonly IApplication _app;
    private readonly CommandLog _commands;
    private readonly ObservableCollection<string> _rows = [];
    private readonly ListView _list;
    private readonly Label _status;
    private IReadOnlyList<CommandEntry> _entries = [];
    private Window? _outputWindow;
    private bool _disposed;

    public CommandLogDialog(IApplication app, CommandLog commands)
    {
        _app = app;
        _commands = commands;
        Title = "Command log";
        SchemeName = Theme.SchemePrefix + "base";
        var header = new Label
        {
            Width = Dim.Fill(),
            Height = 1,
            Text = Header,
            HotKeySpecifier = Dialogs.NoHotKey,
        };
        _list = CreateList(_rows);
        _list.Y = 1;
        _list.Height = Dim.Fill(1);
        _status = new Label
        {
            Y = Pos.AnchorEnd(1),
            Width = Dim.Fill(),
            Height = 1,
            HotKeySpecifier = Dialogs.NoHotKey,
        };
        Add(header, _list, _status);

        _commands.Added += OnAdded;
        _app.Keyboard.KeyDown += OnAppKeyDown;
        Initialized += (_, _) =>
        {
            Reload();
            _list.SetFocus();
        };
    }

    public static void Show(IApplication app, CommandLog commands)
    {
        using var dialog = new CommandLogDialog(app, commands);
        app.Run(dialog);
    }

    /// <summary>Formats one row: local start time, exit code, duration and command line.</summary>
    public static string FormatRow(CommandEntry entry)
    {
        var exit = entry switch
        {
            { TimedOut: true } => "t/o",
            { ExitCode: { } code } => code.ToString(CultureInfo.InvariantCulture),
            _ => "-",
        };
        var time = entry.StartedAt.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var repeats = entry.Repeats > 1 ? $"{entry.Repeats}x " : "";
        return $"{time} {exit, 4} {FormatDuration(entry.Duration), 8}  {repeats}{entry.CommandLine}";
    }

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds switch
        {
            < 1 => $"{duration.TotalMilliseconds:0} ms",
            < 60 => $"{duration.TotalSeconds:0.0} s",
            _ => $"{(int)duration.TotalMinutes}m{duration.Seconds:00}s",
        };

    private static ListView CreateList(ObservableCollection<string> lines)
    {
        var list = new ListView { Width = Dim.Fill() };

        // Type-to-find would consume j, k and q before the key handler receives them.
        list.KeystrokeNavigator = null!;
        list.KeyBindings.Add(Key.J, Command.Down);
        list.KeyBindings.Add(Key.K, Command.Up);
        list.SetSource(lines);
        return list;
    }

    // Raised on the thread that ran the command.
    private void OnAdded(object? sender, CommandEntry entry) => _app.Invoke(Reload);

    private void OnAppKeyDown(object? sender, Key key)
    {
        if (key.Handled)
        {
            return;
        }

        if (_outputWindow is { } output && _app.TopRunnableView == output)
        {
            if (key == Key.Esc || key == Key.Q)
            {
                _app.RequestStop(output);
                key.Handled = true;
            }

            return;
        }

        if (_app.TopRunnableView != this)
        {
            return;
        }

        if (key == Key.Esc || key == Key.Q)
        {
            _app.RequestStop(this);
            key.Handled = true;
        }
        else if (key == Key.Enter)
        {
            ShowOutput();
            key.Handled = true;
        }
    }

    private CommandEntry? Selected =>
        _list.Value is { } index && index >= 0 && index < _entries.Count ? _entries[index] : null;

    private void Reload()
    {
        // A command can finish after the dialog closed, with this call already queued.
        if (_disposed)
        {
            return;
        }

        var selectedId = Selected?.Id;
        _entries = _commands.Entries();
        _rows.Clear();
        foreach (var entry in _entries)
        {
            _rows.Add(FormatRow(entry));
        }

        var index = _entries.ToList().FindIndex(entry => entry.Id == selectedId);
        _list.Value = _entries.Count == 0 ? null : Math.Max(0, index);
        _status.Text =
            _entries.Count == 0
                ? " No commands yet.  Esc close"
                : $" {_entries.Count} of the last {_commands.Capacity}, newest first.  "
                    + "Enter output  Esc close";
    }

    private void ShowOutput()
    {
        if (Selected is not { } entry)
        {
            return;
        }

        var lines = new ObservableCollection<string>(OutputLines(entry, _app.Screen.Width - 4));
        using var window = new Window
        {
            Title = $"Output of command {entry.Id}",
            SchemeName = Theme.SchemePrefix + "base",
        };
        var list = CreateList(lines);
        list.Height = Dim.Fill(1);
        var hint = new Label
        {
            Y = Pos.AnchorEnd(1),
            Width = Dim.Fill(),
            Height = 1,
            Text = " j/k, PageUp/PageDown scroll  Esc close",
            HotKeySpecifier = Dialogs.NoHotKey,
        };
        window.Add(list, hint);
        window.Initialized += (_, _) => list.SetFocus();
        _outputWindow = window;
        try
        {
            _app.Run(window);
        }
        finally
        {
            _outputWindow = null;
        }
    }

    /// <summary>
    /// Describes the command, then lists its output, with long lines cut into pieces of
    /// <paramref name="width"/> characters because a list view does not wrap.
    /// </summary>
    private static IEnumerable<string> OutputLines(CommandEntry entry, int width)
    {
        var where = entry.InProcess ? " (run inside shooty, shown as the equivalent command)" : "";
        var text =
            $"$ {entry.CommandLine}\n"
            + $"in {entry.WorkingDirectory}{where}\n"
            + $"started {entry.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}, "
            + $"{CommandLog.Describe(entry)} after {FormatDuration(entry.Duration)}"
            + (entry.Repeats > 1 ? $" (the last of {entry.Repeats} identical runs)" : "")
            + "\n\n"
            + (entry.Output.Length == 0 ? "(no output)" : entry.Output.TrimEnd('\n'));

        var pieceWidth = Math.Max(20, width);
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = Printable(rawLine);
            if (line.Length == 0)
            {
                yield return "";
            }

            for (var start = 0; start < line.Length; start += pieceWidth)
            {
                yield return line.Substring(start, Math.Min(pieceWidth, line.Length - start));
            }
        }
    }

    /// <summary>
    /// Drops ANSI escape sequences (colours from pip or git) and turns tabs and other control
    /// characters into spaces, which the list view would otherwise draw as garbage.
    /// </summary>
    private static string Printable(string line)
    {
        var text = AnsiEscape().Replace(line, "").Replace("\t", "    ", StringComparison.Ordinal);
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial System.Text.RegularExpressions.Regex AnsiEscape();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed = true;
            _commands.Added -= OnAdded;
            _app.Keyboard.KeyDown -= OnAppKeyDown;
        }

        base.Dispose(disposing);
    }
}
