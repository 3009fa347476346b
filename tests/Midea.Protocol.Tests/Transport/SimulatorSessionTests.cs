using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>Client transport against the simulator over real loopback sockets (127.0.9.x).</summary>
public class SimulatorSessionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(2, "127.0.9.10")]
    [InlineData(3, "127.0.9.11")]
    public async Task Many_requests_share_one_connection(int version, string address)
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse(address), ProtocolVersion = version });
        var endpoint = new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, version, unit.Token, unit.Key);
        using AcProbe client = await AcProbe.ConnectAsync(endpoint, Timeout, default);
        for (int i = 0; i < 300; i++)
        {
            AcState state = await client.GetStateAsync(default);
            Assert.Equal(unit.State.TargetTemperature, state.TargetTemperature);
        }
        AcState desired = (await client.GetStateAsync(default)).Clone();
        desired.Power = true;
        desired.Mode = OperationalMode.Dry;
        desired.TargetTemperature = 18.5;
        AcState reported = await client.SetStateAsync(desired, beep: false, default);
        Assert.Equal(OperationalMode.Dry, reported.Mode);
        Assert.Equal(18.5, reported.TargetTemperature);
        Assert.Equal(1, unit.Connections);
        Assert.Equal(302, unit.Requests);
    }

    [Fact]
    public async Task Several_clients_at_once_each_get_their_answers()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.12"), ProtocolVersion = 3 });
        var endpoint = new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 3, unit.Token, unit.Key);
        async Task<int> Poll()
        {
            using AcProbe client = await AcProbe.ConnectAsync(endpoint, Timeout, default);
            int answered = 0;
            for (int i = 0; i < 50; i++)
            {
                await client.GetStateAsync(default);
                answered++;
            }
            return answered;
        }
        int[] counts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Poll)));
        Assert.All(counts, c => Assert.Equal(50, c));
        Assert.Equal(8, unit.Connections);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_ERROR()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.13"), ProtocolVersion = 3 });
        var endpoint = new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 3, new byte[64], unit.Key);
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => AcProbe.ConnectAsync(endpoint, Timeout, default));
    }

    [Fact]
    public async Task The_broadcast_path_listens_for_the_whole_timeout()
    {
        // The broadcast code path (SO_BROADCAST, no early end) aimed at a simulator's own
        // loopback address: tests never send to a real broadcast address.
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.30"), ProtocolVersion = 3 });
        var results = new System.Collections.Concurrent.ConcurrentBag<DiscoveryResult>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await DiscoveryClient.RunAsync(Array.Empty<IPAddress>(), new[] { unit.Address }, TimeSpan.FromSeconds(1.5), results.Add, 0, default);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.4));
        // Probes are resent every second; the unit is still reported once.
        Assert.Equal(unit.DeviceId, Assert.Single(results).Info!.DeviceId);
    }

    [Fact]
    public async Task Discovery_finds_V2_and_V3_units_and_ends_early()
    {
        using VirtualAirConditioner v2 = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.20"), ProtocolVersion = 2 });
        using VirtualAirConditioner v3 = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.21"), ProtocolVersion = 3 });
        var results = new System.Collections.Concurrent.ConcurrentBag<DiscoveryResult>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await DiscoveryClient.RunAsync(new[] { v2.Address, v3.Address }, Array.Empty<IPAddress>(), TimeSpan.FromSeconds(60), results.Add, 0, default);
        // Without the early return this would take the full 60 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Equal(new[] { 2, 3 }, results.Select(r => r.Info!.ProtocolVersion).OrderBy(v => v));
        Assert.Equal(new[] { v2.DeviceId, v3.DeviceId }.OrderBy(x => x), results.Select(r => r.Info!.DeviceId).OrderBy(x => x));
    }
}
