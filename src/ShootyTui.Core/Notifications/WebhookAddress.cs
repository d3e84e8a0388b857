namespace ShootyTui.Core.Notifications;

/// <summary>
/// A Discord webhook URL. The URL contains the webhook's token, which lets anyone post as the
/// webhook, so it is a credential: <see cref="ToString"/> and <see cref="Redact"/> hide it.
/// </summary>
public sealed class WebhookAddress
{
    private const string Hidden = "***";

    private readonly Uri _uri;
    private readonly string _text;
    private readonly string _token;

    private WebhookAddress(Uri uri, string text)
    {
        _uri = uri;
        _text = text;
        _token = uri.AbsolutePath.TrimEnd('/').Split('/')[^1];
    }

    /// <summary>
    /// Reads the URL from <paramref name="variable"/>: the process environment first, then the
    /// extra environment (unlocked secrets).
    /// </summary>
    /// <exception cref="NotificationException">The variable is set but not an http(s) URL. The
    /// message never contains the value.</exception>
    public static WebhookAddress? Resolve(
        string variable,
        Func<string, string?> environment,
        IReadOnlyDictionary<string, string>? extraEnvironment
    )
    {
        var text = environment(variable);
        if (string.IsNullOrWhiteSpace(text) && extraEnvironment is not null)
        {
            extraEnvironment.TryGetValue(variable, out text);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (
            !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath.Trim('/').Length == 0
        )
        {
            throw new NotificationException(
                $"the variable {variable} does not hold a webhook URL; set it to the URL that "
                    + "Discord shows under Server Settings > Integrations > Webhooks"
            );
        }

        return new WebhookAddress(uri, text);
    }

    /// <summary>
    /// The URL that posts a message and returns it (<c>?wait=true</c>), or, with
    /// <paramref name="messageId"/>, the URL that edits that message.
    /// </summary>
    public Uri RequestUri(string? messageId)
    {
        var builder = new UriBuilder(_uri);
        if (messageId is not null)
        {
            builder.Path =
                builder.Path.TrimEnd('/') + "/messages/" + Uri.EscapeDataString(messageId);
        }

        // Keeps a query the operator set, such as thread_id.
        var query = builder.Query.TrimStart('?');
        builder.Query = query.Length == 0 ? "wait=true" : query + "&wait=true";
        return builder.Uri;
    }

    /// <summary>Replaces the URL and its token in <paramref name="text"/> with placeholders.</summary>
    public string Redact(string text)
    {
        var redacted = text.Replace(_text, ToString(), StringComparison.Ordinal);
        return _token.Length >= 8
            ? redacted.Replace(_token, Hidden, StringComparison.Ordinal)
            : redacted;
    }

    /// <summary>The URL without its token and query, safe to log.</summary>
    public override string ToString()
    {
        var path = _uri.AbsolutePath.TrimEnd('/');
        var parent = path[..(path.LastIndexOf('/') + 1)];
        return $"{_uri.Scheme}://{_uri.Authority}{parent}{Hidden}";
    }
}
