namespace ShootyTui.Core.Health;

/// <summary>
/// Reads a heartbeat file: a Unix timestamp in seconds (integer or fraction), or a JSON object
/// with <c>timestamp</c> and optional <c>discord_latency_ms</c>, <c>guilds</c>,
/// <c>active_sessions</c> and <c>version</c>.
/// </summary>
public static class HeartbeatReader
{
    // Larger files are not heartbeats, so only their modification time is used.
    private const int MaxContentBytes = 64 * 1024;

    /// <summary>
    /// Returns the heartbeat, or null when the file does not exist. Content without a usable
    /// timestamp (empty, garbage, unreadable) falls back to the file's modification time.
    /// </summary>
    public static Heartbeat? Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }

        var parsed = ReadContent(path) is { } content ? HeartbeatContent.Parse(content) : null;
        var fileTime = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        var heartbeat = parsed?.Timestamp is { } timestamp
            ? parsed.ToHeartbeat(timestamp, fromFileTime: false)
            : (parsed ?? HeartbeatContent.Empty).ToHeartbeat(fileTime, fromFileTime: true);
        return heartbeat with { FileWrittenAt = fileTime };
    }

    private static string? ReadContent(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > MaxContentBytes)
            {
                return null;
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
