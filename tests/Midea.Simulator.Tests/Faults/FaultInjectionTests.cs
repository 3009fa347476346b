using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Transport;
using Midea.Simulator;
using static Midea.Protocol.Tests.FaultInjection;

namespace Midea.Protocol.Tests;

/// <summary>
/// What each simulator fault looks like to the client, over real loopback sockets (127.0.15.x).
/// Faults meant to hit a request rather than the V3 handshake are set after connecting. Steps
/// expected to fail get a short timeout; steps expected to succeed a generous one, so a loaded
/// machine cannot turn a slow success into a spurious timeout. A V2 unit is used where a
/// connection must be opened under a short timeout (it has no handshake to wait for).
/// </summary>
public class FaultInjectionTests
{
    [Fact]
    public void A_plan_is_data_None_is_empty_and_Clone_copies()
    {
        Assert.True(FaultPlan.None.IsNone);
        Assert.NotSame(FaultPlan.None, FaultPlan.None);
        var plan = new FaultPlan { ResponseDelay = TimeSpan.FromMilliseconds(5), DropFirst = 2, DropPercent = 12.5, Garbage = true, Seed = 7 };
        FaultPlan copy = plan.Clone();
        plan.Garbage = false;
        Assert.True(copy.Garbage);
        Assert.Equal(2, copy.DropFirst);
        Assert.Equal(7, copy.Seed);
        Assert.False(copy.IsNone);
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.DropPercent = 100.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.DropPercent = double.NaN);
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.DropFirst = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.ResponseDelay = TimeSpan.FromMilliseconds(-1));
    }

    [Fact]
    public async Task The_unit_keeps_its_own_copy_of_the_plan()
    {
        using VirtualAirConditioner unit = Start("127.0.15.1");
        Assert.True(unit.Faults.IsNone);
        var plan = new FaultPlan { Silent = true };
        unit.Faults = plan;
        plan.Silent = false;
        // Changing the assigned object afterwards does nothing: the unit is still silent.
        Assert.True(unit.Faults.Silent);
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => ConnectAndGetState(unit, Short));
        unit.Faults = null!;
        Assert.True(unit.Faults.IsNone);
        await ConnectAndGetState(unit, Generous);
    }

    [Theory]
    [InlineData(2, "127.0.15.2")]
    [InlineData(3, "127.0.15.3")]
    public async Task A_delay_shorter_than_the_timeout_only_slows_the_answer(int version, string address)
    {
        var delay = TimeSpan.FromMilliseconds(150);
        using VirtualAirConditioner unit = Start(address, version);
        // Warm up first (JIT, crypto), so only the delay counts against the 1 s limit below.
        await ConnectAndGetState(unit, Generous);
        unit.Faults = new FaultPlan { ResponseDelay = delay };
        var clock = Stopwatch.StartNew();
        using AcProbe client = await AcProbe.ConnectAsync(EndpointOf(unit), TimeSpan.FromSeconds(1), default);
        AcState state = await client.GetStateAsync(default);
        Assert.Equal(unit.State.TargetTemperature, state.TargetTemperature);
        // V3: the handshake reply is delayed too.
        Assert.True(clock.Elapsed >= TimeSpan.FromTicks(delay.Ticks * (version == 3 ? 2 : 1) * 9 / 10), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task A_delay_longer_than_the_timeout_is_a_timeout()
    {
        using VirtualAirConditioner unit = Start("127.0.15.4", 2);
        using AcProbe client = await AcProbe.ConnectAsync(EndpointOf(unit), Short, default);
        unit.Faults = new FaultPlan { ResponseDelay = TimeSpan.FromMilliseconds(500) };
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => client.GetStateAsync(default));
        Assert.True(clock.Elapsed < Short + Slack, clock.Elapsed.ToString());
        // The reply still goes out, late, into a connection the client has closed.
        await WaitFor(() => unit.RepliesSent == 1, TimeSpan.FromSeconds(3));
        Assert.Equal(1, unit.RepliesSent);
    }

    [Fact]
    public async Task DropFirst_loses_the_next_reply_only()
    {
        using VirtualAirConditioner unit = Start("127.0.15.5", 2);
        using (AcProbe client = await AcProbe.ConnectAsync(EndpointOf(unit), Short, default))
        {
            unit.Faults = new FaultPlan { DropFirst = 1 };
            Assert.Equal(1, unit.Faults.DropFirst);
            await Assert.ThrowsAsync<DeviceTimeoutException>(() => client.GetStateAsync(default));
            // The countdown is spent.
            Assert.Equal(0, unit.Faults.DropFirst);
        }
        await ConnectAndGetState(unit, Generous);
        Assert.Equal(1, unit.RepliesDropped);
    }

    [Fact]
    public async Task DropFirst_counts_the_V3_handshake_reply()
    {
        using VirtualAirConditioner unit = Start("127.0.15.6", 3, new FaultPlan { DropFirst = 1 });
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => AcProbe.ConnectAsync(EndpointOf(unit), Short, default));
        // On a busy machine the unit may not have reached the first handshake when the client gives
        // up; connecting again before it has would let the second handshake take the drop.
        var waited = Stopwatch.StartNew();
        while (unit.RepliesDropped < 1 && waited.Elapsed < Generous) await Task.Delay(10);
        Assert.Equal(1, unit.RepliesDropped);
        await ConnectAndGetState(unit, Generous);
    }

    [Theory]
    [InlineData(2, "127.0.15.7")]
    [InlineData(3, "127.0.15.8")]
    public async Task DropPercent_100_is_a_timeout(int version, string address)
    {
        // V3: the handshake reply is the first casualty, so the connect itself times out.
        using VirtualAirConditioner unit = Start(address, version, new FaultPlan { DropPercent = 100 });
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => ConnectAndGetState(unit, Short));
        Assert.Equal(1, unit.RepliesDropped);
        Assert.Equal(0, unit.RepliesSent);
    }

    [Theory]
    [InlineData(2, "127.0.15.9")]
    [InlineData(3, "127.0.15.10")]
    public async Task CloseMidResponse_is_a_closed_connection_before_the_timeout(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using AcProbe client = await AcProbe.ConnectAsync(EndpointOf(unit), Generous, default);
        unit.Faults = new FaultPlan { CloseMidResponse = true };
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<DeviceUnreachableException>(() => client.GetStateAsync(default));
        // Reported as soon as the FIN arrives, not when the timeout passes.
        Assert.True(clock.Elapsed < Generous - Slack, clock.Elapsed.ToString());
    }

    [Theory]
    [InlineData(2, "127.0.15.11", ProtocolFault.BadSign)]
    [InlineData(3, "127.0.15.12", ProtocolFault.BadHash)]
    public async Task Garbage_is_a_protocol_error_not_a_timeout(int version, string address, ProtocolFault expected)
    {
        // The framing prefix survives, so the client reads one whole packet of the announced
        // length; its integrity check then fails at once.
        using VirtualAirConditioner unit = Start(address, version);
        using AcProbe client = await AcProbe.ConnectAsync(EndpointOf(unit), Generous, default);
        unit.Faults = new FaultPlan { Garbage = true, Seed = 1 };
        var clock = Stopwatch.StartNew();
        MideaProtocolException error = await Assert.ThrowsAsync<MideaProtocolException>(() => client.GetStateAsync(default));
        Assert.Equal(expected, error.Fault);
        Assert.True(clock.Elapsed < Generous - Slack, clock.Elapsed.ToString());
    }

    [Fact]
    public async Task A_garbage_handshake_reply_fails_authentication()
    {
        using VirtualAirConditioner unit = Start("127.0.15.13", 3, new FaultPlan { Garbage = true });
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => AcProbe.ConnectAsync(EndpointOf(unit), Generous, default));
    }

    [Theory]
    [InlineData(2, "127.0.15.14")]
    [InlineData(3, "127.0.15.15")]
    public async Task Truncate_is_a_timeout(int version, string address)
    {
        // V3: the truncated reply is the handshake's, so the connect itself times out.
        using VirtualAirConditioner unit = Start(address, version, new FaultPlan { Truncate = true });
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => ConnectAndGetState(unit, Short));
        Assert.Equal(1, unit.RepliesSent);
    }

    [Theory]
    [InlineData(2, "127.0.15.16")]
    [InlineData(3, "127.0.15.17")]
    public async Task SlowDrip_is_reassembled(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version, new FaultPlan { SlowDrip = true });
        var clock = Stopwatch.StartNew();
        AcState state = await ConnectAndGetState(unit, Generous);
        Assert.Equal(unit.State.TargetTemperature, state.TargetTemperature);
        // V2: one 104-byte reply; V3: a 72-byte handshake reply and a 150-byte one; 2 ms a byte.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(version == 3 ? 400 : 190), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task AuthError_refuses_every_handshake_until_lifted()
    {
        using VirtualAirConditioner unit = Start("127.0.15.18", 3, new FaultPlan { AuthError = true });
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => AcProbe.ConnectAsync(EndpointOf(unit), Generous, default));
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => AcProbe.ConnectAsync(EndpointOf(unit), Generous, default));
        unit.Faults = FaultPlan.None;
        await ConnectAndGetState(unit, Generous);
    }

    [Fact]
    public async Task AuthError_does_not_touch_V2()
    {
        using VirtualAirConditioner unit = Start("127.0.15.19", 2, new FaultPlan { AuthError = true });
        await ConnectAndGetState(unit, Generous);
    }

    [Fact]
    public async Task Silent_V3_accepts_the_connection_then_never_answers()
    {
        using VirtualAirConditioner unit = Start("127.0.15.20", 3, new FaultPlan { Silent = true });
        bool connected = false;
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => MideaConnection.OpenAsync(EndpointOf(unit), Short, default, connected: () => connected = true));
        Assert.True(connected);
        Assert.Equal(1, unit.RepliesDropped);
    }

    [Fact]
    public async Task Silent_V2_connects_then_times_out_and_discovery_finds_nothing()
    {
        using VirtualAirConditioner unit = Start("127.0.15.21", 2, new FaultPlan { Silent = true });
        using AcProbe client = await AcProbe.ConnectAsync(EndpointOf(unit), Short, default);
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => client.GetStateAsync(default));
        Assert.Empty(await Discover(unit, TimeSpan.FromMilliseconds(400)));
        // One GetState and (at least) one probe on each discovery port went unanswered.
        Assert.True(unit.RepliesDropped >= 3, unit.RepliesDropped.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, unit.RepliesSent);
    }
}

/// <summary>
/// Faults on discovery, recovery without a restart, and the unit's counters (127.0.15.x).
/// Same timeout rules as <see cref="FaultInjectionTests"/>.
/// </summary>
public class FaultInjectionRecoveryAndCounterTests
{
    [Fact]
    public async Task Back_to_no_faults_restores_service_without_a_restart()
    {
        using VirtualAirConditioner unit = Start("127.0.15.22", 3, new FaultPlan { Silent = true });
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => ConnectAndGetState(unit, Short));
        Assert.Empty(await Discover(unit, TimeSpan.FromMilliseconds(300)));
        unit.Faults = new FaultPlan { DropPercent = 100 };
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => ConnectAndGetState(unit, Short));
        unit.Faults = FaultPlan.None;
        await ConnectAndGetState(unit, Generous);
        Assert.Equal(unit.DeviceId, Assert.Single(await Discover(unit, Generous)).Info!.DeviceId);
    }

    [Fact]
    public async Task Discovery_replies_can_be_delayed()
    {
        using VirtualAirConditioner unit = Start("127.0.15.23", 3, new FaultPlan { ResponseDelay = TimeSpan.FromMilliseconds(300) });
        var clock = Stopwatch.StartNew();
        Assert.Single(await Discover(unit, Generous));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(270), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task Discovery_replies_count_down_DropFirst()
    {
        // The first round probes both ports; both replies are dropped, the resend a second later is answered.
        using VirtualAirConditioner unit = Start("127.0.15.24", 2, new FaultPlan { DropFirst = 2 });
        var clock = Stopwatch.StartNew();
        Assert.Single(await Discover(unit, Generous));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), clock.Elapsed.ToString());
        Assert.Equal(2, unit.RepliesDropped);
    }

    [Fact]
    public async Task Counters_add_up_with_DropFirst_on_V3()
    {
        using VirtualAirConditioner unit = Start("127.0.15.25", 3, new FaultPlan { DropFirst = 2 });
        // The two handshake replies are dropped; three connections then each get a handshake and a state.
        for (int i = 0; i < 2; i++) await Assert.ThrowsAsync<DeviceTimeoutException>(() => ConnectAndGetState(unit, Short));
        for (int i = 0; i < 3; i++) await ConnectAndGetState(unit, Generous);
        Assert.Equal(5, unit.Connections);
        Assert.Equal(3, unit.Requests);
        Assert.Equal(2, unit.RepliesDropped);
        Assert.Equal(6, unit.RepliesSent);
        // Every reply due: one per handshake plus one per request.
        Assert.Equal(unit.Connections + unit.Requests, unit.RepliesSent + unit.RepliesDropped);
    }

    [Fact]
    public async Task Counters_add_up_with_a_seeded_DropPercent()
    {
        var plan = new FaultPlan { DropPercent = 50, Seed = 4 };
        using VirtualAirConditioner unit = Start("127.0.15.26", 2, plan);
        // Which replies went out is read from the unit's counters: the unit decides, whatever the
        // client's timing. Every dropped reply must have been a timeout for the client.
        async Task<List<bool>> Run()
        {
            var sent = new List<bool>();
            for (int i = 0; i < 6; i++)
            {
                long before = unit.RepliesSent;
                long due = unit.RepliesSent + unit.RepliesDropped + 1;
                bool answered;
                try
                {
                    await ConnectAndGetState(unit, Short);
                    answered = true;
                }
                catch (DeviceTimeoutException)
                {
                    answered = false;
                }
                await WaitFor(() => unit.RepliesSent + unit.RepliesDropped == due, Generous);
                sent.Add(unit.RepliesSent > before);
                if (!sent[i]) Assert.False(answered);
            }
            return sent;
        }
        List<bool> first = await Run();
        Assert.Contains(true, first);
        Assert.Contains(false, first);
        Assert.Equal(unit.Requests, unit.RepliesSent + unit.RepliesDropped);

        // The same seeded plan, assigned again, replays the same sequence of drops.
        unit.Faults = plan;
        Assert.Equal(first, await Run());
    }

    [Fact]
    public async Task OpenSessions_returns_to_zero_after_faulted_and_clean_clients()
    {
        using VirtualAirConditioner unit = Start("127.0.15.27", 2);
        var clients = new List<AcProbe>();
        try
        {
            for (int i = 0; i < 4; i++) clients.Add(await AcProbe.ConnectAsync(EndpointOf(unit), i is 0 or 2 ? Short : Generous, default));
            await WaitFor(() => unit.OpenSessions == 4, TimeSpan.FromSeconds(2));
            Assert.Equal(4, unit.OpenSessions);

            unit.Faults = new FaultPlan { DropPercent = 100 };
            await Assert.ThrowsAsync<DeviceTimeoutException>(() => clients[0].GetStateAsync(default));
            unit.Faults = new FaultPlan { CloseMidResponse = true };
            await Assert.ThrowsAsync<DeviceUnreachableException>(() => clients[1].GetStateAsync(default));
            unit.Faults = new FaultPlan { Truncate = true };
            await Assert.ThrowsAsync<DeviceTimeoutException>(() => clients[2].GetStateAsync(default));
            unit.Faults = FaultPlan.None;
            await clients[3].GetStateAsync(default);
        }
        finally
        {
            foreach (AcProbe client in clients) client.Dispose();
        }
        await WaitFor(() => unit.OpenSessions == 0, TimeSpan.FromSeconds(2));
        Assert.Equal(0, unit.OpenSessions);
    }
}
