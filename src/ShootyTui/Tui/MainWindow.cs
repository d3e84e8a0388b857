using System.Collections.ObjectModel;
using ShootyTui.Core;
using ShootyTui.Core.Updates;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShootyTui.Tui;

/// <summary>
/// The control panel: a header, the Overview and Updates panels on the left, a detail pane on
/// the right and a status line with key hints. All engine work runs off the UI thread.
/// </summary>
internal sealed partial class MainWindow : Window
{
    public const int SideWidth = 32;

    private readonly IApplication _app;
    private readonly Deployment _deployment;
    private readonly Label _header = new()
    {
        X = 0,
        Y = 0,
        Width = Dim.Fill(),
        Height = 1,
    };
    private readonly FrameView _overviewFrame;
    private readonly FrameView _updatesFrame;
    private readonly FrameView _detailFrame;
    private readonly ListView _overviewList = NewList();
    private readonly ListView _updatesList = NewList();
    private readonly ListView _detailList = NewList();
    private readonly Label _statusLine = new()
    {
        X = 0,
        Y = Pos.AnchorEnd(1),
        Width = Dim.Fill(),
        Height = 1,
    };

    private readonly ObservableCollection<string> _overviewLines = [];
    private readonly ObservableCollection<string> _updateLines = [];
    private readonly ObservableCollection<string> _detailLines = [];

    public MainWindow(IApplication app, Deployment deployment)
    {
        _app = app;
        _deployment = deployment;
        BorderStyle = LineStyle.None;
        Title = $"shooty: {deployment.Config.Bot.Name}";
        _header.SchemeName = Theme.SchemePrefix + "header";
        _header.HotKeySpecifier = Dialogs.NoHotKey;
        _statusLine.HotKeySpecifier = Dialogs.NoHotKey;

        _overviewFrame = new FrameView
        {
            Title = "[1] Overview",
            X = 0,
            Y = 1,
            Width = SideWidth,
            Height = 9,
        };
        _updatesFrame = new FrameView
        {
            Title = "[2] Updates",
            X = 0,
            Y = Pos.Bottom(_overviewFrame),
            Width = SideWidth,
            Height = Dim.Fill(1),
        };
        _detailFrame = new FrameView
        {
            Title = "Details",
            X = Pos.Right(_overviewFrame),
            Y = 1,
            Width = Dim.Fill(),
            Height = Dim.Fill(1),
        };

        _overviewList.SetSource(_overviewLines);
        _updatesList.SetSource(_updateLines);
        _detailList.SetSource(_detailLines);
        _detailList.CanFocus = false;
        _overviewFrame.Add(_overviewList);
        _updatesFrame.Add(_updatesList);
        _detailFrame.Add(_detailList);
        Add(_header, _overviewFrame, _updatesFrame, _detailFrame, _statusLine);

        _updatesList.ValueChanged += (_, _) => ShowDetail();
        _overviewList.HasFocusChanged += (_, _) => ShowDetail();
        _updatesList.HasFocusChanged += (_, _) => ShowDetail();
        _app.Keyboard.KeyDown += OnAppKeyDown;
        Initialized += (_, _) => Start();
    }

    /// <summary>True once the window asked to close; the launcher waits for running work.</summary>
    public bool Closing { get; private set; }

    /// <summary>The UI-side task of the running fetch or update, if any.</summary>
    private Task? Running { get; set; }

    /// <summary>
    /// The engine work of the last update, running on the thread pool. The launcher waits for
    /// it after the window closes, so closing the panel never cuts an update short.
    /// </summary>
    public Task? Background { get; private set; }

    private volatile bool _closed;

    /// <summary>The text of the status line, for tests and the help overlay.</summary>
    public string StatusText => _statusLine.Text;

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
            StopTimers();
        }

        base.Dispose(disposing);
    }
}
