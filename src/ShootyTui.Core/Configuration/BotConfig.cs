using ShootyTui.Core.Supervision;

namespace ShootyTui.Core.Configuration;

/// <summary>
/// The <c>[bot]</c> section. Paths are absolute. Commands are shell command lines that run with
/// <c>sh -c</c> in <see cref="Path"/>.
/// </summary>
public sealed record BotConfig
{
    public required string Name { get; init; }

    /// <summary>The bot's git checkout.</summary>
    public required string Path { get; init; }

    public required string Remote { get; init; }

    public required string Branch { get; init; }

    public required SupervisorKind Supervisor { get; init; }

    public string? Start { get; init; }

    public string? Stop { get; init; }

    /// <summary>A command that exits with 0 while the bot runs and non-zero otherwise.</summary>
    public string? IsRunning { get; init; }

    /// <summary>The systemd unit, such as <c>shootybot.service</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>How long a graceful stop may take before the bot is killed.</summary>
    public required TimeSpan StopTimeout { get; init; }

    /// <summary>The bot's SQLite database, or null when the bot has none to back up.</summary>
    public string? Database { get; init; }

    public required string HeartbeatFile { get; init; }

    /// <summary>The age beyond which the heartbeat counts as stale.</summary>
    public required TimeSpan HeartbeatMaxAge { get; init; }

    /// <summary>Where the bot's standard output and error go when shooty starts it.</summary>
    public required string LogFile { get; init; }

    /// <summary>The maximum number of automatic restarts per hour.</summary>
    public required int RestartLimit { get; init; }

    /// <summary>Variables added to the bot's environment.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
}
