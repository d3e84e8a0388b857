// Sends a bounded load of forged webhook requests to a shooty listener on 127.0.0.1, with one
// signed push in the middle, and prints a markdown report.
// Usage: Harness URL SERVER_PID SECRET TIP [COUNT] [CONCURRENCY]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

var baseUri = new Uri(args[0]);
if (!IPAddress.IsLoopback(IPAddress.Parse(baseUri.Host.Trim('[', ']'))))
{
    Console.Error.WriteLine($"refusing to send load to {baseUri.Host}: only loopback is allowed");
    return 2;
}

var serverPid = int.Parse(args[1], CultureInfo.InvariantCulture);
var secret = Encoding.UTF8.GetBytes(args[2]);
var tip = args[3];
var count = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20_000;
var concurrency = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 32;
count = Math.Clamp(count, 1, 100_000);
concurrency = Math.Clamp(concurrency, 1, 256);

using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
{
    BaseAddress = baseUri,
    Timeout = TimeSpan.FromSeconds(30),
};

var oversized = new string('x', 70 * 1024);
var latencies = new double[count];
var statuses = new int[count];
var rssBefore = ReadRssKiB(serverPid);
var next = -1;
(int Status, double Ms)? signed = null;

var clock = Stopwatch.StartNew();
var workers = Enumerable
    .Range(0, concurrency)
    .Select(_ =>
        Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (i == count / 2)
                {
                    signed = await SendSignedPushAsync();
                }

                var started = Stopwatch.GetTimestamp();
                using var request = Forge(i);
                try
                {
                    using var response = await client.SendAsync(request);
                    statuses[i] = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    statuses[i] = -1;
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })
    )
    .ToArray();
await Task.WhenAll(workers);
clock.Stop();
var rssAfter = ReadRssKiB(serverPid);

Array.Sort(latencies);
var rejected = statuses.Count(status => status is < 200 or >= 300);
Console.WriteLine($"| forged requests | {count} at concurrency {concurrency} |");
Console.WriteLine("|---|---|");
Console.WriteLine(
    $"| wall time | {clock.Elapsed.TotalSeconds:0.00} s ({count / clock.Elapsed.TotalSeconds:0} requests/s) |"
);
Console.WriteLine($"| rejected | {rejected} of {count} ({100.0 * rejected / count:0.00} %) |");
foreach (var group in statuses.GroupBy(status => status).OrderBy(group => group.Key))
{
    var label =
        group.Key == -1 ? "connection error" : group.Key.ToString(CultureInfo.InvariantCulture);
    Console.WriteLine($"| status {label} | {group.Count()} |");
}

Console.WriteLine(
    $"| latency p50 / p99 / max | {Percentile(0.50):0.00} / {Percentile(0.99):0.00} / {latencies[^1]:0.00} ms |"
);
Console.WriteLine(
    $"| listener RSS before / after | {rssBefore / 1024.0:0.0} / {rssAfter / 1024.0:0.0} MiB |"
);
Console.WriteLine(
    signed is { } push
        ? $"| signed push in the middle of the load | status {push.Status} in {push.Ms:0.00} ms |"
        : "| signed push in the middle of the load | not sent |"
);
return signed is { Status: 202 } && rejected == count ? 0 : 1;

double Percentile(double p) => latencies[Math.Min(count - 1, (int)Math.Ceiling(p * count) - 1)];

// Builds one of eight kinds of forged request. The X-Forwarded-For address spreads them over
// many sources, as a botnet would, so the rate limit does not reject all of them.
HttpRequestMessage Forge(int i)
{
    var body = $"{{\"ref\":\"refs/heads/main\",\"after\":\"{i:x40}\"}}";
    var request = new HttpRequestMessage(HttpMethod.Post, "/update")
    {
        Content = new StringContent(
            i % 8 == 7 ? oversized : body,
            Encoding.UTF8,
            "application/json"
        ),
    };
    request.Headers.Add("X-GitHub-Event", "push");
    request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
    var source = $"203.0.113.{i % 250}";
    switch (i % 8)
    {
        case 0:
        case 1:
            request.Headers.Add(
                "X-Hub-Signature-256",
                "sha256=" + RandomNumberGenerator.GetHexString(64, true)
            );
            break;
        case 2:
            break;
        case 3:
            request.Headers.Add("X-Hub-Signature-256", "sha1=0123");
            break;
        case 4:
            // Signed with a wrong secret.
            request.Headers.Add(
                "X-Hub-Signature-256",
                Sign(Encoding.UTF8.GetBytes("guess"), Encoding.UTF8.GetBytes(body))
            );
            break;
        case 5:
            source = $"192.0.2.{i % 250}";
            break;
        case 6:
            source = "not-an-address";
            break;
    }

    request.Headers.Add("X-Forwarded-For", source);
    return request;
}

async Task<(int, double)> SendSignedPushAsync()
{
    var body = Encoding.UTF8.GetBytes(
        $"{{\"ref\":\"refs/heads/main\",\"after\":\"{tip}\",\"deleted\":false}}"
    );
    using var request = new HttpRequestMessage(HttpMethod.Post, "/update")
    {
        Content = new ByteArrayContent(body),
    };
    request.Content.Headers.ContentType = new("application/json");
    request.Headers.Add("X-GitHub-Event", "push");
    request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
    request.Headers.Add("X-Hub-Signature-256", Sign(secret, body));
    request.Headers.Add("X-Forwarded-For", "198.51.100.10");
    var started = Stopwatch.GetTimestamp();
    using var response = await client.SendAsync(request);
    return ((int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}

static string Sign(byte[] key, byte[] body) =>
    "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));

static long ReadRssKiB(int pid)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
        {
            return long.Parse(
                line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                CultureInfo.InvariantCulture
            );
        }
    }

    return 0;
}
