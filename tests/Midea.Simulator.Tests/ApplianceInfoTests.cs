using System;
using System.Net;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;
using Midea.Simulator;
using static Midea.Protocol.Tests.FaultInjection;

namespace Midea.Protocol.Tests;

/// <summary>
/// The appliance query midea-local opens every session with (protocol.md §5.11), sent as its raw
/// bytes over loopback: every simulated AC answers per its profile, V2 and V3, and a 0xCC unit
/// stays silent (127.0.45.1–127.0.45.39).
/// </summary>
public class ApplianceInfoTests
{
    // midea-local's MessageQueryAppliance(DeviceType.AC).serialize() (§7.11 Q01), and to a 0xCC unit (Q02).
    private const string MideaLocalQuery = "aa1dac000000000000a00000000000000000000000000000000000000097";
    private const string MideaLocalCcQuery = "aa1dcc000000000000a00000000000000000000000000000000000000077";
    // The vendor plugin's bare form and its form with 20 zero bytes (Q03, Q04).
    private const string PluginQuery = "aa0aac000000000003a0a7";
    private const string PluginLongQuery = "aa1eac000000000003a0000000000000000000000000000000000000000093";

    private static VirtualAirConditioner Start(string address, int version, CapabilityProfile profile = CapabilityProfile.Full, DeviceType type = DeviceType.AirConditioner) =>
        VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse(address), ProtocolVersion = version, CapabilityProfile = profile, DeviceType = type });

    [Theory]
    [InlineData("127.0.45.1", 2, CapabilityProfile.Full, 0x03, 0xACAC)]
    [InlineData("127.0.45.2", 3, CapabilityProfile.Full, 0x03, 0xACAC)]
    [InlineData("127.0.45.3", 2, CapabilityProfile.Basic, 0x03, 0x00AC)]
    [InlineData("127.0.45.4", 3, CapabilityProfile.Basic, 0x03, 0x00AC)]
    [InlineData("127.0.45.5", 2, CapabilityProfile.PortaSplit, 0x08, 0x1000)]
    [InlineData("127.0.45.6", 3, CapabilityProfile.PortaSplit, 0x08, 0x1000)]
    public async Task Midea_locals_raw_query_gets_the_answer_of_the_units_profile(string address, int version, CapabilityProfile profile, int messageProtocol, int subtype)
    {
        using VirtualAirConditioner unit = Start(address, version, profile);
        using RawConnection connection = await RawConnection.OpenAsync(unit);

        await connection.SendFrameAsync(Hex.Decode(MideaLocalQuery));
        (V2Packet packet, AaFrame frame) = await connection.ReadFrameAsync(Generous) ?? throw new TimeoutException("No answer to the appliance query.");

        // A device packet naming the unit, like every reply.
        Assert.Equal((ushort)V2Magic.Response, packet.Magic);
        Assert.Equal(unit.DeviceId, packet.DeviceId);
        // What midea-local reads: byte 9 A0 (its pre_process_message), byte 8 the version.
        Assert.Equal(0xA0, packet.Payload[9]);
        Assert.Equal(messageProtocol, packet.Payload[8]);
        // What midea_ac_lan 0.3.10–0.3.21 and the vendor plugin read: body[0] 00, the subtype in body[2..3].
        Assert.Equal(0x00, frame.Id);
        Assert.Equal(subtype, frame.Body[2] | frame.Body[3] << 8);
        ApplianceInfo info = ApplianceInfoCodec.Parse(frame);
        Assert.Equal(messageProtocol, info.MessageProtocolVersion);
        Assert.Equal(subtype, info.Subtype);
        Assert.Equal(AaFrame.AirConditioner, info.ApplianceType);
        // A true CRC-8 and checksum: the answer passes even the strict rules.
        AaFrame.DecodeRequest(packet.Payload);
        Assert.Equal(0, connection.DiscardedBytes);
        Assert.Equal(1, unit.Requests);
    }

    [Theory]
    [InlineData("127.0.45.7", 2)]
    [InlineData("127.0.45.8", 3)]
    public async Task Midea_locals_opening_sequence_gets_one_answer_per_request_on_one_connection(string address, int version)
    {
        // midea-local sends the query, waits for its answer, then its status queries on the same connection.
        using VirtualAirConditioner unit = Start(address, version, CapabilityProfile.PortaSplit);
        using RawConnection connection = await RawConnection.OpenAsync(unit);

        await connection.SendFrameAsync(Hex.Decode(MideaLocalQuery));
        (_, AaFrame answer) = await connection.ReadFrameAsync(Generous) ?? throw new TimeoutException("No answer to the appliance query.");
        Assert.Equal((byte)FrameType.QueryAppliance, answer.FrameType);
        AcState state = await connection.GetStateAsync();
        Assert.False(state.Power);
        await connection.SendFrameAsync(CapabilityCodec.Request(1, 2));
        (_, AaFrame capabilities) = await connection.ReadFrameAsync(Generous) ?? throw new TimeoutException("No capabilities.");

        // One unit, one version in byte 8 of all its frames (K13 of a PortaSplit carries 08).
        Assert.Equal(CapabilityCodec.Id, capabilities.Id);
        Assert.Equal(answer.ProtocolVersion, capabilities.ProtocolVersion);
        Assert.Equal(0x08, answer.ProtocolVersion);
        Assert.Equal(1, unit.Connections);
    }

    [Theory]
    [InlineData("127.0.45.16", CapabilityProfile.Full, 0x03)]
    [InlineData("127.0.45.17", CapabilityProfile.PortaSplit, 0x08)]
    public async Task A_push_carries_the_version_of_the_units_answer(string address, CapabilityProfile profile, int messageProtocol)
    {
        using VirtualAirConditioner unit = Start(address, 3, profile);
        using RawConnection connection = await RawConnection.OpenAsync(unit);
        await WaitFor(() => unit.OpenSessions == 1, Generous);

        unit.RemoteControl(state => state.Power = true);
        (_, AaFrame push) = await connection.ReadFrameAsync(Generous) ?? throw new TimeoutException("No push.");

        Assert.Equal((byte)FrameType.Notify, push.FrameType);
        Assert.Equal(messageProtocol, push.ProtocolVersion);
    }

    [Theory]
    [InlineData("127.0.45.9", PluginQuery)]
    [InlineData("127.0.45.10", PluginLongQuery)]
    public async Task The_vendor_plugins_forms_get_the_same_answer(string address, string query)
    {
        using VirtualAirConditioner unit = Start(address, 3);
        using RawConnection connection = await RawConnection.OpenAsync(unit);

        await connection.SendFrameAsync(Hex.Decode(query));
        (_, AaFrame frame) = await connection.ReadFrameAsync(Generous) ?? throw new TimeoutException("No answer to the appliance query.");

        Assert.Equal(0xACAC, ApplianceInfoCodec.Parse(frame).Subtype);
        Assert.Equal(3, frame.ProtocolVersion);
    }

    [Theory]
    [InlineData("127.0.45.11", CapabilityProfile.Full)]
    [InlineData("127.0.45.12", CapabilityProfile.Basic)]
    [InlineData("127.0.45.13", CapabilityProfile.PortaSplit)]
    public async Task The_discovery_reply_names_the_subtype_the_answer_gives(string address, CapabilityProfile profile)
    {
        using VirtualAirConditioner unit = Start(address, 3, profile);
        DiscoveryInfo found = await DiscoveryClient.AskAsync(unit.Address, Generous, default) ?? throw new TimeoutException("No discovery reply.");
        using RawConnection connection = await RawConnection.OpenAsync(unit);

        await connection.SendFrameAsync(Hex.Decode(MideaLocalQuery));
        (_, AaFrame frame) = await connection.ReadFrameAsync(Generous) ?? throw new TimeoutException("No answer to the appliance query.");

        Assert.Equal(found.Subtype, ApplianceInfoCodec.Parse(frame).Subtype);
    }

    [Theory]
    [InlineData("127.0.45.14", 2)]
    [InlineData("127.0.45.15", 3)]
    public async Task A_commercial_unit_stays_silent_and_keeps_the_connection(string address, int version)
    {
        using VirtualAirConditioner unit = Start(address, version, type: DeviceType.CommercialAc);
        using RawConnection connection = await RawConnection.OpenAsync(unit);

        await connection.SendFrameAsync(Hex.Decode(MideaLocalCcQuery));
        Assert.Null(await connection.ReadFrameAsync(TimeSpan.FromMilliseconds(500)));

        // The connection still serves: the 0xCC query is answered.
        await connection.SendFrameAsync(CcQueryCodec.Query(7));
        V2Packet packet = await connection.ReadV2Async(Generous) ?? throw new TimeoutException("No query answer.");
        AaFrame answer = AaFrame.Decode(packet.Payload, AaFrame.CommercialAirConditioner);
        Assert.True(CcQueryCodec.IsAnswer(answer.Body));
    }
}
