using ShootyTui.Core.Configuration;
using Xunit;

namespace ShootyTui.Tests.Configuration;

/// <summary>
/// <c>[update] overlap</c> above zero is accepted only where both slots can really run: a
/// blue-green deployment under the process supervisor whose heartbeat lives in the checkout.
/// </summary>
public sealed class ConfigOverlapTests : IDisposable
{
    private const string BlueGreen =
        ConfigText.Minimal
        + """

            [update]
            strategy = "blue-green"
            overlap = "30s"

            """;

    private readonly ConfigTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Overlap_binds_for_blue_green_process_bot()
    {
        var config = _folder.Parse(BlueGreen);

        Assert.Equal(TimeSpan.FromSeconds(30), config.Update.Overlap);
    }

    [Fact]
    public void Overlap_in_place_is_error()
    {
        var exception = _folder.ParseInvalid(BlueGreen.Replace("blue-green", "in-place"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("update.overlap", error.Key);
        Assert.Equal((8, 11), (error.Line, error.Column));
        Assert.StartsWith(
            "an overlap of 30 s needs [update] strategy = \"blue-green\"",
            error.Detail
        );
        Assert.EndsWith("set overlap = \"0s\" or switch the strategy", error.Detail);
    }

    [Theory]
    [InlineData("systemd", "unit = \"bot.service\"")]
    [InlineData("commands", "stop = \"./stop.sh\"\nis_running = \"./alive.sh\"")]
    public void Overlap_with_single_instance_supervisor_is_error(string kind, string keys)
    {
        var text = BlueGreen.Replace(
            "start = \"python3 bot.py\"\n",
            $"start = \"python3 bot.py\"\nsupervisor = \"{kind}\"\n{keys}\n"
        );

        var exception = _folder.ParseInvalid(text);

        var error = Assert.Single(exception.Errors);
        Assert.Equal("update.overlap", error.Key);
        Assert.Equal(
            $"an overlap of 30 s needs [bot] supervisor = \"process\": the {kind} supervisor "
                + "runs one instance of the bot, so the slots cannot overlap; set overlap = \"0s\"",
            error.Detail
        );
    }

    [Fact]
    public void Overlap_with_shared_heartbeat_is_error()
    {
        var text = BlueGreen.Replace(
            "start = \"python3 bot.py\"\n",
            "start = \"python3 bot.py\"\nheartbeat_file = \"shared/.bot_health\"\n"
        );

        var exception = _folder.ParseInvalid(text);

        var error = Assert.Single(exception.Errors);
        Assert.Equal("update.overlap", error.Key);
        Assert.Contains(
            $"needs a heartbeat file inside [bot] path, but it is "
                + $"'{Path.Join(_folder.Root, "shared", ".bot_health")}'",
            error.Detail
        );
    }

    [Theory]
    [InlineData("bot/.bot_health")]
    [InlineData("bot/run/health.json")]
    public void Overlap_with_heartbeat_in_checkout_is_valid(string heartbeat)
    {
        var text = BlueGreen.Replace(
            "start = \"python3 bot.py\"\n",
            $"start = \"python3 bot.py\"\nheartbeat_file = \"{heartbeat}\"\n"
        );

        var config = _folder.Parse(text);

        Assert.Equal(TimeSpan.FromSeconds(30), config.Update.Overlap);
    }

    [Fact]
    public void Strategy_typo_is_the_only_error()
    {
        var exception = _folder.ParseInvalid(BlueGreen.Replace("blue-green", "blue_green"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("update.strategy", error.Key);
        Assert.Contains("blue_green", error.Detail);
    }

    [Fact]
    public void Zero_overlap_is_valid_everywhere()
    {
        var text = BlueGreen.Replace("blue-green", "in-place").Replace("30s", "0s");

        var config = _folder.Parse(text);

        Assert.Equal(TimeSpan.Zero, config.Update.Overlap);
    }
}
