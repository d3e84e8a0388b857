using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ShootyTui.Tests.Support;
using ShootyTui.Web;

namespace ShootyTui.Tests.Web;

/// <summary>
/// A demo deployment with a running bot and a webhook listener on an ephemeral loopback port,
/// plus a client that sends signed GitHub-style deliveries to it.
/// </summary>
public sealed class WebhookHarness : IAsyncDisposable
{
    public const string Secret = "it's a secret to everybody";

    private static int _deliveries;

    private WebhookHarness(EngineHarness engine, WebhookServer server)
    {
        Engine = engine;
        Server = server;
        Signer = new SignatureVerifier(Encoding.UTF8.GetBytes(Secret));
        Client = new HttpClient { BaseAddress = server.Addresses[0] };
    }

    public EngineHarness Engine { get; }

    public WebhookServer Server { get; }

    public SignatureVerifier Signer { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// Starts the demo and the listener. <paramref name="webhookToml"/> is the body of the
    /// <c>[webhook]</c> table; the default allows loopback sources and 100 requests a second.
    /// </summary>
    public static async Task<WebhookHarness> StartAsync(
        string? webhookToml = null,
        Func<string, string>? editToml = null,
        IPAddress? listen = null,
        bool signed = true
    )
    {
        var table = webhookToml
            ?? """
                allow_networks = ["127.0.0.0/8", "::1"]
                rate_limit = "100/s"
                max_body = "4KiB"
                """;
        var engine = await EngineHarness.StartAsync(toml =>
            (editToml ?? (text => text))(toml) + "\n[webhook]\n" + table + "\n"
        );
        try
        {
            var server = await WebhookServer.StartAsync(
                new WebhookServerOptions
                {
                    Deployment = engine.Deployment,
                    Secret = signed ? Encoding.UTF8.GetBytes(Secret) : null,
                    Listen = new IPEndPoint(listen ?? IPAddress.Loopback, 0),
                    LockRetryInterval = TimeSpan.FromMilliseconds(200),
                },
                CancellationToken.None
            );
            return new WebhookHarness(engine, server);
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    public static string NewDeliveryId() =>
        $"00000000-0000-0000-0000-{Interlocked.Increment(ref _deliveries):D12}";

    public static string PushJson(string gitRef, string after, bool deleted = false) =>
        "{\"ref\":\""
        + gitRef
        + "\",\"before\":\""
        + new string('1', 40)
        + "\",\"after\":\""
        + after
        + "\",\"deleted\":"
        + (deleted ? "true" : "false")
        + ",\"repository\":{\"full_name\":\"example/shootybot\"}}";

    /// <summary>Sends one delivery to the webhook path, signed unless <paramref name="sign"/> is false.</summary>
    public Task<HttpResponseMessage> SendAsync(
        string eventName,
        string body,
        string? deliveryId = null,
        string contentType = "application/json",
        string? signature = null,
        bool sign = true,
        string? forwardedFor = null
    )
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/update")
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId ?? NewDeliveryId());
        if (sign || signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature ?? Signer.Sign(bytes));
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PushAsync(string after, string? deliveryId = null) =>
        SendAsync("push", PushJson("refs/heads/main", after), deliveryId);

    public Task<HttpResponseMessage> PingAsync(string? forwardedFor = null) =>
        SendAsync("ping", """{"zen":"Keep it logically awesome."}""", forwardedFor: forwardedFor);

    /// <summary>Waits until the listener has no update running or queued.</summary>
    public async Task WaitIdleAsync()
    {
        var idle = Server.Updates.WhenIdleAsync();
        var finished = await Task.WhenAny(idle, Task.Delay(TimeSpan.FromSeconds(50)));
        Assert.True(finished == idle, "the webhook update did not finish within 50 s");
    }

    public IReadOnlyList<Core.Updates.UpdateRecord> WebhookUpdates() =>
        [
            .. Engine
                .Deployment.Journal.List(100)
                .Where(record => record.Trigger == "webhook")
                .OrderBy(record => record.Id),
        ];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await Server.DisposeAsync();
        }
        finally
        {
            await Engine.DisposeAsync();
        }
    }
}
