using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ShootyTui.Core.Configuration;

namespace ShootyTui.Web;

/// <summary>
/// Handles <c>POST [webhook] path</c>: content type, body size, signature, redelivery, then the
/// event itself. Only a push to the configured branch queues an update.
/// </summary>
internal sealed partial class WebhookEndpoint(
    WebhookConfig config,
    SignatureVerifier? verifier,
    DeliveryStore deliveries,
    UpdateQueue updates,
    TimeProvider time
)
{
    private const int ChunkBytes = 16 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var info = DeliveryInfo.Of(context);
        var request = context.Request;

        var form = IsForm(request.ContentType, out var supported);
        if (!supported)
        {
            await RespondAsync(
                context,
                StatusCodes.Status415UnsupportedMediaType,
                "unsupported content type",
                "send application/json or application/x-www-form-urlencoded"
            );
            return;
        }

        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (body is null)
        {
            // The rest of the body stays unread, so the connection cannot carry another request.
            context.Response.Headers.Connection = "close";
            await RespondAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                "body too large",
                $"the body exceeds [webhook] max_body ({config.MaxBodyBytes} bytes)"
            );
            return;
        }

        if (verifier is not null && !verifier.IsValid(Header(request, "X-Hub-Signature-256"), body))
        {
            // The expected digest is never sent back: it would let anyone forge requests.
            await RespondAsync(
                context,
                StatusCodes.Status401Unauthorized,
                "missing or invalid signature",
                "missing or invalid X-Hub-Signature-256"
            );
            return;
        }

        info.Authenticated = true;
        await HandleEventAsync(context, info, body, form);
    }

    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > config.MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > config.MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
            when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    /// <summary>Returns true for GitHub's form encoding; false for JSON.</summary>
    private static bool IsForm(string? contentType, out bool supported)
    {
        supported = false;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            supported = true;
            return false;
        }

        supported = mediaType.MediaType.Equals(
            "application/x-www-form-urlencoded",
            StringComparison.OrdinalIgnoreCase
        );
        return supported;
    }

    internal static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    internal static Task RespondAsync(
        HttpContext context,
        int status,
        string decision,
        string message
    )
    {
        DeliveryInfo.Of(context).Decision = decision;
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
