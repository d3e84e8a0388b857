namespace ShootyTui.Core.Supervision;

/// <summary>How the bot process is started, stopped and observed.</summary>
public enum SupervisorKind
{
    /// <summary>shooty starts the bot itself, detached, and tracks it with a pid file.</summary>
    Process,

    /// <summary>A systemd service unit runs the bot, and shooty drives it with systemctl.</summary>
    Systemd,

    /// <summary>
    /// Configured shell commands start, stop and probe the bot (screen, tmux, docker...).
    /// </summary>
    Commands,
}
