using System.Net;
using ShootyTui.Core;

namespace ShootyTui.Web;

/// <summary>Settings of one <see cref="WebhookServer"/> beyond the <c>[webhook]</c> section.</summary>
public sealed record WebhookServerOptions
{
    public required Deployment Deployment { get; init; }

    /// <summary>The HMAC secret; null turns signature checks off (<c>--insecure-no-signature</c>).</summary>
    public required byte[]? Secret { get; init; }

    /// <summary>Overrides <c>[webhook] listen</c>; port 0 picks a free port.</summary>
    public IPEndPoint? Listen { get; init; }

    /// <summary>Wait between tries while another run holds the update lock.</summary>
    public TimeSpan LockRetryInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Tries before a push that finds the lock busy is scheduled instead.</summary>
    public int LockAttempts { get; init; } = 40;
}
