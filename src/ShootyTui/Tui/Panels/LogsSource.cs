namespace ShootyTui.Tui.Panels;

/// <summary>The log the Logs panel shows.</summary>
internal enum LogsSource
{
    /// <summary>The bot's output: its log file, or the systemd journal of its unit.</summary>
    Bot,

    /// <summary>shooty's own log, <c>[logging] file</c>.</summary>
    Shooty,
}
