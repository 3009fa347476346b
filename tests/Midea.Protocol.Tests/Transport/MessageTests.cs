using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Midea.Protocol.Transport;
using Midea.Simulator;
using Xunit;

namespace Midea.Protocol.Tests;

/// <summary>
/// Messages users read speak of their units and targets, not of .NET: no "(Parameter 'x')" suffix,
/// and an error from a session names the unit it came from. Units on 127.0.9.230-239.
/// </summary>
public class MessageTests
{
    [Theory]
    [InlineData("127.0.0.0/15")]
    [InlineData("127.0.0.0/x")]
    [InlineData("::1")]
    [InlineData("127.0.0.50-127.0.0.1")]
    [InlineData("127.0.0.1-x")]
    public void A_refused_target_is_quoted_without_a_dotnet_parameter_name(string target)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => DiscoveryTargets.Expand(target));
        Assert.Contains($"'{target}'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.ParamName);
    }

    // Only data, never contacted: an address off loopback that the simulator must refuse before
    // any socket exists. It is from 192.0.2.0/24 (TEST-NET-1, RFC 5737), reserved for documentation
    // and routed nowhere, so even a bug could not reach a real host with it.
    private const string OffLoopback = "192.0.2.50";

    [Theory]
    [InlineData(OffLoopback, 1)]
    [InlineData("127.255.255.255", 2)]
    public void A_simulator_address_off_loopback_is_refused_in_the_simulators_words(string first, int count)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => SimulatorFleet.Consecutive(IPAddress.Parse(first), count).ToList());
        Assert.Contains("loopback addresses only", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_names_the_unit()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.230"), ProtocolVersion = 3 });
        var wrongToken = new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 3, new byte[64], unit.Key);
        var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() => MideaConnection.OpenAsync(wrongToken, TimeSpan.FromSeconds(5), default));
        Assert.StartsWith("127.0.9.230:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rejected the token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_does_not_fit_the_token_names_the_unit()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.231"), ProtocolVersion = 3 });
        var wrongKey = new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 3, unit.Token, new byte[32]);
        var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() => MideaConnection.OpenAsync(wrongKey, TimeSpan.FromSeconds(5), default));
        Assert.Contains("127.0.9.231:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not verify under this key", ex.Message, StringComparison.Ordinal);
    }
}
