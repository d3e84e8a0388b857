using System.Net;

namespace ShootyTui.Tests.Web;

public sealed class WebhookSourceTests
{
    // 192.0.2.0/24 and 198.51.100.0/24 are documentation ranges: they appear only in headers,
    // and every request goes to the loopback listener.
    private const string OnlyDocumentationRange = """
        allow_networks = ["192.0.2.0/24"]
        rate_limit = "100/s"
        """;

    [Fact(Timeout = 60000)]
    public async Task Source_outside_allow_networks_is_403()
    {
        await using var webhook = await WebhookHarness.StartAsync(OnlyDocumentationRange);

        using var response = await webhook.PingAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(webhook.Engine.LogMessages, line =>
            line.Contains("from 127.0.0.1", StringComparison.Ordinal)
            && line.Contains("source not allowed", StringComparison.Ordinal)
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Forwarded_for_from_untrusted_peer_is_ignored()
    {
        await using var webhook = await WebhookHarness.StartAsync(OnlyDocumentationRange);

        using var response = await webhook.PingAsync(forwardedFor: "192.0.2.7");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact(Timeout = 60000)]
    public async Task Trusted_proxy_forwards_right_most_untrusted_address()
    {
        await using var webhook = await WebhookHarness.StartAsync(
            OnlyDocumentationRange + "\ntrusted_proxies = [\"127.0.0.1\"]"
        );

        // The client may put anything on the left; the proxy appended the real address.
        using var allowed = await webhook.PingAsync(forwardedFor: "198.51.100.9, 192.0.2.7");
        using var spoofed = await webhook.PingAsync(forwardedFor: "192.0.2.7, 198.51.100.9");
        using var garbage = await webhook.PingAsync(forwardedFor: "192.0.2.7, not-an-address");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, spoofed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, garbage.StatusCode);
        Assert.Contains(webhook.Engine.LogMessages, line =>
            line.Contains("from 192.0.2.7 via 127.0.0.1", StringComparison.Ordinal)
        );
    }

    [Fact(Timeout = 60000)]
    public async Task Rate_limit_answers_429_with_retry_after()
    {
        await using var webhook = await WebhookHarness.StartAsync(
            """
            allow_networks = ["127.0.0.0/8"]
            rate_limit = "3/m"
            """
        );

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await webhook.PingAsync();
            statuses.Add(response.StatusCode);
        }

        using var limited = await webhook.PingAsync();
        using var health = await webhook.Client.GetAsync("/health");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact(Timeout = 60000)]
    public async Task Listener_serves_ipv6_loopback()
    {
        await using var webhook = await WebhookHarness.StartAsync(listen: IPAddress.IPv6Loopback);

        using var response = await webhook.PingAsync();

        Assert.Equal("[::1]", webhook.Server.Addresses[0].Host);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
