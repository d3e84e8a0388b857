using ShootyTui.Core.Configuration;
using Xunit;

namespace ShootyTui.Tests.Configuration;

public sealed class ByteSizesTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("1048576", 1_048_576)]
    [InlineData("10B", 10)]
    [InlineData("512KB", 512_000)]
    [InlineData("100MB", 100_000_000)]
    [InlineData("2GB", 2_000_000_000)]
    [InlineData("1TB", 1_000_000_000_000)]
    [InlineData("1KiB", 1024)]
    [InlineData("1MiB", 1_048_576)]
    [InlineData("3GiB", 3_221_225_472)]
    [InlineData("100mb", 100_000_000)]
    [InlineData("1mib", 1_048_576)]
    public void Parse_reads_valid_size(string text, long expectedBytes)
    {
        Assert.Equal(expectedBytes, ByteSizes.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("100 MB")]
    [InlineData("1.5GB")]
    [InlineData("-1MB")]
    [InlineData("100XB")]
    [InlineData("100M")]
    [InlineData("99999999TiB")]
    public void TryParse_rejects_invalid_size(string text)
    {
        Assert.False(ByteSizes.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "0B")]
    [InlineData(1500, "1500B")]
    [InlineData(1024, "1KiB")]
    [InlineData(1_048_576, "1MiB")]
    [InlineData(100_000_000, "100MB")]
    [InlineData(512_000, "500KiB")]
    public void Format_uses_largest_exact_unit(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSizes.Format(bytes));
    }
}
