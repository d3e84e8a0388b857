using System.Diagnostics;
using System.Text.Json.Nodes;
using ShootyTui.Core.Updates;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.Notifications;

/// <summary>
/// Notifications of real updates and unattended runs on the demo deployment, sent to the
/// loopback stand-in. The webhook URL comes from the pipeline's extra environment, the way
/// unlocked secrets provide it.
/// </summary>
public class NotificationLifecycleTests
{
    private const string Role = "424242424242424242";

    [Fact(Timeout = 120000)]
    public async Task Successful_update_posts_then_edits_one_message()
    {
        using var standIn = new DiscordStandIn();
        await using var engine = await StartAsync(standIn);

        var result = await engine.UpdateAsync();
        await standIn.WaitForRequestsAsync(1, where: r => r.Method == "PATCH");

        Assert.Equal(UpdateOutcome.Succeeded, result.Outcome);
        var sends = standIn.Sends;
        Assert.Equal(2, sends.Count);
        Assert.Equal("POST", sends[0].Method);
        Assert.Equal("?wait=true", sends[0].Query);
        Assert.StartsWith("⏳ Updating shootybot-demo", Title(sends[0].Json!));
        Assert.Contains("chore(deps): bump scorefmt", Description(sends[0].Json!));
        var (id, message) = Assert.Single(standIn.Messages);
        Assert.EndsWith($"/messages/{id}", sends[1].Path);
        Assert.StartsWith("✅ shootybot-demo updated to", Title(message));
        Assert.Contains(Fields(message), field => (string?)field["name"] == "Downtime");
        Assert.Contains("chore(deps): bump scorefmt", Description(message));
        Assert.Empty(standIn.Violations);
    }

    [Fact(Timeout = 120000)]
    public async Task Rollback_message_shows_the_failed_step()
    {
        using var standIn = new DiscordStandIn();
        await using var engine = await StartAsync(standIn);
        await engine.Fixture.PushFailingSmokeTestAsync();

        var result = await engine.UpdateAsync();
        await standIn.WaitForRequestsAsync(3, where: r => r.Json is not null);

        Assert.Equal(UpdateOutcome.RolledBack, result.Outcome);
        var message = Assert.Single(standIn.Messages, m => m.Value["content"] is null).Value;
        Assert.Contains("failed, rolled back", Title(message));
        Assert.Contains(Fields(message), field =>
            (string?)field["name"] == "Failed step" && (string?)field["value"] == "smoke_test"
        );
        Assert.Contains("ZeroDivisionError", Description(message));
        Assert.Contains("```", Description(message));
        var ping = standIn.Sends.Single(send => send.Json!["content"] is not null);
        Assert.Equal([$"role:{Role}"], DiscordStandIn.Pinged(ping.Json!));
        Assert.Empty(standIn.Violations);
    }

    [Fact(Timeout = 120000)]
    public async Task Update_proceeds_while_the_endpoint_hangs()
    {
        using var standIn = new DiscordStandIn { Hang = true };
        await using var engine = await StartAsync(standIn);

        var clock = Stopwatch.StartNew();
        var result = await engine.UpdateAsync();
        clock.Stop();

        Assert.Equal(UpdateOutcome.Succeeded, result.Outcome);
        // The first request hangs for its full timeout; the update must not have waited for it.
        await standIn.WaitForRequestsAsync(1);
        Assert.True(
            clock.Elapsed < Core.Notifications.DiscordNotifier.RequestTimeout,
            $"the update took {clock.Elapsed.TotalSeconds:0.0} s"
        );
        var queued = Assert.Single(engine.Deployment.Notifications!.Outbox.All());
        Assert.Contains("updated to", queued.Payload);
    }

    [Fact(Timeout = 120000)]
    public async Task Outage_is_delivered_by_the_next_auto_run()
    {
        using var standIn = new DiscordStandIn { Down = true };
        await using var engine = await StartAsync(standIn);

        var result = await engine.UpdateAsync();
        await standIn.WaitForRequestsAsync(1);
        Assert.Equal(UpdateOutcome.Succeeded, result.Outcome);
        Assert.NotEmpty(engine.Deployment.Notifications!.Outbox.All());

        standIn.Down = false;
        var auto = await new AutoRun(engine.Deployment).RunAsync(CancellationToken.None);

        Assert.Equal(0, auto.ExitCode);
        Assert.Empty(engine.Deployment.Notifications.Outbox.All());
        var message = Assert.Single(standIn.Messages).Value;
        Assert.StartsWith("✅ shootybot-demo updated to", Title(message));
    }

    [Fact(Timeout = 120000)]
    public async Task Pending_tip_is_announced_once()
    {
        using var standIn = new DiscordStandIn();
        await using var engine = await StartAsync(standIn);
        var auto = new AutoRun(engine.Deployment);

        await auto.RunAsync(CancellationToken.None);
        await auto.RunAsync(CancellationToken.None);
        Assert.Single(PendingCards(standIn));

        await engine.Fixture.PushAsync(
            "docs: add notes",
            new Dictionary<string, string?> { ["NOTES.md"] = "new" }
        );
        await auto.RunAsync(CancellationToken.None);

        var cards = PendingCards(standIn);
        Assert.Equal(2, cards.Count);
        Assert.Equal("📦 shootybot-demo: 3 commits pending", Title(cards[0]));
        Assert.Equal("📦 shootybot-demo: 4 commits pending", Title(cards[1]));
        Assert.Contains(Fields(cards[1]), field =>
            (string?)field["value"] == "auto updates are off: run `shooty update`"
        );
    }

    [Fact(Timeout = 120000)]
    public async Task Watchdog_restart_is_announced_on_change_only()
    {
        using var standIn = new DiscordStandIn();
        await using var engine = await StartAsync(standIn);
        var auto = new AutoRun(engine.Deployment);
        await auto.RunAsync(CancellationToken.None);
        await engine.Deployment.Supervisor.StopAsync(CancellationToken.None);

        await auto.RunAsync(CancellationToken.None);
        await auto.RunAsync(CancellationToken.None);

        var health = standIn
            .Messages.Values.Where(message => !Title(message).StartsWith("📦"))
            .ToList();
        var card = Assert.Single(health);
        Assert.Equal("🔁 shootybot-demo was unhealthy and was restarted", Title(card));
        Assert.Contains("restarted and healthy again", Description(card));
    }

    private static async Task<EngineHarness> StartAsync(DiscordStandIn standIn)
    {
        var engine = await EngineHarness.StartAsync(toml =>
            toml
            + $"""

                [notify.discord]
                webhook_url_env = "{NotifierFixture.Variable}"
                mention_on_failure = "<@&{Role}>"
                """
        );
        engine.Deployment.Pipeline.ExtraEnvironment = () =>
            new Dictionary<string, string> { [NotifierFixture.Variable] = standIn.Url };
        return engine;
    }

    private static List<JsonObject> PendingCards(DiscordStandIn standIn) =>
        standIn
            .Messages.Values.Where(message => Title(message).StartsWith("📦"))
            .OrderBy(message => (string?)message["id"])
            .ToList();

    private static string Title(JsonObject message) => (string)message["embeds"]![0]!["title"]!;

    private static string Description(JsonObject message) =>
        (string)message["embeds"]![0]!["description"]!;

    private static List<JsonObject> Fields(JsonObject message) =>
        message["embeds"]![0]!["fields"]!.AsArray().Select(field => (JsonObject)field!).ToList();
}
