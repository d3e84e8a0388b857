using System.Net;
using Microsoft.AspNetCore.Http;

namespace ShootyTui.Web;

/// <summary>What the listener learned about one request, for its log line.</summary>
internal sealed class DeliveryInfo
{
    private static readonly object Key = new();

    public string Source { get; set; } = "unknown";

    public IPAddress? Client { get; set; }

    public string? Id { get; set; }

    public string? Event { get; set; }

    public string Decision { get; set; } = "not handled";

    /// <summary>True once the signature matched; only those requests are always logged.</summary>
    public bool Authenticated { get; set; }

    public static DeliveryInfo Of(HttpContext context)
    {
        if (context.Items[Key] is DeliveryInfo info)
        {
            return info;
        }

        info = new DeliveryInfo();
        context.Items[Key] = info;
        return info;
    }
}
