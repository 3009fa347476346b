using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>
/// AirConditioner.GetApplianceInfoAsync against simulated units (protocol.md §5.11): the answer per
/// profile on V2 and V3, and a unit that stays silent or garbles costs one short wait, a reason and
/// nothing else (127.0.45.40–127.0.45.59).
/// </summary>
public class ApplianceInfoSessionTests
{
    private static VirtualAirConditioner Start(string address, int version, CapabilityProfile profile = CapabilityProfile.Full) =>
        VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse(address), ProtocolVersion = version, CapabilityProfile = profile });

    private static DeviceSession Session(VirtualAirConditioner unit, TimeSpan timeout) =>
        new(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, unit.ProtocolVersion, unit.Token, unit.Key), new RequestPolicy(timeout));

    [Theory]
    [InlineData("127.0.45.40", 2, CapabilityProfile.Full, 3, 0xACAC)]
    [InlineData("127.0.45.41", 3, CapabilityProfile.Full, 3, 0xACAC)]
    [InlineData("127.0.45.42", 2, CapabilityProfile.Basic, 3, 0x00AC)]
    [InlineData("127.0.45.43", 3, CapabilityProfile.PortaSplit, 8, 0x1000)]
    public async Task The_capabilities_and_then_the_appliance_info_come_on_one_connection(string address, int version, CapabilityProfile profile, int messageProtocol, int subtype)
    {
        using VirtualAirConditioner unit = Start(address, version, profile);
        using DeviceSession session = Session(unit, TimeSpan.FromSeconds(5));
        var ac = new AirConditioner(session);

        AcCapabilities caps = await ac.GetCapabilitiesAsync(fresh: true, default);
        (ApplianceInfo? info, string? missing) = await ac.GetApplianceInfoAsync(default);

        Assert.NotEmpty(caps.Modes);
        Assert.Null(missing);
        Assert.NotNull(info);
        Assert.Equal(messageProtocol, info!.MessageProtocolVersion);
        Assert.Equal(subtype, info.Subtype);
        Assert.Equal(AaFrame.AirConditioner, info.ApplianceType);
        Assert.Equal(1, session.Connects);
        Assert.True(session.IsConnected);
    }

    [Theory]
    [InlineData("127.0.45.44", 2)]
    [InlineData("127.0.45.45", 3)]
    public async Task A_silent_unit_costs_one_short_wait_and_a_reason_and_the_next_read_still_works(string address, int version)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using DeviceSession session = Session(unit, TimeSpan.FromSeconds(5));
        var ac = new AirConditioner(session);
        await ac.GetCapabilitiesAsync(fresh: true, default);
        long requests = unit.Requests;

        unit.Faults = new FaultPlan { Silent = true };
        var clock = Stopwatch.StartNew();
        (ApplianceInfo? info, string? missing) = await ac.GetApplianceInfoAsync(default);
        clock.Stop();

        Assert.Null(info);
        Assert.Contains("did not answer the appliance query within 2 s", missing);
        Assert.Contains(address, missing);
        // One short wait, not the request limit of 5 s, and the query was sent once.
        Assert.InRange(clock.Elapsed, RequestPolicy.ApplianceInfoWait - TimeSpan.FromMilliseconds(100), RequestPolicy.ApplianceInfoWait + TimeSpan.FromSeconds(1));
        Assert.Equal(requests + 1, unit.Requests);

        unit.Faults = new FaultPlan();
        AcCapabilities caps = await ac.GetCapabilitiesAsync(fresh: true, default);
        Assert.NotEmpty(caps.Modes);
    }

    [Fact]
    public async Task A_request_limit_shorter_than_the_wait_is_the_wait()
    {
        using VirtualAirConditioner unit = Start("127.0.45.46", 3);
        using DeviceSession session = Session(unit, TimeSpan.FromSeconds(1));
        var ac = new AirConditioner(session);
        await ac.GetStateAsync(default);
        unit.Faults = new FaultPlan { Silent = true };

        var clock = Stopwatch.StartNew();
        (ApplianceInfo? info, string? missing) = await ac.GetApplianceInfoAsync(default);

        Assert.Null(info);
        Assert.NotNull(missing);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(1), session.Policy.ApplianceInfoLimit);
    }

    [Fact]
    public async Task A_garbled_answer_is_a_reason_not_an_error()
    {
        using VirtualAirConditioner unit = Start("127.0.45.47", 2);
        using DeviceSession session = Session(unit, TimeSpan.FromSeconds(5));
        var ac = new AirConditioner(session);
        await ac.GetStateAsync(default);
        unit.Faults = new FaultPlan { Garbage = true, Seed = 45 };

        (ApplianceInfo? info, string? missing) = await ac.GetApplianceInfoAsync(default);

        Assert.Null(info);
        Assert.StartsWith("127.0.45.47: ", missing);
    }

    [Fact]
    public async Task A_unit_that_cannot_be_reached_is_a_reason_too()
    {
        // Nothing listens on this address.
        using var session = new DeviceSession(new DeviceEndpoint(IPAddress.Parse("127.0.45.48"), 6444, 1, 2), new RequestPolicy(TimeSpan.FromSeconds(1)));
        (ApplianceInfo? info, string? missing) = await new AirConditioner(session).GetApplianceInfoAsync(default);
        Assert.Null(info);
        Assert.StartsWith("127.0.45.48: ", missing);
    }

    [Fact]
    public async Task The_caller_stopping_is_thrown_not_turned_into_a_reason()
    {
        using VirtualAirConditioner unit = Start("127.0.45.49", 3);
        using DeviceSession session = Session(unit, TimeSpan.FromSeconds(5));
        var ac = new AirConditioner(session);
        await ac.GetStateAsync(default);
        unit.Faults = new FaultPlan { Silent = true };
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ac.GetApplianceInfoAsync(stop.Token));
    }
}
