using System;
using System.Net;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Appliances;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>The session that survives broken connections, against the simulator with faults (127.0.9.110-119).</summary>
public class DeviceSessionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static DeviceEndpoint EndpointOf(VirtualAirConditioner unit) => new(unit.Address, unit.Port, unit.DeviceId, unit.ProtocolVersion, unit.Token, unit.Key);

    private static DeviceSession Session(VirtualAirConditioner unit) => new(EndpointOf(unit), new RequestPolicy(Timeout) { FirstBackoff = TimeSpan.FromMilliseconds(10) });

    [Fact]
    public async Task Many_queries_share_one_connection_and_one_handshake()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.110") });
        using DeviceSession session = Session(unit);
        var ac = new AirConditioner(session);
        for (int i = 0; i < 20; i++) await ac.GetStateAsync(default);
        Assert.Equal(1, session.Connects);
        Assert.Equal(1, unit.Connections);
    }

    [Fact]
    public async Task A_query_cut_off_mid_reply_is_asked_again_on_a_fresh_connection()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.111"), ProtocolVersion = 2 });
        // Enough attempts that healing the unit always lands before they run out.
        using var session = new DeviceSession(EndpointOf(unit), new RequestPolicy(Timeout) { ReadAttempts = 10, FirstBackoff = TimeSpan.FromMilliseconds(50) });
        var ac = new AirConditioner(session);
        await ac.GetStateAsync(default);
        unit.Faults = new FaultPlan { CloseMidResponse = true };
        Task<AcState> query = ac.GetStateAsync(default);
        // Let the first attempt be cut, then heal the unit so a retry can answer.
        while (unit.Connections < 2) await Task.Delay(5);
        unit.Faults = FaultPlan.None;
        await query;
        Assert.True(session.Connects >= 2);
    }

    [Fact]
    public async Task A_command_cut_off_after_sending_is_not_sent_again()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.112"), ProtocolVersion = 2 });
        using DeviceSession session = Session(unit);
        AcState state = await new AirConditioner(session).GetStateAsync(default);
        long before = unit.Requests;
        unit.Faults = new FaultPlan { CloseMidResponse = true };
        state.Power = !state.Power;
        var error = await Assert.ThrowsAsync<OutcomeUnknownException>(() => AcProbe.On(session).SetStateAsync(state, false, RequestKind.Change, default));
        Assert.IsType<DeviceUnreachableException>(error.InnerException);
        Assert.Equal(before + 1, unit.Requests);
        Assert.Equal(1, session.Connects);
    }

    [Fact]
    public async Task A_timeout_is_not_retried()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.113"), ProtocolVersion = 2 });
        using var session = new DeviceSession(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 2), new RequestPolicy(TimeSpan.FromMilliseconds(300)));
        var ac = new AirConditioner(session);
        await ac.GetStateAsync(default);
        unit.Faults = new FaultPlan { DropFirst = 1 };
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => ac.GetStateAsync(default));
        Assert.Equal(1, session.Connects);
    }

    [Fact]
    public async Task A_change_stopped_by_the_caller_after_sending_is_a_cancellation_not_an_unknown_outcome()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.114"), ProtocolVersion = 2 });
        using DeviceSession session = Session(unit);
        AcState state = await new AirConditioner(session).GetStateAsync(default);
        unit.Faults = new FaultPlan { ResponseDelay = TimeSpan.FromSeconds(1) };
        state.Power = !state.Power;
        using var stop = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            session.OperationAsync(t => AcProbe.On(session).SetStateAsync(state, false, RequestKind.Change, t), stop.Token));
        // It was written, and the unit applied it: the stop is the caller's answer, not a claim that nothing happened.
        Assert.Equal(state.Power, unit.State.Power);
    }
}
