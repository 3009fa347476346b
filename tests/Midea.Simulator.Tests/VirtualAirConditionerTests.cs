using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;
using Midea.Simulator;
using static Midea.Protocol.Tests.FaultInjection;

namespace Midea.Protocol.Tests;

/// <summary>
/// A unit that lives: someone uses its remote and it pushes the new state, clients send heartbeats,
/// it moves to another address, it limits its connections (127.0.35.1–127.0.35.99).
/// </summary>
public class VirtualAirConditionerTests
{
    private static VirtualAirConditioner Start(string address, int version = 3, int maxConnections = 0, CapabilityProfile? profile = null) =>
        VirtualAirConditioner.Start(new SimulatorOptions
        {
            Address = IPAddress.Parse(address),
            ProtocolVersion = version,
            MaxConnections = maxConnections,
            CapabilityProfile = profile ?? CapabilityProfile.Full,
        });

    private static void Warm(AcState state)
    {
        state.Power = true;
        state.Mode = OperationalMode.Heat;
        state.TargetTemperature = 22.5;
        state.FanSpeed = 40;
        state.Swing = SwingMode.Vertical;
        state.Eco = true;
        state.Sleep = true;
    }

    // ---- Pushes ----

    [Theory]
    [InlineData(2, "127.0.35.1")]
    [InlineData(3, "127.0.35.2")]
    public async Task A_remote_control_pushes_a_type_05_A0_frame_of_the_new_state_to_every_open_connection(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection first = await RawConnection.OpenAsync(unit);
        using RawConnection second = await RawConnection.OpenAsync(unit);
        await WaitFor(() => unit.OpenSessions == 2, Generous);

        AcState returned = unit.RemoteControl(Warm);

        Assert.Equal(OperationalMode.Heat, unit.State.Mode);
        Assert.Equal(22.5, returned.TargetTemperature);
        foreach (RawConnection connection in new[] { first, second })
        {
            (V2Packet packet, AaFrame frame) = await connection.ReadFrameAsync(Generous) ?? throw new TimeoutException("No push.");
            // Like a reply: a device packet naming the unit.
            Assert.Equal((ushort)V2Magic.Response, packet.Magic);
            Assert.Equal(unit.DeviceId, packet.DeviceId);
            Assert.Equal((byte)FrameType.Notify, frame.FrameType);
            Assert.Equal(NotifyCodec.StateReportId, frame.Id);
            AcStateReport report = NotifyCodec.ParseStateReport(frame.Body)!;
            AcState state = unit.State;
            Assert.True(report.Power);
            Assert.Equal(state.Mode, report.Mode);
            Assert.Equal(state.TargetTemperature, report.TargetTemperature);
            Assert.Equal(state.FanSpeed, report.FanSpeed);
            Assert.Equal(SwingMode.Vertical, report.Swing);
            Assert.True(report.Eco);
            Assert.True(report.Sleep);
            Assert.False(report.Turbo);
            Assert.Equal(0, connection.DiscardedBytes);
        }
        Assert.Equal(2, unit.PushesSent);
        // A client's read afterwards gets the same state on a fresh connection.
        AcState read = await ConnectAndGetState(unit, Generous);
        Assert.Equal(OperationalMode.Heat, read.Mode);
        Assert.Equal(22.5, read.TargetTemperature);
    }

    [Fact]
    public async Task A_V3_connection_before_its_handshake_gets_no_push()
    {
        using VirtualAirConditioner unit = Start("127.0.35.3");
        using RawConnection unauthenticated = await RawConnection.OpenAsync(unit, handshake: false);
        using RawConnection authenticated = await RawConnection.OpenAsync(unit);
        await WaitFor(() => unit.OpenSessions == 2, Generous);
        unit.RemoteControl(s => s.Power = true);
        Assert.NotNull(await authenticated.ReadFrameAsync(Generous));
        Assert.Null(await unauthenticated.ReadFrameAsync(Short));
        Assert.Equal(1, unit.PushesSent);
    }

    [Theory]
    [InlineData(2, "127.0.35.4")]
    [InlineData(3, "127.0.35.5")]
    public async Task A_push_waits_for_a_reply_that_is_being_written_and_follows_it_whole(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);
        // One byte every 2 ms: the reply takes a few hundred ms to write, time for a push to cut in.
        unit.Faults = new FaultPlan { SlowDrip = true };
        await connection.SendFrameAsync(AcCommands.GetState(7));
        // The reply has begun to arrive, and most of it is still to come.
        Assert.True(await connection.ReceivingAsync(Generous));
        await Task.Run(() => unit.RemoteControl(s => s.TargetTemperature = 19));

        (V2Packet _, AaFrame reply) = await connection.ReadFrameAsync(Generous) ?? throw new TimeoutException("No reply.");
        (V2Packet _, AaFrame push) = await connection.ReadFrameAsync(Generous) ?? throw new TimeoutException("No push.");
        Assert.Equal(AcCommands.StateResponseId, reply.Id);
        Assert.Equal(NotifyCodec.StateReportId, push.Id);
        Assert.Equal(19.0, NotifyCodec.ParseStateReport(push.Body)!.TargetTemperature);
        Assert.Equal(0, connection.DiscardedBytes);
    }

    [Fact]
    public async Task Pushes_are_not_subject_to_the_fault_plan()
    {
        using VirtualAirConditioner unit = Start("127.0.35.6", 2);
        using RawConnection connection = await RawConnection.OpenAsync(unit);
        await WaitFor(() => unit.OpenSessions == 1, Generous);
        unit.Faults = new FaultPlan { Silent = true };
        unit.RemoteControl(s => s.Power = true);
        Assert.NotNull(await connection.ReadFrameAsync(Generous));
        Assert.Equal(0, unit.RepliesSent);
    }

    [Fact]
    public async Task The_remote_goes_through_the_SetState_rules_a_mode_the_unit_lacks_is_ignored()
    {
        using VirtualAirConditioner unit = Start("127.0.35.7", 2, profile: CapabilityProfile.Basic);
        OperationalMode before = unit.State.Mode;
        AcState after = unit.RemoteControl(s =>
        {
            s.Mode = OperationalMode.Heat;
            s.TargetTemperature = 24;
            s.Display = false;
        });
        Assert.Equal(before, after.Mode);
        Assert.Equal(24.0, after.TargetTemperature);
        // SetState does not carry the display; the remote's change of it is not taken either.
        Assert.True(after.Display);
        AcState read = await ConnectAndGetState(unit, Generous);
        Assert.Equal(before, read.Mode);
        Assert.Equal(24.0, read.TargetTemperature);
    }

    // ---- Heartbeats ----

    [Theory]
    [InlineData(2, "127.0.35.10")]
    [InlineData(3, "127.0.35.11")]
    public async Task A_heartbeat_is_accepted_silently_and_the_next_request_on_the_connection_is_answered(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);
        await connection.SendHeartbeatAsync();
        await WaitFor(() => unit.Heartbeats == 1, Generous);
        Assert.Equal(1, unit.Heartbeats);
        Assert.Null(await connection.ReadV2Async(Short));
        AcState state = await connection.GetStateAsync();
        Assert.Equal(unit.State.TargetTemperature, state.TargetTemperature);
        Assert.Equal(1, unit.Connections);
        Assert.Equal(1, unit.OpenSessions);
        Assert.Equal(1, unit.Requests);
    }

    // ---- Moving ----

    [Fact]
    public async Task A_moved_unit_keeps_its_identity_and_state_drops_its_connections_and_answers_only_on_the_new_address()
    {
        var from = IPAddress.Parse("127.0.35.20");
        var to = IPAddress.Parse("127.0.35.21");
        using VirtualAirConditioner unit = Start(from.ToString());
        unit.RemoteControl(s => s.TargetTemperature = 18.5);
        (long id, byte[] token, byte[] key, byte[] mac, string name) = (unit.DeviceId, unit.Token, unit.Key, unit.Mac, unit.Name);
        using RawConnection open = await RawConnection.OpenAsync(unit);
        await WaitFor(() => unit.OpenSessions == 1, Generous);

        unit.MoveTo(to);

        Assert.Equal(to, unit.Address);
        Assert.True(await open.ClosedByUnitAsync(Generous));
        Assert.Equal((id, name), (unit.DeviceId, unit.Name));
        Assert.Equal(token, unit.Token);
        Assert.Equal(key, unit.Key);
        Assert.Equal(mac, unit.Mac);
        // The same credentials open a session on the new address, and the state came along.
        using (AcProbe client = await AcProbe.ConnectAsync(new DeviceEndpoint(to, 6444, id, 3, token, key), Generous, default))
        {
            Assert.Equal(18.5, (await client.GetStateAsync(default)).TargetTemperature);
        }
        // Discovery answers from the new address, naming it; the old address is gone for both.
        DiscoveryResult found = Assert.Single(await Discover(unit, TimeSpan.FromSeconds(2)));
        Assert.Equal(to, found.Source);
        Assert.Equal(to, found.Info!.Address);
        Assert.Equal(id, found.Info.DeviceId);
        var results = new List<DiscoveryResult>();
        await DiscoveryClient.RunAsync(new[] { from }, Array.Empty<IPAddress>(), TimeSpan.FromMilliseconds(500), results.Add, 0, default);
        Assert.Empty(results);
        using var refused = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => refused.ConnectAsync(from, 6444));
    }

    [Fact]
    public async Task A_move_to_a_taken_address_throws_and_the_unit_stays_where_it_was()
    {
        using VirtualAirConditioner unit = Start("127.0.35.22", 2);
        using VirtualAirConditioner other = Start("127.0.35.23", 2);
        Assert.ThrowsAny<SocketException>(() => unit.MoveTo(other.Address));
        Assert.Equal(IPAddress.Parse("127.0.35.22"), unit.Address);
        await ConnectAndGetState(unit, Generous);
        await ConnectAndGetState(other, Generous);
        Assert.Single(await Discover(unit, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void A_move_off_loopback_is_refused_and_a_move_to_its_own_address_changes_nothing()
    {
        using VirtualAirConditioner unit = Start("127.0.35.24", 2);
        // 192.0.2.1 is TEST-NET-1 (RFC 5737), routed nowhere: data, never contacted.
        Assert.Throws<ArgumentException>(() => unit.MoveTo(IPAddress.Parse("192.0.2.1")));
        unit.MoveTo(IPAddress.Parse("127.0.35.24"));
        Assert.Equal(IPAddress.Parse("127.0.35.24"), unit.Address);
        unit.Dispose();
        Assert.Throws<ObjectDisposedException>(() => unit.MoveTo(IPAddress.Parse("127.0.35.25")));
    }

    // ---- Connection limit and counters ----

    [Fact]
    public async Task A_connection_beyond_the_limit_is_accepted_and_closed_at_once_with_nothing_sent()
    {
        using VirtualAirConditioner unit = Start("127.0.35.30", 2, maxConnections: 1);
        Assert.Equal(1, unit.MaxConnections);
        using (RawConnection first = await RawConnection.OpenAsync(unit))
        {
            await first.GetStateAsync();
            using RawConnection second = await RawConnection.OpenAsync(unit);
            Assert.True(await second.ClosedByUnitAsync(Generous));
            Assert.Equal(1, unit.RefusedConnections);
            Assert.Equal(1, unit.Connections);
            // The first connection is still served.
            await first.GetStateAsync();
        }
        // Once the first is closed, a new one is served.
        await WaitFor(() => unit.OpenSessions == 0, Generous);
        await ConnectAndGetState(unit, Generous);
        // No limit: two at once.
        unit.MaxConnections = 0;
        using RawConnection a = await RawConnection.OpenAsync(unit);
        using RawConnection b = await RawConnection.OpenAsync(unit);
        await a.GetStateAsync();
        await b.GetStateAsync();
        Assert.Equal(1, unit.RefusedConnections);
        Assert.Throws<ArgumentOutOfRangeException>(() => unit.MaxConnections = -1);
        Assert.Throws<ArgumentException>(() => Start("127.0.35.31", maxConnections: -1));
    }

    [Fact]
    public async Task Handshakes_count_the_V3_handshakes_the_unit_accepted()
    {
        using VirtualAirConditioner unit = Start("127.0.35.32");
        await ConnectAndGetState(unit, Generous);
        await ConnectAndGetState(unit, Generous);
        Assert.Equal(2, unit.Handshakes);
        unit.Faults = new FaultPlan { AuthError = true };
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => ConnectAndGetState(unit, Generous));
        Assert.Equal(2, unit.Handshakes);
        Assert.Equal(3, unit.Connections);
    }
}
