using Terminal.Gui.Input;

namespace ShootyTui.Tui.Panels;

/// <summary>
/// One numbered list panel of the main window. The window shows <see cref="Rows"/> in the list
/// frame (filtered by <c>/</c>), the details of the selected row in the detail pane, and sends
/// keys it does not handle itself to <see cref="HandleKey"/>. Row numbers given to a panel are
/// always indexes into its own <see cref="Rows"/>, whatever the filter shows; -1 means none.
/// </summary>
internal abstract class Panel(IPanelHost host) : IDisposable
{
    protected IPanelHost Host { get; } = host;

    /// <summary>The digit that jumps to the panel.</summary>
    public abstract char Number { get; }

    public abstract string Name { get; }

    /// <summary>The frame title, for example "[3] Backups (12)".</summary>
    public virtual string Title => $"[{Number}] {Name}";

    /// <summary>One line per row; built by <see cref="LoadAsync"/> on the UI thread.</summary>
    public abstract IReadOnlyList<string> Rows { get; }

    public abstract string DetailTitle(int row);

    /// <summary>Lines of the detail pane for a row; the window wraps long lines.</summary>
    public abstract IEnumerable<string> Detail(int row);

    /// <summary>The panel's own keys, most useful first.</summary>
    public virtual IReadOnlyList<PanelKey> Keys => [];

    /// <summary>Acts on a key for the selected row; returns true when handled.</summary>
    public virtual bool HandleKey(Key key, int row) => false;

    /// <summary>
    /// Reloads the panel's data. Called on the UI thread when the panel is first shown, on
    /// <c>r</c> and by the idle refresh; blocking work goes through <c>Task.Run</c>.
    /// </summary>
    public abstract Task LoadAsync();

    /// <summary>Called when the panel becomes the visible one.</summary>
    public virtual void Shown() { }

    /// <summary>Called when another panel replaces it.</summary>
    public virtual void Hidden() { }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) { }
}
