using ShootyTui.Tui.Panels;

namespace ShootyTui.Tui;

internal sealed partial class MainWindow
{
    /// <summary>The panel the keys go to.</summary>
    private Panel _current;

    /// <summary>The panel in the list frame while the Overview has its own frame.</summary>
    private Panel _listPanel;

    /// <summary>The filter of each panel, set with <c>/</c>.</summary>
    private readonly Dictionary<Panel, string> _filters = [];

    /// <summary>Panel row number of each line in the list frame.</summary>
    private List<int> _visibleRows = [];

    /// <summary>True while Enter moved the focus into the detail pane.</summary>
    private bool _inDetail;

    /// <summary>The panel drawn in the list frame.</summary>
    private Panel Shown =>
        _layout == ScreenFit.Wide && _current == _overview ? _listPanel : _current;

    private Panel? PanelNumbered(char number) => _panels.Find(panel => panel.Number == number);

    private void FocusPanel(Panel panel)
    {
        // Leaving the progress of a finished update shows the panel's own details again.
        if (!_updating)
        {
            _data.Progress = null;
        }

        var before = Shown;
        _current = panel;
        if (panel != _overview)
        {
            _listPanel = panel;
        }

        if (Shown != before)
        {
            before.Hidden();
            Shown.Shown();
            _ = LoadPanelAsync(Shown);
        }

        FocusCurrent();
        RenderPanels();
    }

    /// <summary>Panels in Tab order: every panel, the Overview first.</summary>
    private void CyclePanel(int step)
    {
        var index = _panels.IndexOf(_current);
        FocusPanel(_panels[(index + step + _panels.Count) % _panels.Count]);
    }

    private void FocusCurrent()
    {
        _inDetail = false;
        _detailList.CanFocus = false;
        if (_layout == ScreenFit.Wide && _current == _overview)
        {
            _overviewList.SetFocus();
        }
        else
        {
            _panelList.SetFocus();
        }

        ShowDetail();
        RenderStatusLine();
    }

    private void OnListFocus(Terminal.Gui.Views.ListView list, bool focused)
    {
        if (!focused || _inDetail)
        {
            return;
        }

        // Focus can also move by the view's own navigation; follow it.
        _current = list == _overviewList ? _overview : Shown;
        ShowDetail();
        RenderStatusLine();
    }

    /// <summary>Enter: moves into the detail pane so that j/k scroll it; Esc comes back.</summary>
    private void EnterDetail()
    {
        if (_detailLines.Count == 0)
        {
            return;
        }

        _inDetail = true;
        _detailList.CanFocus = true;
        _detailList.SetFocus();
        RenderStatusLine();
    }

    private async Task LoadPanelAsync(Panel panel)
    {
        try
        {
            await panel.LoadAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _deployment.Log.Error(e, "Loading the {Panel} panel failed", panel.Name);
            Flash($"{panel.Name}: {e.Message}");
        }

        if (!_closed)
        {
            RenderPanels();
        }
    }

    public void Changed()
    {
        if (!_closed)
        {
            RenderPanels();
        }
    }

    /// <summary>Redraws both list frames, the detail pane and the frame titles.</summary>
    private void RenderPanels()
    {
        Fill(_overviewLines, _overview.Rows, _overviewList);
        var shown = Shown;
        var filter = _filters.GetValueOrDefault(shown, "");
        var rows = shown.Rows;
        var selected = SelectedRow(shown);
        _visibleRows = Enumerable
            .Range(0, rows.Count)
            .Where(i =>
                filter.Length == 0 || rows[i].Contains(filter, StringComparison.OrdinalIgnoreCase)
            )
            .ToList();
        _panelLines.Clear();
        foreach (var row in _visibleRows)
        {
            _panelLines.Add(rows[row]);
        }

        // Keep the selection across reloads; select the first row when there was none, so the
        // first j moves to the second row.
        var keep = _visibleRows.IndexOf(selected);
        _panelList.SelectedItem = _panelLines.Count == 0 ? null : Math.Max(0, keep);
        _listFrame.Title =
            shown.Title
            + (filter.Length > 0 ? $" /{filter} {_visibleRows.Count} of {rows.Count}" : "");
        ShowDetail();
    }

    private static void Fill(
        System.Collections.ObjectModel.ObservableCollection<string> lines,
        IReadOnlyList<string> rows,
        Terminal.Gui.Views.ListView list
    )
    {
        var selected = list.SelectedItem ?? 0;
        lines.Clear();
        foreach (var row in rows)
        {
            lines.Add(row);
        }

        list.SelectedItem = lines.Count == 0 ? null : Math.Min(selected, lines.Count - 1);
    }

    /// <summary>The selected row of a panel as an index into its own rows, or -1.</summary>
    private int SelectedRow(Panel panel)
    {
        if (_layout == ScreenFit.Wide && panel == _overview)
        {
            return _overviewList.SelectedItem ?? -1;
        }

        return _panelList.SelectedItem is { } item && item >= 0 && item < _visibleRows.Count
            ? _visibleRows[item]
            : -1;
    }

    private void ShowDetail()
    {
        var row = SelectedRow(_current);
        var top = _detailList.SelectedItem;
        _detailFrame.Title = _current.DetailTitle(row);
        _detailLines.Clear();
        foreach (var line in _current.Detail(row))
        {
            foreach (var wrapped in Dialogs.Wrap(line, DetailWidth()).Split('\n'))
            {
                _detailLines.Add(wrapped);
            }
        }

        if (_inDetail && top is { } keep)
        {
            _detailList.SelectedItem = Math.Min(keep, _detailLines.Count - 1);
        }
    }

    private void AskFilter()
    {
        var panel = Shown;
        var filter = TextDialog.Ask(
            _app,
            $"Filter {panel.Name}",
            "Show rows containing (empty shows all):",
            _filters.GetValueOrDefault(panel, "")
        );
        if (filter is null)
        {
            return;
        }

        _filters[panel] = filter.Trim();
        if (_current == _overview && _layout == ScreenFit.Wide)
        {
            _current = panel;
        }

        FocusCurrent();
        RenderPanels();
    }
}
