using ShootyTui.Core.Notifications;

namespace ShootyTui.Tests.Notifications;

public class WebhookAddressTests
{
    private const string Url = "https://discord.example.test/api/webhooks/123/tok_abcdefghijkl";

    [Fact]
    public void Resolve_prefers_the_process_environment()
    {
        var address = WebhookAddress.Resolve(
            "HOOK",
            _ => Url,
            new Dictionary<string, string> { ["HOOK"] = "https://other.example.test/a/b" }
        );

        Assert.Equal(
            "https://discord.example.test/api/webhooks/123/tok_abcdefghijkl/messages/9?wait=true",
            address!.RequestUri("9").AbsoluteUri
        );
    }

    [Fact]
    public void Resolve_falls_back_to_unlocked_secrets()
    {
        var address = WebhookAddress.Resolve(
            "HOOK",
            _ => null,
            new Dictionary<string, string> { ["HOOK"] = Url }
        );

        Assert.Equal(Url + "?wait=true", address!.RequestUri(null).AbsoluteUri);
    }

    [Fact]
    public void Resolve_returns_null_when_unset()
    {
        Assert.Null(WebhookAddress.Resolve("HOOK", _ => null, null));
    }

    [Fact]
    public void Request_uri_keeps_a_thread_query()
    {
        var address = WebhookAddress.Resolve("HOOK", _ => Url + "?thread_id=77", null)!;

        Assert.Equal(Url + "?thread_id=77&wait=true", address.RequestUri(null).AbsoluteUri);
    }

    [Fact]
    public void Redact_hides_the_url_and_its_token()
    {
        var address = WebhookAddress.Resolve("HOOK", _ => Url, null)!;

        var text = address.Redact($"failed: {Url} and token tok_abcdefghijkl again");

        Assert.Equal(
            "failed: https://discord.example.test/api/webhooks/123/*** and token *** again",
            text
        );
        Assert.Equal("https://discord.example.test/api/webhooks/123/***", address.ToString());
    }
}
