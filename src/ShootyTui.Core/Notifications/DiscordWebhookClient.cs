using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ShootyTui.Core.Notifications;

/// <summary>
/// Sends one webhook request: POST to execute the webhook, PATCH to edit a message it posted.
/// HTTP errors, network errors and timeouts come back as a <see cref="WebhookResponse"/>, so the
/// caller decides on retries. Only cancellation through the token throws.
/// </summary>
public sealed class DiscordWebhookClient(HttpClient http, TimeSpan requestTimeout)
{
    private const int MaxBodyChars = 2000;

    /// <summary>
    /// Posts <paramref name="payload"/> (JSON) with <c>?wait=true</c>, or edits
    /// <paramref name="messageId"/> when it is set.
    /// </summary>
    public async Task<WebhookResponse> SendAsync(
        WebhookAddress address,
        string? messageId,
        string payload,
        CancellationToken ct
    )
    {
        using var request = new HttpRequestMessage(
            messageId is null ? HttpMethod.Post : HttpMethod.Patch,
            address.RequestUri(messageId)
        );
        request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(requestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            return new WebhookResponse(
                status,
                address.Redact(body.Length > MaxBodyChars ? body[..MaxBodyChars] : body),
                status == 429 ? RetryAfter(body, response.Headers) : null,
                status is >= 200 and < 300 ? MessageIdOf(body) : null,
                null
            );
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed($"no response within {requestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return Failed(address.Redact(e.Message));
        }
    }

    private static WebhookResponse Failed(string error) => new(0, "", null, null, error);

    /// <summary>
    /// Reads the wait from the JSON body's <c>retry_after</c> (seconds, may be fractional),
    /// falling back to the Retry-After header, then to one second.
    /// </summary>
    private static TimeSpan RetryAfter(string body, HttpResponseHeaders headers)
    {
        try
        {
            var reply = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.RateLimitReply);
            if (reply?.RetryAfter is { } seconds && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }
        catch (JsonException)
        {
            // Not JSON: a proxy in front of Discord may return 429 itself.
        }

        if (headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return
            headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(
                values.FirstOrDefault(),
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out var headerSeconds
            )
            ? TimeSpan.FromSeconds(headerSeconds)
            : TimeSpan.FromSeconds(1);
    }

    private static string? MessageIdOf(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, DiscordJsonContext.Default.WebhookReply)?.Id;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
