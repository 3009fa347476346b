using System;
using System.Net;
using System.Threading.Tasks;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>The session that survives broken connections, against the simulator with faults (127.0.9.110-119).</summary>
public class ManagedClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static ManagedClient Session(VirtualAirConditioner unit) =>
        new(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, unit.ProtocolVersion, unit.Token, unit.Key), Timeout) { Backoff = TimeSpan.FromMilliseconds(10) };

    [Fact]
    public async Task Many_queries_share_one_connection_and_one_handshake()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.110") });
        using ManagedClient session = Session(unit);
        for (int i = 0; i < 20; i++) await session.QueryAsync((c, t) => c.GetStateAsync(t), default);
        Assert.Equal(1, session.Connects);
        Assert.Equal(1, unit.Connections);
    }

    [Fact]
    public async Task A_query_cut_off_mid_reply_is_asked_again_on_a_fresh_connection()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.111"), ProtocolVersion = 2 });
        using ManagedClient session = Session(unit);
        // Enough attempts that healing the unit always lands before they run out.
        session.Attempts = 10;
        session.Backoff = TimeSpan.FromMilliseconds(50);
        await session.QueryAsync((c, t) => c.GetStateAsync(t), default);
        unit.Faults = new FaultPlan { CloseMidResponse = true };
        Task<Ac.AcState> query = session.QueryAsync((c, t) => c.GetStateAsync(t), default);
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
        using ManagedClient session = Session(unit);
        Ac.AcState state = await session.QueryAsync((c, t) => c.GetStateAsync(t), default);
        long before = unit.Requests;
        unit.Faults = new FaultPlan { CloseMidResponse = true };
        state.Power = !state.Power;
        var error = await Assert.ThrowsAsync<OutcomeUnknownException>(() => session.CommandAsync((c, t) => c.SetStateAsync(state, false, t), default));
        Assert.IsType<DeviceUnreachableException>(error.InnerException);
        Assert.Equal(before + 1, unit.Requests);
        Assert.Equal(1, session.Connects);
    }

    [Fact]
    public async Task A_timeout_is_not_retried()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.113"), ProtocolVersion = 2 });
        using var session = new ManagedClient(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 2), TimeSpan.FromMilliseconds(300));
        await session.QueryAsync((c, t) => c.GetStateAsync(t), default);
        unit.Faults = new FaultPlan { DropFirst = 1 };
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => session.QueryAsync((c, t) => c.GetStateAsync(t), default));
        Assert.Equal(1, session.Connects);
    }
}
