using System.Net;

namespace ShootyTui.Core.Configuration;

/// <summary>The <c>[webhook]</c> section for <c>shooty webhook serve</c>.</summary>
public sealed record WebhookConfig
{
    public required IPEndPoint Listen { get; init; }

    /// <summary>The URL path that accepts push events, starting with <c>/</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The environment variable (or unlocked secret) that holds the HMAC secret.</summary>
    public string? SecretEnv { get; init; }

    /// <summary>The branch whose pushes trigger an update, by default the bot's branch.</summary>
    public required string Branch { get; init; }

    /// <summary>Source networks that may call the webhook.</summary>
    public required IReadOnlyList<IPNetwork> AllowNetworks { get; init; }

    /// <summary>Reverse proxies whose <c>X-Forwarded-For</c> header is believed.</summary>
    public required IReadOnlyList<IPNetwork> TrustedProxies { get; init; }

    public required RateLimit RateLimit { get; init; }

    public required long MaxBodyBytes { get; init; }
}
