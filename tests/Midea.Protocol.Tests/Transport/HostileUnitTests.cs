using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Protocol.Appliances;
using Midea.Protocol.Transport;
using Midea.Simulator;
using static Midea.Protocol.Tests.FaultInjection;

namespace Midea.Protocol.Tests;

/// <summary>Units and hosts that lie: replies for another unit, from addresses not asked, floods, changes left in doubt (127.0.9.200-229).</summary>
public class HostileUnitTests
{
    private static DeviceSession Session(VirtualAirConditioner unit, TimeSpan timeout) =>
        new(EndpointOf(unit), new RequestPolicy(timeout) { FirstBackoff = TimeSpan.FromMilliseconds(10) });

    private static async Task<List<DiscoveryResult>> Sweep(IPAddress[] unicast, IPAddress[] broadcast, TimeSpan timeout)
    {
        var results = new ConcurrentQueue<DiscoveryResult>();
        await DiscoveryClient.RunAsync(unicast, broadcast, timeout, results.Enqueue, 0, default);
        return results.ToList();
    }

    [Theory]
    [InlineData(2, "127.0.9.200")]
    [InlineData(3, "127.0.9.201")]
    public async Task A_reply_naming_another_device_id_is_refused_after_the_usual_retries(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version, new FaultPlan { ForeignDeviceId = 0x999999 });
        using DeviceSession session = Session(unit, Generous);
        var error = await Assert.ThrowsAsync<MideaProtocolException>(() => new AirConditioner(session).GetStateAsync(default));
        Assert.Equal(ProtocolFault.WrongDevice, error.Fault);
        Assert.Contains($"device id {0x999999}", error.Message);
        Assert.Contains($"device id {unit.DeviceId}", error.Message);
        // Asked like after any garbled reply: once per attempt, each on a fresh connection.
        Assert.Equal(session.Policy.ReadAttempts, unit.Connections);
        unit.Faults = FaultPlan.None;
        Assert.Equal(unit.State.TargetTemperature, (await new AirConditioner(session).GetStateAsync(default)).TargetTemperature);
    }

    [Fact]
    public async Task A_reply_with_device_id_zero_is_accepted()
    {
        // A scripted V2 device whose replies leave the id field empty, as some firmware may.
        var address = IPAddress.Parse("127.0.9.202");
        using VirtualAirConditioner model = Start("127.0.9.203", 2);
        AcState expected = await ConnectAndGetState(model, Generous);
        using var listener = new TcpListener(address, 6444);
        listener.Start();
        Task device = Task.Run(async () =>
        {
            using TcpClient peer = await listener.AcceptTcpClientAsync();
            NetworkStream stream = peer.GetStream();
            var buffer = new byte[512];
            int read = await stream.ReadAsync(buffer.AsMemory());
            Assert.True(read > 0);
            byte[] reply = V2Packet.Encode(V2Magic.Response, 0, AaFrame.Encode(FrameType.Query, StateCodec.Encode(expected, 1)));
            await stream.WriteAsync(reply.AsMemory());
            // Hold the connection until the client closes it.
            int rest = await stream.ReadAsync(buffer.AsMemory());
            Assert.Equal(0, rest);
        });
        using (AcProbe client = await AcProbe.ConnectAsync(new DeviceEndpoint(address, 6444, 1048783, 2), Generous, default))
        {
            AcState state = await client.GetStateAsync(default);
            Assert.Equal(expected.TargetTemperature, state.TargetTemperature);
        }
        await device;
        listener.Stop();
    }

    [Fact]
    public async Task A_unicast_sweep_ignores_replies_from_addresses_it_did_not_ask_and_a_broadcast_takes_them()
    {
        var asked = IPAddress.Parse("127.0.9.204");
        var liar = IPAddress.Parse("127.0.9.205");
        using VirtualAirConditioner unit = Start(asked.ToString(), 3, new FaultPlan { DiscoveryReplyFrom = liar });

        List<DiscoveryResult> unicast = await Sweep(new[] { asked }, Array.Empty<IPAddress>(), TimeSpan.FromSeconds(1.5));
        Assert.DoesNotContain(unicast, r => r.Kind == DiscoveryReplyKind.Device);
        // Probes go out twice a second to two ports: several replies, one notice.
        Assert.True(unit.RepliesSent >= 2);
        DiscoveryResult notice = Assert.Single(unicast);
        Assert.Equal(DiscoveryReplyKind.Unasked, notice.Kind);
        Assert.Equal(liar, notice.Source);

        // The id lookup of the cmdlets goes the same way: nothing adopted from the other address.
        Assert.Null(await DiscoveryClient.AskAsync(asked, TimeSpan.FromSeconds(1), default));

        List<DiscoveryResult> broadcast = await Sweep(Array.Empty<IPAddress>(), new[] { asked }, TimeSpan.FromSeconds(1));
        DiscoveryResult device = Assert.Single(broadcast);
        Assert.Equal(DiscoveryReplyKind.Device, device.Kind);
        Assert.Equal(liar, device.Source);
        Assert.Equal(unit.DeviceId, device.Info!.DeviceId);
    }

    [Fact]
    public async Task An_address_that_floods_new_ids_yields_one_device_and_one_warning()
    {
        using VirtualAirConditioner flooder = Start("127.0.9.206", 2, new FaultPlan { DiscoveryFlood = TimeSpan.FromSeconds(2) });
        using VirtualAirConditioner honest = Start("127.0.9.207", 3);
        // A silent target keeps the sweep open for its whole time, as a range sweep would be.
        var silent = IPAddress.Parse("127.0.9.208");
        List<DiscoveryResult> results = await Sweep(new[] { flooder.Address, honest.Address, silent }, Array.Empty<IPAddress>(), TimeSpan.FromSeconds(2.5));

        Assert.True(flooder.RepliesSent > 1000, $"the flood sent only {flooder.RepliesSent} replies");
        List<DiscoveryResult> fromFlooder = results.Where(r => r.Source.Equals(flooder.Address)).ToList();
        Assert.Equal(2, fromFlooder.Count);
        Assert.Equal(flooder.DeviceId, Assert.Single(fromFlooder, r => r.Kind == DiscoveryReplyKind.Device).Info!.DeviceId);
        DiscoveryResult another = Assert.Single(fromFlooder, r => r.Kind == DiscoveryReplyKind.AnotherId);
        Assert.Equal(flooder.DeviceId, another.KeptDeviceId);
        Assert.Equal(honest.DeviceId, Assert.Single(results, r => r.Source.Equals(honest.Address)).Info!.DeviceId);
    }

    [Fact]
    public async Task An_address_that_floods_garbage_yields_one_notice()
    {
        using VirtualAirConditioner flooder = Start("127.0.9.209", 3, new FaultPlan { DiscoveryFlood = TimeSpan.FromSeconds(1.5), DiscoveryFloodGarbage = true });
        var silent = IPAddress.Parse("127.0.9.210");
        List<DiscoveryResult> results = await Sweep(new[] { flooder.Address, silent }, Array.Empty<IPAddress>(), TimeSpan.FromSeconds(2));

        Assert.True(flooder.RepliesSent > 1000, $"the flood sent only {flooder.RepliesSent} datagrams");
        Assert.Equal(2, results.Count);
        Assert.Equal(DiscoveryReplyKind.Device, results[0].Kind);
        Assert.Equal(DiscoveryReplyKind.Undecodable, results[1].Kind);
        Assert.NotNull(results[1].Error);
    }

    [Fact]
    public void A_discovery_reply_announcing_port_zero_is_refused_with_the_reason()
    {
        byte[] reply = Discovery.EncodeReply(new DiscoveryInfo { ProtocolVersion = 2, DeviceId = 1048783, Address = IPAddress.Loopback, Port = 0, Name = "net_ac_0000" });
        var error = Assert.Throws<MideaProtocolException>(() => Discovery.ParseReply(reply));
        Assert.Equal(ProtocolFault.BadValue, error.Fault);
        Assert.Contains("port 0", error.Message);
    }

    [Fact]
    public async Task The_id_lookup_of_a_unit_whose_reply_announces_port_zero_says_so()
    {
        // A scripted host that answers the first probe on 6445 with a reply announcing port 0.
        var address = IPAddress.Parse("127.0.9.215");
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(address, Discovery.Ports[0]));
        Task host = Task.Run(async () =>
        {
            var buffer = new byte[256];
            SocketReceiveFromResult probe = await udp.ReceiveFromAsync(new ArraySegment<byte>(buffer), SocketFlags.None, new IPEndPoint(IPAddress.Any, 0));
            byte[] reply = Discovery.EncodeReply(new DiscoveryInfo { ProtocolVersion = 2, DeviceId = 1048783, Address = address, Port = 0, Name = "net_ac_0000" });
            await udp.SendToAsync(new ArraySegment<byte>(reply), SocketFlags.None, probe.RemoteEndPoint);
        });
        var error = await Assert.ThrowsAsync<MideaProtocolException>(() => DiscoveryClient.AskAsync(address, Generous, default));
        Assert.Contains("127.0.9.215", error.Message);
        Assert.Contains("port 0", error.Message);
        await host;
    }

    [Fact]
    public async Task A_change_whose_reply_is_lost_is_an_unknown_outcome_and_is_not_sent_again()
    {
        using VirtualAirConditioner unit = Start("127.0.9.211", 2);
        using DeviceSession session = Session(unit, Short);
        AcState state = await new AirConditioner(session).GetStateAsync(default);
        long before = unit.Requests;
        unit.Faults = new FaultPlan { DropFirst = 1 };
        state.Power = !state.Power;
        var error = await Assert.ThrowsAsync<OutcomeUnknownException>(() => AcProbe.On(session).SetStateAsync(state, false, RequestKind.Change, default));
        Assert.IsType<DeviceTimeoutException>(error.InnerException);
        Assert.Contains("may or may not have been applied", error.Message);
        Assert.Equal(before + 1, unit.Requests);
        // It was applied, which is why "not applied" would have been a lie.
        Assert.Equal(state.Power, unit.State.Power);
    }

    [Fact]
    public async Task A_change_answered_with_garbage_is_an_unknown_outcome()
    {
        using VirtualAirConditioner unit = Start("127.0.9.212", 3);
        using DeviceSession session = Session(unit, Generous);
        AcState state = await new AirConditioner(session).GetStateAsync(default);
        unit.Faults = new FaultPlan { Garbage = true };
        var error = await Assert.ThrowsAsync<OutcomeUnknownException>(() => AcProbe.On(session).ToggleDisplayAsync(false, RequestKind.Change, default));
        Assert.IsType<MideaProtocolException>(error.InnerException);
    }

    [Fact]
    public async Task A_change_that_never_left_is_not_an_unknown_outcome()
    {
        using VirtualAirConditioner unit = Start("127.0.9.213", 2);
        var endpoint = EndpointOf(unit);
        unit.Dispose();
        using var session = new DeviceSession(endpoint, new RequestPolicy(Short) { ReadAttempts = 2, FirstBackoff = TimeSpan.FromMilliseconds(10) });
        var state = new AcState();
        await Assert.ThrowsAsync<DeviceUnreachableException>(() => AcProbe.On(session).SetStateAsync(state, false, RequestKind.Change, default));
    }

    [Fact]
    public async Task A_data_group_answered_with_another_group_is_an_invalid_response()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions
        {
            Address = IPAddress.Parse("127.0.9.214"), CapabilityProfile = CapabilityProfile.Full, Faults = new FaultPlan { WrongDataGroup = true },
        });
        using AcProbe client = await AcProbe.ConnectAsync(EndpointOf(unit), Generous, default);
        var error = await Assert.ThrowsAsync<InvalidDeviceResponseException>(() => client.GetGroupAsync(2, default));
        Assert.Contains("answered with group 1", error.Message);
    }
}
