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

public class DiscoveryTargetSpanTests
{
    [Theory]
    [InlineData("127.0.0.1-127.0.0.50", 50, "127.0.0.1", "127.0.0.50")]
    [InlineData("127.0.0.1-50", 50, "127.0.0.1", "127.0.0.50")]
    [InlineData("127.0.0.250-127.0.1.5", 12, "127.0.0.250", "127.0.1.5")]
    [InlineData("127.0.0.7-7", 1, "127.0.0.7", "127.0.0.7")]
    public void A_first_last_range_yields_exactly_its_addresses(string target, int count, string first, string last)
    {
        var addresses = Midea.Protocol.Transport.DiscoveryTargets.Expand(target);
        Assert.Equal(count, addresses.Count);
        Assert.Equal(first, addresses[0].ToString());
        Assert.Equal(last, addresses[addresses.Count - 1].ToString());
    }

    [Theory]
    [InlineData("127.0.0.50-127.0.0.1")]
    [InlineData("127.0.0.1-300")]
    [InlineData("127.0.0.1-x")]
    [InlineData("127.0.0.0-127.2.0.0")]
    public void A_bad_or_oversized_range_is_refused(string target) =>
        Assert.Throws<ArgumentException>(() => Midea.Protocol.Transport.DiscoveryTargets.Expand(target));
}
