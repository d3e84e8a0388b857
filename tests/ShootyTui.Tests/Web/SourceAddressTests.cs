using System.Net;
using ShootyTui.Web;

namespace ShootyTui.Tests.Web;

public sealed class SourceAddressTests
{
    private static readonly IPNetwork[] Proxies =
    [
        IPNetwork.Parse("127.0.0.1/32"),
        IPNetwork.Parse("10.0.0.0/8"),
    ];

    [Theory]
    [InlineData("203.0.113.5", "198.51.100.1", "203.0.113.5")]
    [InlineData("127.0.0.1", "198.51.100.1, 192.0.2.7", "192.0.2.7")]
    [InlineData("127.0.0.1", "192.0.2.7, 10.1.2.3", "192.0.2.7")]
    [InlineData("127.0.0.1", "10.1.2.3, 10.4.5.6", "10.1.2.3")]
    [InlineData("127.0.0.1", "", "127.0.0.1")]
    [InlineData("::ffff:127.0.0.1", "192.0.2.7", "192.0.2.7")]
    public void Resolve_takes_right_most_untrusted(string peer, string header, string expected)
    {
        var client = SourceAddress.Resolve(IPAddress.Parse(peer), [header], Proxies);

        Assert.Equal(IPAddress.Parse(expected), client);
    }

    [Fact]
    public void Resolve_rejects_unreadable_entry_from_proxy()
    {
        var client = SourceAddress.Resolve(IPAddress.Loopback, ["192.0.2.7, unknown"], Proxies);

        Assert.Null(client);
    }

    [Fact]
    public void Resolve_reads_repeated_headers_in_order()
    {
        var client = SourceAddress.Resolve(
            IPAddress.Loopback,
            ["192.0.2.7", "198.51.100.1, 10.0.0.9"],
            Proxies
        );

        Assert.Equal(IPAddress.Parse("198.51.100.1"), client);
    }
}
