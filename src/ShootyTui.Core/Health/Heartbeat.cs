namespace ShootyTui.Core.Health;

/// <summary>The content of the bot's heartbeat file.</summary>
/// <param name="Timestamp">When the bot wrote the heartbeat.</param>
/// <param name="FromFileTime">True when the content held no usable timestamp and
/// <paramref name="Timestamp"/> is the file's modification time.</param>
public sealed record Heartbeat(
    DateTimeOffset Timestamp,
    bool FromFileTime,
    double? DiscordLatencyMs,
    int? Guilds,
    int? ActiveSessions,
    string? Version
)
{
    /// <summary>
    /// The file's modification time, which shows when it was written even where the content
    /// carries whole seconds only.
    /// </summary>
    public DateTimeOffset? FileWrittenAt { get; init; }
}
