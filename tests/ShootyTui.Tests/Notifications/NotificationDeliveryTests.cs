using System.Net;
using System.Net.Sockets;
using ShootyTui.Core.Notifications;

namespace ShootyTui.Tests.Notifications;

public class NotificationDeliveryTests
{
    [Fact(Timeout = 60000)]
    public async Task Rate_limited_message_is_sent_after_retry_after()
    {
        using var fixture = new NotifierFixture();
        fixture.StandIn.RateLimitNext(0.6);

        var report = await fixture.SendAsync(Card(fixture, "rate limited"));

        Assert.Equal(1, report.Sent);
        Assert.Equal(0, report.Remaining);
        var requests = fixture.StandIn.Requests.ToList();
        Assert.Equal(2, requests.Count);
        var gap = requests[1].ReceivedAt - requests[0].ReceivedAt;
        Assert.True(
            gap >= TimeSpan.FromMilliseconds(550),
            $"retried after {gap.TotalMilliseconds} ms"
        );
        Assert.Single(fixture.StandIn.Messages);
    }

    [Fact(Timeout = 60000)]
    public async Task Long_rate_limit_leaves_message_queued()
    {
        using var fixture = new NotifierFixture();
        fixture.StandIn.RateLimitNext(3600);

        var report = await fixture.SendAsync(Card(fixture, "later"));

        Assert.Equal(0, report.Sent);
        var entry = Assert.Single(fixture.Notifier.Outbox.All());
        Assert.True(entry.NextAttemptAt > DateTimeOffset.UtcNow.AddMinutes(59));
    }

    [Fact(Timeout = 60000)]
    public async Task Server_error_keeps_message_queued_with_backoff()
    {
        using var fixture = new NotifierFixture();
        fixture.StandIn.FailNext(1, 500);

        var first = await fixture.SendAsync(Card(fixture, "after the outage"));
        var duringBackoff = await fixture.Notifier.Delivery.DeliverAsync(false, default);
        var nextRun = await fixture.Notifier.Delivery.DeliverAsync(true, default);

        Assert.Equal(0, first.Sent);
        Assert.Equal(1, first.Remaining);
        Assert.Equal(0, duringBackoff.Sent);
        Assert.Equal(1, nextRun.Sent);
        Assert.Equal(0, nextRun.Remaining);
        Assert.Equal(2, fixture.StandIn.Requests.Count);
        Assert.Contains(fixture.LogMessages, line => line.Contains("HTTP 500"));
        fixture.AssertTokenNeverLogged();
    }

    [Fact(Timeout = 60000)]
    public async Task Outage_stops_the_pass_at_the_first_failure()
    {
        using var fixture = new NotifierFixture();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++)
        {
            fixture.Notifier.Outbox.Enqueue(null, Card(fixture, $"message {i}"), now);
        }

        fixture.StandIn.Down = true;
        var report = await fixture.Notifier.Delivery.DeliverAsync(true, default);

        Assert.Single(fixture.StandIn.Requests);
        Assert.Equal(3, report.Remaining);

        fixture.StandIn.Down = false;
        var after = await fixture.Notifier.Delivery.DeliverAsync(true, default);

        Assert.Equal(3, after.Sent);
        var titles = fixture
            .StandIn.Sends.Skip(1)
            .Select(s => (string?)s.Json!["embeds"]![0]!["title"]);
        Assert.Equal(["message 0", "message 1", "message 2"], titles);
    }

    [Fact(Timeout = 60000)]
    public async Task Client_error_is_logged_with_response_and_dropped()
    {
        using var fixture = new NotifierFixture();
        fixture.StandIn.FailNext(1, 400, """{"message": "Invalid Form Body", "code": 50035}""");

        var report = await fixture.SendAsync(Card(fixture, "rejected"));

        Assert.Equal(1, report.Dropped);
        Assert.Equal(0, report.Remaining);
        Assert.Contains(fixture.LogMessages, line =>
            line.Contains("HTTP 400") && line.Contains("Invalid Form Body")
        );
        fixture.AssertTokenNeverLogged();
    }

    [Fact(Timeout = 60000)]
    public async Task Network_error_keeps_message_and_hides_the_url()
    {
        using var fixture = new NotifierFixture();
        fixture.Url = $"http://127.0.0.1:{ClosedPort()}/api/webhooks/1/{DiscordStandIn.Token}";

        var report = await fixture.SendAsync(Card(fixture, "unreachable"));

        Assert.Equal(1, report.Remaining);
        Assert.Contains(fixture.LogMessages, line => line.Contains("not delivered"));
        Assert.Contains(fixture.LogMessages, line => line.Contains("/api/webhooks/1/***"));
        fixture.AssertTokenNeverLogged();
    }

    [Fact(Timeout = 60000)]
    public async Task Hanging_endpoint_times_out_and_keeps_message()
    {
        using var fixture = new NotifierFixture();
        fixture.StandIn.Hang = true;
        var client = new DiscordWebhookClient(new HttpClient(), TimeSpan.FromSeconds(1));
        var address = WebhookAddress.Resolve("URL", _ => fixture.StandIn.Url, null)!;

        var response = await client.SendAsync(address, null, "{}", default);

        Assert.Equal(0, response.Status);
        Assert.Equal("no response within 1 s", response.Error);
    }

    [Fact(Timeout = 60000)]
    public async Task Keyed_messages_are_posted_once_then_edited()
    {
        using var fixture = new NotifierFixture();

        await fixture.SendAsync(Card(fixture, "started"), "update:1");
        await fixture.SendAsync(Card(fixture, "finished"), "update:1");

        var requests = fixture.StandIn.Requests.ToList();
        Assert.Equal("POST", requests[0].Method);
        Assert.Equal("?wait=true", requests[0].Query);
        var id = Assert.Single(fixture.StandIn.Messages).Key;
        Assert.Equal("PATCH", requests[1].Method);
        Assert.EndsWith($"/messages/{id}", requests[1].Path);
        Assert.Equal("finished", (string?)fixture.StandIn.Messages[id]["embeds"]![0]!["title"]);
    }

    [Fact(Timeout = 60000)]
    public async Task Deleted_message_is_posted_anew()
    {
        using var fixture = new NotifierFixture();
        fixture.Notifier.Outbox.SetMessageId("update:2", "1", DateTimeOffset.UtcNow);

        var report = await fixture.SendAsync(Card(fixture, "reposted"), "update:2");

        Assert.Equal(1, report.Sent);
        Assert.Equal(["PATCH", "POST"], fixture.StandIn.Requests.Select(r => r.Method));
        var id = Assert.Single(fixture.StandIn.Messages).Key;
        Assert.Equal(id, fixture.Notifier.Outbox.MessageId("update:2"));
    }

    [Fact]
    public void Newer_entry_replaces_unsent_same_key()
    {
        using var fixture = new NotifierFixture();
        var now = DateTimeOffset.UtcNow;

        fixture.Notifier.Outbox.Enqueue("update:3", Card(fixture, "started"), now);
        fixture.Notifier.Outbox.Enqueue("update:3", Card(fixture, "finished"), now);
        fixture.Notifier.Outbox.Enqueue(null, Card(fixture, "other"), now);

        var entries = fixture.Notifier.Outbox.All();
        Assert.Equal(2, entries.Count);
        Assert.Contains("finished", entries[0].Payload);
    }

    [Fact(Timeout = 60000)]
    public async Task Missing_url_variable_keeps_messages_queued()
    {
        using var fixture = new NotifierFixture();
        fixture.Url = null;

        var report = await fixture.SendAsync(Card(fixture, "waiting"));

        Assert.Equal(1, report.Remaining);
        Assert.Empty(fixture.StandIn.Requests);
        Assert.Contains(fixture.LogMessages, line =>
            line.Contains(NotifierFixture.Variable) && line.Contains("not set")
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Invalid_url_is_reported_without_its_value()
    {
        using var fixture = new NotifierFixture();
        fixture.Url = "not-a-url-but-secret-text";

        var report = await fixture.SendAsync(Card(fixture, "waiting"));

        Assert.Equal(1, report.Remaining);
        Assert.Contains(fixture.LogMessages, line => line.Contains("does not hold a webhook URL"));
        Assert.DoesNotContain(fixture.LogMessages, line => line.Contains("secret-text"));
    }

    private static WebhookMessage Card(NotifierFixture fixture, string title) =>
        fixture.Notifier.Messages.Card(new Embed(title, "text", 0, [], null, null));

    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
