using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;
using Midea.Simulator;
using Xunit;
using static Midea.Protocol.Tests.FaultInjection;

namespace Midea.Protocol.Tests;

/// <summary>
/// A simulated 0xCC unit over loopback, read with the 0xCC codecs (127.0.39.1–127.0.39.99): it
/// reports type 0xCC, answers the query and a control, pushes a report on a remote change.
/// </summary>
public class CommercialAcTests
{
    private static VirtualAirConditioner Start(string address, int version) =>
        VirtualAirConditioner.Start(new SimulatorOptions
        {
            Address = IPAddress.Parse(address),
            ProtocolVersion = version,
            DeviceType = DeviceType.CommercialAc,
            IndoorTemperature = 26.5,
        });

    /// <summary>The next 0xCC frame the unit sent on <paramref name="connection"/>.</summary>
    private static async Task<AaFrame> ReadCcFrameAsync(RawConnection connection)
    {
        V2Packet packet = await connection.ReadV2Async(Generous) ?? throw new TimeoutException("No frame.");
        return AaFrame.Decode(packet.Payload, AaFrame.CommercialAirConditioner);
    }

    [Fact]
    public async Task Discovery_reports_appliance_type_0xCC()
    {
        using VirtualAirConditioner unit = Start("127.0.39.1", 3);
        var results = new List<DiscoveryResult>();
        await DiscoveryClient.RunAsync(new[] { unit.Address }, Array.Empty<IPAddress>(), TimeSpan.FromSeconds(2), results.Add, 0, default);
        DiscoveryResult found = Assert.Single(results);
        Assert.Equal(AaFrame.CommercialAirConditioner, found.Info!.ApplianceType);
        Assert.Equal(unit.DeviceId, found.Info.DeviceId);
    }

    [Theory]
    [InlineData(2, "127.0.39.2")]
    [InlineData(3, "127.0.39.3")]
    public async Task The_query_gets_an_answer_of_the_units_state_and_capabilities(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);

        await connection.SendFrameAsync(CcQueryCodec.Query(7));
        AaFrame frame = await ReadCcFrameAsync(connection);

        Assert.Equal((byte)FrameType.Query, frame.FrameType);
        CcQueryAnswer answer = CcQueryCodec.ParseAnswer(frame.Body);
        Assert.Equal(26.5, answer.State.IndoorTemperature);
        Assert.False(answer.State.Power);
        Assert.Equal(unit.CcState.TargetTemperature, answer.State.TargetTemperature);
        Assert.Equal(unit.CcCapabilities.Modes, answer.Capabilities.Modes);
        Assert.Equal(1, unit.Requests);
    }

    [Theory]
    [InlineData(2, "127.0.39.4")]
    [InlineData(3, "127.0.39.5")]
    public async Task A_control_is_applied_and_answered_with_the_entries_it_named(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);
        var changes = new CcChanges { Power = true, Mode = CcMode.Heat, TargetTemperature = 21.5, FanSpeed = CcFanSpeed.Level3 };

        await connection.SendFrameAsync(CcControlCodec.Control(changes, 9));
        AaFrame frame = await ReadCcFrameAsync(connection);

        Assert.Equal((byte)FrameType.Set, frame.FrameType);
        CcChanges confirmed = CcControlCodec.ParseEntries(frame.Body);
        Assert.Equal(changes.Named, confirmed.Named);
        Assert.Equal(21.5, confirmed.TargetTemperature);
        Assert.Equal(CcMode.Heat, unit.CcState.Mode);
        // The next query answer carries the change.
        await connection.SendFrameAsync(CcQueryCodec.Query(10));
        CcState after = CcQueryCodec.ParseAnswer((await ReadCcFrameAsync(connection)).Body).State;
        Assert.True(after.Power);
        Assert.Equal(CcMode.Heat, after.Mode);
        Assert.Equal(21.5, after.TargetTemperature);
        Assert.Equal(CcFanSpeed.Level3, after.FanSpeed);
    }

    [Theory]
    [InlineData(2, "127.0.39.6")]
    [InlineData(3, "127.0.39.7")]
    public async Task A_remote_change_pushes_a_type_04_report_to_every_open_connection(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection first = await RawConnection.OpenAsync(unit);
        using RawConnection second = await RawConnection.OpenAsync(unit);
        await WaitFor(() => unit.OpenSessions == 2, Generous);

        CcState returned = unit.RemoteControl(new CcChanges { Power = true, Mode = CcMode.Cool, TargetTemperature = 19 });

        Assert.Equal(19, returned.TargetTemperature);
        foreach (RawConnection connection in new[] { first, second })
        {
            AaFrame frame = await ReadCcFrameAsync(connection);
            Assert.Equal((byte)FrameType.Report, frame.FrameType);
            CcState reported = CcQueryCodec.ParseAnswer(frame.Body).State;
            Assert.True(reported.Power);
            Assert.Equal(CcMode.Cool, reported.Mode);
            Assert.Equal(19, reported.TargetTemperature);
        }
        Assert.Equal(2, unit.PushesSent);
    }

    [Fact]
    public async Task Faults_and_moves_work_for_it_as_for_an_air_conditioner()
    {
        using VirtualAirConditioner unit = Start("127.0.39.11", 3);
        using (RawConnection connection = await RawConnection.OpenAsync(unit))
        {
            // After the handshake, which would count as a reply too.
            unit.Faults = new FaultPlan { DropFirst = 1 };
            await connection.SendFrameAsync(CcQueryCodec.Query(1));
            Assert.Null(await connection.ReadV2Async(TimeSpan.FromMilliseconds(500)));
            await connection.SendFrameAsync(CcQueryCodec.Query(2));
            Assert.True(CcQueryCodec.IsAnswer((await ReadCcFrameAsync(connection)).Body));
        }
        Assert.Equal(1, unit.RepliesDropped);

        unit.MoveTo(IPAddress.Parse("127.0.39.12"));
        using RawConnection moved = await RawConnection.OpenAsync(unit);
        await moved.SendFrameAsync(CcQueryCodec.Query(3));
        Assert.True(CcQueryCodec.IsAnswer((await ReadCcFrameAsync(moved)).Body));
    }

    [Fact]
    public async Task An_air_conditioner_frame_is_dropped_and_the_connection_stays()
    {
        using VirtualAirConditioner unit = Start("127.0.39.8", 2);
        using RawConnection connection = await RawConnection.OpenAsync(unit);

        await connection.SendFrameAsync(Midea.Protocol.Ac.AcCommands.GetState(1));
        Assert.Null(await connection.ReadV2Async(TimeSpan.FromMilliseconds(500)));
        await connection.SendFrameAsync(CcQueryCodec.Query(2));
        Assert.True(CcQueryCodec.IsAnswer((await ReadCcFrameAsync(connection)).Body));
    }

    [Fact]
    public void The_air_conditioner_remote_and_state_of_the_other_kind_are_refused()
    {
        using VirtualAirConditioner cc = Start("127.0.39.9", 2);
        Assert.Throws<InvalidOperationException>(() => cc.RemoteControl(s => s.Power = true));
        using VirtualAirConditioner ac = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.39.10"), ProtocolVersion = 2 });
        Assert.Equal(DeviceType.AirConditioner, ac.DeviceType);
        Assert.Throws<InvalidOperationException>(() => ac.RemoteControl(new CcChanges { Power = true }));
        Assert.Throws<InvalidOperationException>(() => ac.CcState);
    }
}
