using System;
using System.Linq;
using Midea.Protocol.Transport;

namespace Midea.Protocol.Tests;

/// <summary>Target expansion only parses; nothing here is contacted.</summary>
public class DiscoveryTargetsTests
{
    [Fact]
    public void A_single_address_is_itself() =>
        Assert.Equal(new[] { "127.0.0.5" }, DiscoveryTargets.Expand("127.0.0.5").Select(a => a.ToString()));

    [Fact]
    public void A_range_excludes_network_and_broadcast_addresses()
    {
        string[] hosts = DiscoveryTargets.Expand("127.0.0.0/29").Select(a => a.ToString()).ToArray();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"127.0.0.{i}"), hosts);
    }

    [Fact]
    public void A_range_is_aligned_to_its_prefix() =>
        Assert.Equal("127.0.1.1", DiscoveryTargets.Expand("127.0.1.77/24")[0].ToString());

    [Theory]
    [InlineData("127.0.0.4/32", 1)]
    [InlineData("127.0.0.4/31", 2)]
    [InlineData("127.0.0.0/30", 2)]
    [InlineData("127.0.0.0/16", 65534)]
    public void Range_sizes(string range, int count) => Assert.Equal(count, DiscoveryTargets.Expand(range).Count);

    [Theory]
    [InlineData("127.0.0.0/15")]
    [InlineData("127.0.0.0/33")]
    [InlineData("127.0.0.0/x")]
    [InlineData("::1")]
    [InlineData(" ")]
    public void Bad_targets_are_refused(string target) => Assert.Throws<ArgumentException>(() => DiscoveryTargets.Expand(target));

    [Fact]
    public void Localhost_resolves_to_IPv4_loopback() =>
        Assert.Equal("127.0.0.1", DiscoveryTargets.Expand("localhost")[0].ToString());
}
