namespace ShootyTui.Tui.Panels;

/// <summary>
/// A key a panel handles: the key as shown, a short hint for the status line (empty to leave
/// it out), the line of the help overlay, and whether it changes anything (read-only mode
/// hides those).
/// </summary>
internal sealed record PanelKey(string Key, string Hint, string Help, bool Mutates = false);
