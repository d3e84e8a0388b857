namespace ShootyTui.Core.Configuration;

/// <summary>How shooty starts, stops and watches the bot (<c>[bot] supervisor</c>).</summary>
public enum SupervisorKind
{
    /// <summary>Shooty runs <c>[bot] start</c> as its own child process group.</summary>
    Process,

    /// <summary>Shooty drives <c>[bot] unit</c> through <c>systemctl</c>.</summary>
    Systemd,

    /// <summary>Shooty runs the <c>start</c>, <c>stop</c> and <c>is_running</c> commands.</summary>
    Commands,
}
