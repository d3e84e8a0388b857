using System.Globalization;
using System.Text.Json;

namespace ShootyTui.Core.Health;

/// <summary>The parsed content of a heartbeat file, in which any field may be missing.</summary>
internal sealed record HeartbeatContent(
    DateTimeOffset? Timestamp,
    double? DiscordLatencyMs,
    int? Guilds,
    int? ActiveSessions,
    string? Version
)
{
    public static readonly HeartbeatContent Empty = new(null, null, null, null, null);

    // Timestamps above this are taken as milliseconds (JavaScript's Date.now()), because as
    // seconds they would lie in the year 5138.
    private const double MaxSeconds = 1e11;

    public Heartbeat ToHeartbeat(DateTimeOffset timestamp, bool fromFileTime) =>
        new(timestamp, fromFileTime, DiscordLatencyMs, Guilds, ActiveSessions, Version);

    /// <summary>
    /// Parses a plain Unix timestamp or a JSON object. Returns null for content that is
    /// neither. A JSON object without a usable timestamp keeps its other fields.
    /// </summary>
    public static HeartbeatContent? Parse(string content)
    {
        var text = content.Trim();
        if (text.StartsWith('{'))
        {
            return ParseJson(text);
        }

        return ParseUnixTime(text) is { } timestamp ? Empty with { Timestamp = timestamp } : null;
    }

    private static HeartbeatContent? ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return new HeartbeatContent(
                ReadTimestamp(root),
                ReadNumber(root, "discord_latency_ms"),
                ReadInteger(root, "guilds"),
                ReadInteger(root, "active_sessions"),
                ReadVersion(root)
            );
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset? ReadTimestamp(JsonElement root)
    {
        if (!root.TryGetProperty("timestamp", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return FromUnixSeconds(value.GetDouble());
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        // A string contains either a number or an ISO 8601 time such as "2025-06-01T20:15:00Z".
        var text = value.GetString()!;
        if (ParseUnixTime(text) is { } unixTime)
        {
            return unixTime;
        }

        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var time)
            ? time.ToUniversalTime()
            : null;
    }

    private static double? ReadNumber(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    private static int? ReadInteger(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt32(out var number)
            ? number
            : null;

    private static string? ReadVersion(JsonElement root)
    {
        if (!root.TryGetProperty("version", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static DateTimeOffset? ParseUnixTime(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? FromUnixSeconds(seconds)
            : null;

    private static DateTimeOffset? FromUnixSeconds(double seconds)
    {
        if (seconds > MaxSeconds)
        {
            seconds /= 1000;
        }

        if (!double.IsFinite(seconds) || seconds <= 0 || seconds > MaxSeconds)
        {
            return null;
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }
}
