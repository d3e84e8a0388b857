using ShootyTui.Core.Supervision;
using Terminal.Gui.Input;

namespace ShootyTui.Tui.Panels;

/// <summary>
/// The Logs panel: the newest lines of the bot's log or of shooty's own log, newest first,
/// following the file while the panel is shown. <c>b</c> shows the bot's log, <c>l</c>
/// shooty's. A bot run by systemd is shown from its journal.
/// </summary>
internal sealed partial class LogsPanel : Panel
{
    /// <summary>How many older lines the detail pane shows under the selected one.</summary>
    private const int DetailLines = 40;

    private readonly LogsFileTail _shootyLog;
    private readonly LogsFileTail? _botLog;
    private readonly LogsJournal? _botJournal;
    private LogsSource _source = LogsSource.Bot;
    private IReadOnlyList<string> _rows = ["loading…"];
    private IReadOnlyList<string> _journalLines = ["reading the journal…"];

    public LogsPanel(IPanelHost host)
        : base(host)
    {
        var config = host.Deployment.Config;
        _shootyLog = new LogsFileTail(config.Logging.File);
        if (config.Bot.Supervisor == SupervisorKind.Systemd && config.Bot.Unit is { } unit)
        {
            _botJournal = new LogsJournal(unit, config.StateDirectory, host.Deployment.Log);
        }
        else
        {
            _botLog = new LogsFileTail(config.Bot.LogFile);
        }
    }

    public override char Number => '6';

    public override string Name => "Logs";

    public override string Title => $"[{Number}] Logs: {SourceName}";

    public override IReadOnlyList<string> Rows => _rows;

    public override IReadOnlyList<PanelKey> Keys =>
        [
            new("b", "bot log", "show the bot's log (its output or its systemd journal)"),
            new("l", "shooty log", "show shooty's own log"),
        ];

    private string SourceName => _source == LogsSource.Bot ? "bot" : "shooty";

    public override string DetailTitle(int row) =>
        _source == LogsSource.Bot ? "Bot log, newest first" : "shooty log, newest first";

    /// <summary>
    /// Returns where the log comes from, then the selected line in full and the older lines
    /// below it, in the list's newest-first order. Lines are wrapped at spaces, and a word longer
    /// than the pane, such as a path, is cut into pieces so that none of it is hidden.
    /// </summary>
    public override IEnumerable<string> Detail(int row)
    {
        var width = Host.DetailWidth;
        var lines = SourceDescription()
            .Append("")
            .Concat(_rows.Skip(Math.Max(row, 0)).Take(DetailLines));
        return lines
            .SelectMany(line => Dialogs.Wrap(line, width).Split('\n'))
            .SelectMany(line => Cut(line, width));
    }

    public override bool HandleKey(Key key, int row)
    {
        var source =
            key == Key.B ? LogsSource.Bot
            : key == Key.L ? LogsSource.Shooty
            : (LogsSource?)null;
        if (source is not { } chosen)
        {
            return false;
        }

        _source = chosen;
        _rows = BuildRows();
        Host.Changed();
        _ = RefreshAsync(readJournal: true);
        return true;
    }

    public override Task LoadAsync() => RefreshAsync(readJournal: true);

    private IEnumerable<string> SourceDescription()
    {
        if (_source == LogsSource.Shooty)
        {
            return ["shooty's log, followed while shown:", _shootyLog.Path];
        }

        if (_botJournal is not null)
        {
            return
            [
                $"the bot's systemd journal, read every {JournalInterval.TotalSeconds:0} s:",
                _botJournal.Command,
            ];
        }

        var description = new List<string> { "the bot's output, followed while shown:" };
        description.Add(_botLog!.Path);
        if (Host.Deployment.Config.Bot.Supervisor == SupervisorKind.Commands)
        {
            description.Add("The start command decides whether the bot writes here.");
        }

        return description;
    }

    private static IEnumerable<string> Cut(string line, int width)
    {
        if (line.Length <= width)
        {
            yield return line;
            yield break;
        }

        for (var start = 0; start < line.Length; start += width)
        {
            yield return line[start..Math.Min(line.Length, start + width)];
        }
    }

    private IReadOnlyList<string> BuildRows()
    {
        if (_source == LogsSource.Bot && _botJournal is not null)
        {
            return _journalLines.Reverse().Select(Clean).ToList();
        }

        var tail = _source == LogsSource.Bot ? _botLog! : _shootyLog;
        var rows = tail.Lines.Reverse().Select(Clean).ToList();
        if (tail.Missing)
        {
            rows.Insert(0, tail.Error ?? $"no log yet at {tail.Path}");
        }

        return rows;
    }

    /// <summary>
    /// Replaces tabs and control characters, such as colour escapes, that would garble the list.
    /// </summary>
    private static string Clean(string line)
    {
        if (!line.Any(char.IsControl))
        {
            return line;
        }

        var text = line.Replace("\t", "    ");
        return new string(text.Select(c => char.IsControl(c) ? '\uFFFD' : c).ToArray());
    }
}
