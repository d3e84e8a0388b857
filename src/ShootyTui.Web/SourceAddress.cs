using System.Net;

namespace ShootyTui.Web;

/// <summary>
/// Finds the client address of a request: the connection's peer, or, when the peer is a trusted
/// reverse proxy, the right-most <c>X-Forwarded-For</c> entry that is not a trusted proxy.
/// </summary>
public static class SourceAddress
{
    /// <summary>
    /// Returns the client address, or null when a trusted proxy sent an entry that is not an IP
    /// address (the request cannot be attributed, so it is rejected).
    /// </summary>
    public static IPAddress? Resolve(
        IPAddress peer,
        IEnumerable<string?> forwardedFor,
        IReadOnlyList<IPNetwork> trustedProxies
    )
    {
        var client = Normalize(peer);
        if (!IsInside(client, trustedProxies))
        {
            return client;
        }

        var entries = forwardedFor
            .Where(value => value is not null)
            .SelectMany(value => value!.Split(','))
            .Select(entry => entry.Trim())
            .Where(entry => entry.Length > 0)
            .ToList();

        // Each proxy appends the address it received the request from, so entries are read from
        // the right. Everything left of the first untrusted address could be forged by it.
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(entries[i], out var address))
            {
                return null;
            }

            client = Normalize(address);
            if (!IsInside(client, trustedProxies))
            {
                return client;
            }
        }

        return client;
    }

    public static bool IsInside(IPAddress address, IReadOnlyList<IPNetwork> networks)
    {
        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Turns an IPv4-mapped IPv6 address (dual-stack sockets) into plain IPv4.</summary>
    public static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
