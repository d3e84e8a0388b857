namespace ShootyTui.Core.Supervision;

/// <summary>
/// Settings of a bot supervisor. <see cref="Kind"/> decides which members are used.
/// </summary>
public sealed record SupervisorOptions
{
    public required SupervisorKind Kind { get; init; }

    /// <summary>
    /// Directory in which the bot and the start, stop and is-running commands run.
    /// </summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>
    /// Shell command line that runs the bot (process mode) or starts it (commands mode).
    /// </summary>
    public string? Start { get; init; }

    /// <summary>Shell command line that stops the bot (commands mode only).</summary>
    public string? Stop { get; init; }

    /// <summary>Shell command line that exits 0 while the bot runs (commands mode only).</summary>
    public string? IsRunning { get; init; }

    /// <summary>
    /// systemd unit name, for example <c>shootybot.service</c> (systemd mode only).
    /// </summary>
    public string? Unit { get; init; }

    /// <summary>Whether <see cref="Unit"/> is a user unit (<c>systemctl --user</c>).</summary>
    public bool UserUnit { get; init; }

    /// <summary>The systemctl executable, looked up on PATH unless absolute.</summary>
    public string SystemctlPath { get; init; } = "systemctl";

    /// <summary>How long a stop waits for the bot to exit before it uses SIGKILL.</summary>
    public required TimeSpan StopTimeout { get; init; }

    /// <summary>Time limit for each start, stop, is-running or systemctl command.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// File that receives the bot's stdout and stderr in process mode (appended).
    /// </summary>
    public required string LogFile { get; init; }

    /// <summary>Directory for the pid file <c>bot.pid</c> (process mode).</summary>
    public required string StateDirectory { get; init; }

    /// <summary>
    /// A tmpfs folder for the environment file that passes extra variables (such as unlocked
    /// secrets) to a systemd unit. Default: <c>$XDG_RUNTIME_DIR/shooty</c>, else
    /// <c>/dev/shm/shooty-UID</c>.
    /// </summary>
    public string? RuntimeDirectory { get; init; }

    /// <summary>
    /// Variables passed to the bot and to the start, stop and is-running commands. Not used in
    /// systemd mode, where the unit file sets the environment.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } =
        new Dictionary<string, string>();

    /// <summary>Receives every command the supervisor runs, when set.</summary>
    public Processes.CommandLog? Commands { get; init; }
}
