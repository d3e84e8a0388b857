using System.Globalization;

namespace ShootyTui.Core.Health;

public sealed partial class HealthChecker
{
    // Clocks of shooty and the bot are the same machine's, so a heartbeat further in the future
    // than this means a bot that writes wrong times.
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(1);

    private HealthCheck CheckHeartbeat(DateTimeOffset? notBefore)
    {
        var heartbeat = HeartbeatReader.Read(heartbeatFile);
        if (heartbeat is null)
        {
            return new HealthCheck(
                HeartbeatCheck,
                CheckStatus.Fail,
                $"heartbeat file '{heartbeatFile}' not found; the bot has not written it yet, "
                    + "or [bot] heartbeat_file names another file"
            );
        }

        // Bots often write whole seconds, so a heartbeat written just after the start can carry
        // a time up to a second before it. Comparing against the start rounded down to the
        // second keeps such heartbeats. The file's modification time then shows whether the
        // old process wrote it in that second.
        if (notBefore is { } start)
        {
            var fileBefore = heartbeat.FileWrittenAt is { } file && file < start;
            if (fileBefore || heartbeat.Timestamp < TruncateToSecond(start))
            {
                var written = fileBefore ? heartbeat.FileWrittenAt!.Value : heartbeat.Timestamp;
                return new HealthCheck(
                    HeartbeatCheck,
                    CheckStatus.Fail,
                    $"heartbeat predates the new process: written {Format(written)}, "
                        + $"process started {Format(start)}"
                );
            }
        }

        var age = time.GetUtcNow() - heartbeat.Timestamp;
        if (age > heartbeatMaxAge)
        {
            return new HealthCheck(
                HeartbeatCheck,
                CheckStatus.Fail,
                $"heartbeat is {DurationText.Format(age)} old, more than the maximum "
                    + $"{DurationText.Format(heartbeatMaxAge)}; the bot may be hung"
            );
        }

        if (-age > MaxClockSkew)
        {
            return new HealthCheck(
                HeartbeatCheck,
                CheckStatus.Warn,
                $"heartbeat time {Format(heartbeat.Timestamp)} is {DurationText.Format(age)} in "
                    + "the future; check the time the bot writes"
            );
        }

        return new HealthCheck(HeartbeatCheck, CheckStatus.Pass, Describe(heartbeat, age));
    }

    private static string Describe(Heartbeat heartbeat, TimeSpan age)
    {
        var parts = new List<string>
        {
            age < TimeSpan.Zero ? "written just now" : $"written {DurationText.Format(age)} ago",
        };
        if (heartbeat.FromFileTime)
        {
            parts[0] += " (file time; the content holds no timestamp)";
        }

        if (heartbeat.DiscordLatencyMs is { } latency)
        {
            parts.Add(
                string.Create(CultureInfo.InvariantCulture, $"Discord latency {latency:0} ms")
            );
        }

        if (heartbeat.Guilds is { } guilds)
        {
            parts.Add($"{guilds} guild(s)");
        }

        if (heartbeat.ActiveSessions is { } sessions)
        {
            parts.Add($"{sessions} active session(s)");
        }

        if (heartbeat.Version is { } version)
        {
            parts.Add($"version {version}");
        }

        return string.Join(", ", parts);
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset time) =>
        new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Offset);

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
