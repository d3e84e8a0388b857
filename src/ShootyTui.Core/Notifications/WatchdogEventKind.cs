namespace ShootyTui.Core.Notifications;

public enum WatchdogEventKind
{
    /// <summary>The bot was healthy; nothing was done.</summary>
    Healthy,

    /// <summary>The bot was unhealthy, was restarted and passed the health gate.</summary>
    Restarted,

    /// <summary>The bot was restarted but did not become healthy.</summary>
    StillUnhealthy,

    /// <summary>The restart limit per hour was reached; the watchdog stopped restarting.</summary>
    GaveUp,
}
