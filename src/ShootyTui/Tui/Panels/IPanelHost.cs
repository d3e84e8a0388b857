using ShootyTui.Core;
using Terminal.Gui.App;

namespace ShootyTui.Tui.Panels;

/// <summary>What the main window offers its panels.</summary>
internal interface IPanelHost
{
    IApplication App { get; }

    Deployment Deployment { get; }

    /// <summary>The width, in columns, that the detail pane wraps its lines to.</summary>
    int DetailWidth { get; }

    /// <summary>True when the panel was opened with <c>--read-only</c>: no mutating action.</summary>
    bool ReadOnly { get; }

    /// <summary>True while a long operation (fetch, update, restore…) runs.</summary>
    bool Busy { get; }

    /// <summary>Shows a short result in the status line for a few seconds.</summary>
    void Flash(string message);

    /// <summary>
    /// Runs long work with a spinner and elapsed time in the status line, pausing periodic
    /// refresh. Refuses with a flash and returns false when another operation runs.
    /// </summary>
    Task<bool> RunBusyAsync(string text, Func<Task> work);

    /// <summary>Redraws the panel's rows and the detail pane from the panel's current data.</summary>
    void Changed();

    /// <summary>Reloads the header and Overview after an action changed the deployment.</summary>
    Task ReloadStatusAsync();
}
