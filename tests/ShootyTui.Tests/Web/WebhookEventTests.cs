using System.Net;
using System.Text;

namespace ShootyTui.Tests.Web;

public sealed class WebhookEventTests
{
    [Fact(Timeout = 60000)]
    public async Task Ping_is_answered_with_200()
    {
        await using var webhook = await WebhookHarness.StartAsync();

        using var response = await webhook.PingAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong\n", await response.Content.ReadAsStringAsync());
    }

    [Fact(Timeout = 60000)]
    public async Task Push_ignored_for_other_branch_tag_and_deletion()
    {
        await using var webhook = await WebhookHarness.StartAsync();
        var tip = new string('b', 40);
        var cases = new (string Body, string Reason)[]
        {
            (WebhookHarness.PushJson("refs/heads/feature", tip), "push to refs/heads/feature"),
            (WebhookHarness.PushJson("refs/tags/v2.0", tip), "refs/tags/v2.0 is not a branch"),
            (
                WebhookHarness.PushJson("refs/heads/main", new string('0', 40), deleted: true),
                "refs/heads/main was deleted"
            ),
        };

        foreach (var (body, reason) in cases)
        {
            using var response = await webhook.SendAsync("push", body);
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Contains(reason, text, StringComparison.Ordinal);
            Assert.Contains(webhook.Engine.LogMessages, line =>
                line.Contains(reason, StringComparison.Ordinal)
            );
        }

        Assert.Equal(0, webhook.Server.Updates.RunsStarted);
    }

    [Fact(Timeout = 60000)]
    public async Task Other_events_are_acknowledged_and_ignored()
    {
        await using var webhook = await WebhookHarness.StartAsync();

        using var response = await webhook.SendAsync("issues", """{"action":"opened"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, webhook.Server.Updates.RunsStarted);
        Assert.Contains(webhook.Engine.LogMessages, line =>
            line.Contains("event issues", StringComparison.Ordinal)
            && line.Contains("not a push", StringComparison.Ordinal)
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Oversized_body_is_413()
    {
        await using var webhook = await WebhookHarness.StartAsync();
        var body = "{\"ref\":\"refs/heads/main\",\"pad\":\"" + new string('x', 5000) + "\"}";

        using var declared = await webhook.SendAsync("push", body);
        // Chunked transfer has no Content-Length, so the limit applies while reading.
        var request = new HttpRequestMessage(HttpMethod.Post, "/update")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-GitHub-Event", "push");
        using var chunked = await webhook.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(0, webhook.Server.Updates.RunsStarted);
    }

    [Fact(Timeout = 60000)]
    public async Task Redelivery_does_nothing_twice()
    {
        await using var webhook = await WebhookHarness.StartAsync();
        var head = webhook.Engine.Deployment.Git.GetStatus().HeadCommit;
        var id = WebhookHarness.NewDeliveryId();

        using var first = await webhook.PushAsync(head, id);
        await webhook.WaitIdleAsync();
        using var second = await webhook.PushAsync(head, id);
        var text = await second.Content.ReadAsStringAsync();
        await webhook.WaitIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Contains("already received", text, StringComparison.Ordinal);
        Assert.Equal(1, webhook.Server.Updates.RunsStarted);
    }

    [Fact(Timeout = 60000)]
    public async Task Health_answers_json_and_unknown_paths_404()
    {
        await using var webhook = await WebhookHarness.StartAsync();

        using var health = await webhook.Client.GetAsync("/health");
        using var unknown = await webhook.Client.PostAsync("/admin", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(
            """{"status":"ok","updates_started":0}""",
            await health.Content.ReadAsStringAsync()
        );
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
