namespace ShootyTui.Tui.Panels;

/// <summary>The actions of the Updates panel, run by the main window.</summary>
internal sealed record UpdateActions(
    Func<Task> Update,
    Func<Task> Schedule,
    Func<Task> Fetch,
    Func<Task> Rollback
);
