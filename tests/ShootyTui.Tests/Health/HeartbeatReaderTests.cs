using ShootyTui.Core.Health;
using ShootyTui.Tests.Supervision;
using Xunit;

namespace ShootyTui.Tests.Health;

public sealed class HeartbeatReaderTests : IDisposable
{
    private static readonly DateTime FileTime = new(2024, 3, 9, 21, 30, 0, DateTimeKind.Utc);

    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private string HeartbeatFile => _sandbox.Combine(".bot_health");

    private Heartbeat Write(string content)
    {
        File.WriteAllText(HeartbeatFile, content);
        File.SetLastWriteTimeUtc(HeartbeatFile, FileTime);
        return HeartbeatReader.Read(HeartbeatFile)!;
    }

    [Theory]
    [InlineData("1717171717", 1717171717_000L)]
    [InlineData("1717171717\n", 1717171717_000L)]
    [InlineData(" 1717171717.25 ", 1717171717_250L)]
    [InlineData("1717171717250", 1717171717_250L)]
    public void Read_parses_plain_unix_timestamp(string content, long expectedMilliseconds)
    {
        var heartbeat = Write(content);

        Assert.Equal(
            DateTimeOffset.FromUnixTimeMilliseconds(expectedMilliseconds),
            heartbeat.Timestamp
        );
        Assert.False(heartbeat.FromFileTime);
        Assert.Null(heartbeat.Guilds);
    }

    [Fact]
    public void Read_parses_json_with_optional_fields()
    {
        var heartbeat = Write(
            """
            {"timestamp": 1717171717.5, "discord_latency_ms": 42.5, "guilds": 3,
             "active_sessions": 1, "version": "2.1.0"}
            """
        );

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1717171717_500L), heartbeat.Timestamp);
        Assert.False(heartbeat.FromFileTime);
        Assert.Equal(42.5, heartbeat.DiscordLatencyMs);
        Assert.Equal(3, heartbeat.Guilds);
        Assert.Equal(1, heartbeat.ActiveSessions);
        Assert.Equal("2.1.0", heartbeat.Version);
    }

    [Theory]
    [InlineData("""{"timestamp": "2024-05-31T16:08:37Z"}""")]
    [InlineData("""{"timestamp": "2024-05-31T18:08:37+02:00"}""")]
    [InlineData("""{"timestamp": "1717171717"}""")]
    public void Read_parses_json_timestamp_strings(string content)
    {
        var heartbeat = Write(content);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1717171717), heartbeat.Timestamp);
        Assert.False(heartbeat.FromFileTime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ok")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("1e300")]
    [InlineData("{\"timestamp\": ")]
    [InlineData("{\"timestamp\": true}")]
    [InlineData("[1717171717]")]
    public void Read_falls_back_to_file_time_for_unusable_content(string content)
    {
        var heartbeat = Write(content);

        Assert.Equal(new DateTimeOffset(FileTime), heartbeat.Timestamp);
        Assert.True(heartbeat.FromFileTime);
    }

    [Fact]
    public void Read_keeps_json_fields_when_timestamp_is_missing()
    {
        var heartbeat = Write("""{"guilds": 4, "version": 7}""");

        Assert.Equal(new DateTimeOffset(FileTime), heartbeat.Timestamp);
        Assert.True(heartbeat.FromFileTime);
        Assert.Equal(4, heartbeat.Guilds);
        Assert.Equal("7", heartbeat.Version);
    }

    [Fact]
    public void Read_uses_file_time_for_oversized_file()
    {
        var heartbeat = Write(new string(' ', 70_000) + "1717171717");

        Assert.True(heartbeat.FromFileTime);
    }

    [Fact]
    public void Read_returns_null_for_missing_file()
    {
        Assert.Null(HeartbeatReader.Read(HeartbeatFile));
    }
}
