using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using ShootyTui.Core.Configuration;

namespace ShootyTui.Web;

public sealed partial class WebhookServer
{
    /// <summary>
    /// One fixed window per client address on the webhook path (after the source filter, so only
    /// allowed sources get a partition). Rejections are 429 with <c>Retry-After</c> in seconds.
    /// </summary>
    private static void ConfigureRateLimit(RateLimiterOptions limiter, WebhookConfig config)
    {
        var limit = config.RateLimit;
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (context.Request.Path != config.Path)
            {
                return RateLimitPartition.GetNoLimiter("other paths");
            }

            var client = DeliveryInfo.Of(context).Client?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(
                client,
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.Requests,
                    Window = limit.Period,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }
            );
        });
        limiter.OnRejected = (rejected, ct) =>
        {
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                ? wait
                : limit.Period;
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(
                CultureInfo.InvariantCulture
            );
            return new ValueTask(
                WebhookEndpoint.RespondAsync(
                    rejected.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    "rate limited",
                    $"too many requests; [webhook] rate_limit is {limit}; retry in {seconds} s"
                )
            );
        };
    }
}
