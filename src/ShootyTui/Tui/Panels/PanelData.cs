using ShootyTui.Core;

namespace ShootyTui.Tui.Panels;

/// <summary>The state the main window loads for the header, Overview and Updates panels.</summary>
internal sealed class PanelData
{
    public StatusReport? Status { get; set; }

    public CheckReport? Check { get; set; }

    /// <summary>When the remote was last fetched in this panel; null until the first fetch.</summary>
    public DateTimeOffset? LastFetch { get; set; }

    /// <summary>The tip an update is moving to while it runs; its row is marked.</summary>
    public string? UpdatingTo { get; set; }

    /// <summary>The lines of the running or last update, shown instead of a commit preview.</summary>
    public IReadOnlyList<string>? Progress { get; set; }
}
