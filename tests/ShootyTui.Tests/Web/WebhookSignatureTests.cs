using System.Net;
using System.Text;

namespace ShootyTui.Tests.Web;

public sealed class WebhookSignatureTests
{
    [Fact(Timeout = 60000)]
    public async Task Signature_wrong_is_401_without_the_expected_digest()
    {
        await using var webhook = await WebhookHarness.StartAsync();
        var body = WebhookHarness.PushJson("refs/heads/main", new string('a', 40));
        var expected = webhook.Signer.Sign(Encoding.UTF8.GetBytes(body));

        using var response = await webhook.SendAsync(
            "push",
            body,
            signature: "sha256=" + new string('0', 64)
        );
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(expected["sha256=".Length..], text, StringComparison.Ordinal);
        Assert.Equal(0, webhook.Server.Updates.RunsStarted);
    }

    [Fact(Timeout = 60000)]
    public async Task Signature_missing_or_malformed_is_401()
    {
        await using var webhook = await WebhookHarness.StartAsync();
        var body = WebhookHarness.PushJson("refs/heads/main", new string('a', 40));

        using var missing = await webhook.SendAsync("push", body, sign: false);
        using var noPrefix = await webhook.SendAsync(
            "push",
            body,
            signature: webhook.Signer.Sign(Encoding.UTF8.GetBytes(body))["sha256=".Length..]
        );
        using var notHex = await webhook.SendAsync(
            "push",
            body,
            signature: "sha256=" + new string('z', 64)
        );
        // Signed over other bytes: the signature must cover the raw body exactly.
        using var otherBody = await webhook.SendAsync(
            "push",
            body,
            signature: webhook.Signer.Sign(Encoding.UTF8.GetBytes(body + " "))
        );

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noPrefix.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, notHex.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherBody.StatusCode);
        Assert.Equal(0, webhook.Server.Updates.RunsStarted);
    }

    [Fact(Timeout = 60000)]
    public async Task Form_encoded_push_is_verified_over_raw_bytes()
    {
        await using var webhook = await WebhookHarness.StartAsync();
        var tip = webhook.Engine.Deployment.Git.GetStatus().HeadCommit;
        var json = WebhookHarness.PushJson("refs/heads/main", tip);
        var form = "payload=" + Uri.EscapeDataString(json);

        using var response = await webhook.SendAsync(
            "push",
            form,
            contentType: "application/x-www-form-urlencoded"
        );
        await webhook.WaitIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, webhook.Server.Updates.RunsStarted);
    }

    [Fact(Timeout = 60000)]
    public async Task Unsupported_content_type_is_415()
    {
        await using var webhook = await WebhookHarness.StartAsync();

        using var response = await webhook.SendAsync("ping", "zen", contentType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact(Timeout = 60000)]
    public async Task Insecure_listener_accepts_unsigned_requests()
    {
        await using var webhook = await WebhookHarness.StartAsync(signed: false);

        using var response = await webhook.SendAsync("ping", "{}", sign: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
