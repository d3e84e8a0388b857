using ShootyTui.Core.Configuration;
using Xunit;

namespace ShootyTui.Tests.Configuration;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("0s", 0)]
    [InlineData("500ms", 500)]
    [InlineData("90s", 90_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("2d", 172_800_000)]
    [InlineData("1h0m5s250ms", 3_605_250)]
    public void Parse_reads_valid_duration(string text, long expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), Durations.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5 minutes")]
    [InlineData("5 m")]
    [InlineData("5min")]
    [InlineData("-5s")]
    [InlineData("1.5h")]
    [InlineData("30m1h")]
    [InlineData("1m1m")]
    [InlineData("m")]
    [InlineData("5s ")]
    [InlineData("99999999999999d")]
    public void TryParse_rejects_invalid_duration(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }

    [Fact]
    public void Parse_error_names_value_and_fix()
    {
        var exception = Assert.Throws<FormatException>(() => Durations.Parse("5 minutes"));

        Assert.Equal(
            "invalid duration \"5 minutes\"; "
                + "use a number and unit such as \"90s\", \"5m\" or \"1h\"",
            exception.Message
        );
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(90_000, "1m30s")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(90_061_001, "1d1h1m1s1ms")]
    [InlineData(-30_000, "-30s")]
    public void Format_writes_largest_units_first(long milliseconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData("90s")]
    [InlineData("1h30m")]
    [InlineData("3d4h5m6s7ms")]
    public void Format_output_parses_back(string text)
    {
        var duration = Durations.Parse(text);

        Assert.Equal(duration, Durations.Parse(Durations.Format(duration)));
    }
}
