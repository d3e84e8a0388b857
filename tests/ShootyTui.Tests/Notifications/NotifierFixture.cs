using ShootyTui.Core.Configuration;
using ShootyTui.Core.Notifications;
using ShootyTui.Core.State;
using ShootyTui.Tests.Supervision;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Notifications;

/// <summary>
/// A <see cref="DiscordNotifier"/> on a state.db in a temporary folder, configured from
/// shooty.toml text and pointed at a <see cref="DiscordStandIn"/> through the variable
/// <see cref="Variable"/>, with everything it logs collected.
/// </summary>
public sealed class NotifierFixture : IDisposable
{
    public const string Variable = "SHOOTY_TEST_DISCORD_URL";

    private readonly TempDirectory _folder = new("shooty-notify-");
    private readonly CollectingSink _sink;

    public NotifierFixture(
        string? mention = "<@&424242424242424242>",
        string botName = "ShootyBot",
        string username = "{username}"
    )
    {
        StandIn = new DiscordStandIn();
        var mentionLine = mention is null ? "" : $"mention_on_failure = \"{mention}\"\n";
        var toml = $"""
            [bot]
            name = "{botName}"
            path = "bot"
            start = "python3 bot.py"

            [notify.discord]
            webhook_url_env = "{Variable}"
            username = "{username}"
            {mentionLine}
            """;
        Config = ConfigLoader.Parse(
            toml,
            _folder.Combine("shooty.toml"),
            new Dictionary<string, string?> { ["HOME"] = _folder.Path }
        );
        State = new StateDatabase(_folder.Combine("state", "state.db"));
        Url = StandIn.Url;
        Notifier = new DiscordNotifier(
            Config,
            State,
            () => null,
            CollectingSink.CreateLogger(out _sink),
            TimeProvider.System,
            name => name == Variable ? Url : null
        );
    }

    public DiscordStandIn StandIn { get; }

    public ShootyConfig Config { get; }

    public StateDatabase State { get; }

    public DiscordNotifier Notifier { get; }

    /// <summary>The webhook URL the notifier reads; a test may point it elsewhere.</summary>
    public string? Url { get; set; }

    public IReadOnlyList<string> LogMessages => _sink.Messages;

    /// <summary>Queues <paramref name="message"/> and runs one delivery pass.</summary>
    public Task<DeliveryReport> SendAsync(WebhookMessage message, string? key = null)
    {
        Notifier.Outbox.Enqueue(key, message, DateTimeOffset.UtcNow);
        return Notifier.Delivery.DeliverAsync(ignoreBackoff: false, CancellationToken.None);
    }

    /// <summary>Asserts that no log line contains the webhook token.</summary>
    public void AssertTokenNeverLogged()
    {
        foreach (var message in LogMessages)
        {
            Assert.DoesNotContain(DiscordStandIn.Token, message);
        }
    }

    public void Dispose()
    {
        Notifier.Dispose();
        StandIn.Dispose();
        _folder.Dispose();
    }
}
