using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ShootyTui.Tests.Notifications;

/// <summary>
/// A loopback HTTP server that behaves like Discord's webhook endpoint: it checks every payload
/// against Discord's size limits, returns a message id for <c>?wait=true</c>, accepts PATCH
/// edits of its messages, and on request responds with 429 and <c>retry_after</c>, with a given
/// status, or not at all.
/// </summary>
public sealed partial class DiscordStandIn : IDisposable
{
    public const string WebhookId = "112233445566778899";
    public const string Token = "stand-in-token-Zx9_secret";

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Func<HttpListenerResponse, bool>> _scripted = new();
    private readonly Task _loop;
    private long _nextId = 1_300_000_000_000_000_000;

    public DiscordStandIn()
    {
        (_listener, Port) = Listen();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>The webhook URL, token included, as Discord shows it.</summary>
    public string Url => $"http://127.0.0.1:{Port}/api/webhooks/{WebhookId}/{Token}";

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>The current JSON of every message posted with <c>?wait=true</c>, by id.</summary>
    public ConcurrentDictionary<string, JsonObject> Messages { get; } = new();

    /// <summary>Limit violations found in payloads; each one got a 400 response.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>When true, requests are read and then left without a response.</summary>
    public bool Hang { get; set; }

    /// <summary>When true, every request gets a 503 response, as during an outage.</summary>
    public bool Down { get; set; }

    /// <summary>Responds to the next request with 429 and this <c>retry_after</c> in seconds.</summary>
    public void RateLimitNext(double retryAfterSeconds) =>
        _scripted.Enqueue(response =>
        {
            var seconds = retryAfterSeconds.ToString(
                System.Globalization.CultureInfo.InvariantCulture
            );
            Write(
                response,
                429,
                $$"""{"message": "You are being rate limited.", "retry_after": {{seconds}}, "global": false}"""
            );
            return true;
        });

    /// <summary>Responds to the next <paramref name="count"/> requests with this status and body.</summary>
    public void FailNext(int count, int status, string body = """{"message": "Server error"}""")
    {
        for (var i = 0; i < count; i++)
        {
            _scripted.Enqueue(response =>
            {
                Write(response, status, body);
                return true;
            });
        }
    }

    /// <summary>Requests that carried a message (POST or PATCH), with their parsed bodies.</summary>
    public IReadOnlyList<ReceivedRequest> Sends =>
        Requests.Where(request => request.Json is not null).ToList();

    public async Task<ReceivedRequest> WaitForRequestsAsync(
        int count,
        TimeSpan? timeout = null,
        Func<ReceivedRequest, bool>? where = null
    )
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var matching = Requests.Where(where ?? (_ => true)).ToList();
            if (matching.Count >= count)
            {
                return matching[count - 1];
            }

            Assert.True(
                DateTime.UtcNow < deadline,
                $"the stand-in received {matching.Count} matching request(s), expected {count}"
            );
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener throws when it is closed under a pending accept.
        }
    }

    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private static void Write(HttpListenerResponse response, int status, string body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }
}
