using System.Collections.ObjectModel;
using ShootyTui.Core;
using ShootyTui.Tui.Panels;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShootyTui.Tui;

/// <summary>
/// The control panel: a header, the Overview and one list panel on the left, a detail pane on
/// the right and a status line with key hints. Narrow or short terminals get the panels stacked.
/// All engine work runs off the UI thread.
/// </summary>
internal sealed partial class MainWindow : Window, IPanelHost
{
    private readonly IApplication _app;
    private readonly Deployment _deployment;
    private readonly PanelData _data = new();
    private readonly Label _header = NewLine();
    private readonly Label _statusLine = NewLine();
    private readonly Label _tooSmall = NewLine();
    private readonly FrameView _overviewFrame = new() { Title = "[1] Overview" };
    private readonly FrameView _listFrame = new();
    private readonly FrameView _detailFrame = new() { Title = "Details" };
    private readonly ListView _overviewList = NewList();
    private readonly ListView _panelList = NewList();
    private readonly ListView _detailList = NewList();
    private readonly ObservableCollection<string> _overviewLines = [];
    private readonly ObservableCollection<string> _panelLines = [];
    private readonly ObservableCollection<string> _detailLines = [];
    private readonly OverviewPanel _overview;
    private readonly UpdatesPanel _updates;

    /// <summary>Every panel in number order; the Flags panel (5) is a window of its own.</summary>
    private readonly List<Panel> _panels;

    public MainWindow(IApplication app, Deployment deployment, bool readOnly)
    {
        _app = app;
        _deployment = deployment;
        ReadOnly = readOnly;
        BorderStyle = LineStyle.None;
        SchemeName = Theme.SchemePrefix + "base";
        Title = $"shooty: {deployment.Config.Bot.Name}";
        _header.SchemeName = Theme.SchemePrefix + "header";
        _statusLine.Y = Pos.AnchorEnd(1);
        _tooSmall.Visible = false;
        _tooSmall.TextAlignment = Alignment.Center;

        _overview = new OverviewPanel(this, _data);
        _updates = new UpdatesPanel(
            this,
            _data,
            new UpdateActions(UpdateAsync, ScheduleAsync, FetchAsync, RollbackAsync)
        );
        _panels =
        [
            _overview,
            _updates,
            new BackupsPanel(this),
            new HistoryPanel(this),
            new LogsPanel(this),
        ];
        _current = _overview;
        _listPanel = _updates;

        _overviewList.SetSource(_overviewLines);
        _panelList.SetSource(_panelLines);
        _detailList.SetSource(_detailLines);
        _detailList.CanFocus = false;
        _overviewFrame.Add(_overviewList);
        _listFrame.Add(_panelList);
        _detailFrame.Add(_detailList);
        Add(_header, _overviewFrame, _listFrame, _detailFrame, _statusLine, _tooSmall);

        _panelList.ValueChanged += (_, _) => ShowDetail();
        _overviewList.HasFocusChanged += (_, e) => OnListFocus(_overviewList, e.NewValue);
        _panelList.HasFocusChanged += (_, e) => OnListFocus(_panelList, e.NewValue);
        _app.Keyboard.KeyDown += OnAppKeyDown;
        _app.ScreenChanged += OnScreenChanged;
        Initialized += (_, _) => Start();
    }

    IApplication IPanelHost.App => _app;

    int IPanelHost.DetailWidth => DetailWidth();

    public Deployment Deployment => _deployment;

    public bool ReadOnly { get; }

    /// <summary>True once the window asked to close; the launcher waits for running work.</summary>
    public bool Closing { get; private set; }

    /// <summary>The UI-side task of the running operation, if any.</summary>
    private Task? Running { get; set; }

    public bool Busy => Running is { IsCompleted: false };

    /// <summary>
    /// The engine work of the last update, running on the thread pool. The launcher waits for
    /// it after the window closes, so closing the panel never cuts an update short.
    /// </summary>
    public Task? Background { get; private set; }

    private volatile bool _closed;

    /// <summary>The text of the status line, for tests and the help overlay.</summary>
    public string StatusText => _statusLine.Text;

    private static Label NewLine() =>
        new()
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = 1,
            HotKeySpecifier = Dialogs.NoHotKey,
        };

    private static ListView NewList()
    {
        var list = new ListView { Width = Dim.Fill(), Height = Dim.Fill() };

        // Type-to-find would swallow the panel's letter keys.
        list.KeystrokeNavigator = null!;
        list.KeyBindings.Add(Key.J, Command.Down);
        list.KeyBindings.Add(Key.K, Command.Up);
        list.KeyBindings.Add(Key.G, Command.Start);
        list.KeyBindings.Add(Key.G.WithShift, Command.End);
        return list;
    }

    private void Start()
    {
        ApplyLayout();
        _overviewList.SetFocus();
        RenderStatusLine();
        _ = LoadThenFetchAsync();
        _refreshTimer = _app.AddTimeout(RefreshInterval, OnRefreshTimer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _closed = true;
            _app.Keyboard.KeyDown -= OnAppKeyDown;
            _app.ScreenChanged -= OnScreenChanged;
            StopTimers();
            foreach (var panel in _panels)
            {
                panel.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
