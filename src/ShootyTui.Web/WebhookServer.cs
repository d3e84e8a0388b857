using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShootyTui.Core.Configuration;

namespace ShootyTui.Web;

/// <summary>
/// The GitHub push-webhook listener on Kestrel: <c>POST [webhook] path</c> and <c>GET
/// /health</c>, behind a source-address filter and a per-source rate limit.
/// </summary>
public sealed partial class WebhookServer : IAsyncDisposable
{
    private const string HealthPath = "/health";

    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, UpdateQueue updates, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        Updates = updates;
        Addresses = addresses;
    }

    /// <summary>The bound addresses, such as <c>http://127.0.0.1:9000</c>.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    public UpdateQueue Updates { get; }

    /// <exception cref="IOException">The listen address cannot be bound.</exception>
    public static async Task<WebhookServer> StartAsync(
        WebhookServerOptions options,
        CancellationToken ct
    )
    {
        var deployment = options.Deployment;
        var config = deployment.Config.Webhook;
        var listen = options.Listen ?? config.Listen;
        var updates = new UpdateQueue(deployment, options.LockRetryInterval, options.LockAttempts);
        var endpoint = new WebhookEndpoint(
            config,
            options.Secret is { } secret ? new SignatureVerifier(secret) : null,
            new DeliveryStore(deployment.State),
            updates,
            deployment.Time
        );
        var deliveryLog = new DeliveryLog(deployment.Log, deployment.Time);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(listen);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = config.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddRateLimiter(limiter => ConfigureRateLimit(limiter, config));

        var app = builder.Build();
        app.Use(
            (context, next) => FilterSourceAsync(context, next, config, deliveryLog, deployment.Log)
        );
        app.UseRateLimiter();
        app.MapPost(config.Path, endpoint.HandleAsync);
        app.MapGet(HealthPath, context => HealthAsync(context, updates));

        try
        {
            await app.StartAsync(ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            await app.DisposeAsync();
            throw new IOException(
                $"cannot listen on {listen}: {e.Message}; pick a free address and port with "
                    + "[webhook] listen",
                e
            );
        }

        var bound = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.Select(address => new Uri(address))
            .ToList();
        deployment.Log.Information(
            "Webhook listener started on {Addresses}, path {Path}, branch {Branch}, signature "
                + "{Signature}",
            string.Join(", ", bound),
            config.Path,
            config.Branch,
            options.Secret is null ? "NOT checked" : "checked"
        );
        return new WebhookServer(app, updates, bound);
    }

    /// <summary>
    /// Rejects with 403 the sources outside <c>allow_networks</c>, and logs every request when it
    /// ends. <c>GET /health</c> is also open to loopback peers, for local monitoring.
    /// </summary>
    private static async Task FilterSourceAsync(
        HttpContext context,
        RequestDelegate next,
        WebhookConfig config,
        DeliveryLog deliveryLog,
        Serilog.ILogger log
    )
    {
        var started = Stopwatch.GetTimestamp();
        var info = DeliveryInfo.Of(context);
        info.Id = WebhookEndpoint.Header(context.Request, "X-GitHub-Delivery");
        info.Event = WebhookEndpoint.Header(context.Request, "X-GitHub-Event");
        var peer = SourceAddress.Normalize(context.Connection.RemoteIpAddress ?? IPAddress.None);
        var client = SourceAddress.Resolve(
            peer,
            context.Request.Headers["X-Forwarded-For"],
            config.TrustedProxies
        );
        info.Client = client;
        info.Source =
            client is null ? $"{peer} (unreadable X-Forwarded-For)"
            : client.Equals(peer) ? client.ToString()
            : $"{client} via {peer}";
        try
        {
            var health =
                HttpMethods.IsGet(context.Request.Method)
                && context.Request.Path == HealthPath
                && IPAddress.IsLoopback(peer);
            if (client is null || !(health || SourceAddress.IsInside(client, config.AllowNetworks)))
            {
                await WebhookEndpoint.RespondAsync(
                    context,
                    StatusCodes.Status403Forbidden,
                    "source not allowed",
                    "forbidden"
                );
                return;
            }

            await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No ASP.NET Core logging provider is configured, so the error is logged here.
            info.Decision = $"failed: {e.GetType().Name}";
            log.Error(e, "Webhook request {DeliveryId} from {Source} failed", info.Id, info.Source);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
        finally
        {
            deliveryLog.Write(info, context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
        }
    }

    private static Task HealthAsync(HttpContext context, UpdateQueue updates)
    {
        DeliveryInfo.Of(context).Decision = "health answered";
        DeliveryInfo.Of(context).Authenticated = true;
        return context.Response.WriteAsJsonAsync(
            new HealthDocument("ok", updates.RunsStarted),
            WebJsonContext.Default.HealthDocument,
            contentType: null,
            context.RequestAborted
        );
    }

    /// <summary>Completes when the host is asked to stop or <paramref name="ct"/> is cancelled.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    /// <summary>Stops accepting requests, then waits for a running update to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await Updates.DisposeAsync();
        await _app.DisposeAsync();
    }
}
