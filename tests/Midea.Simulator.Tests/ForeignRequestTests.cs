using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Simulator;
using static Midea.Protocol.Tests.FaultInjection;

namespace Midea.Protocol.Tests;

/// <summary>
/// The requests of msmart-ng and midea-local, byte for byte as each builds them (protocol.md §7.10),
/// sent to a simulated unit over real loopback, V2 and V3, and the answer a unit gives to each: its
/// frame type, body id and fields read with the module's codecs, or silence with the connection kept.
/// Addresses 127.0.48.1–127.0.48.99: V2 units below .50, V3 units from .51.
/// </summary>
public class ForeignRequestTests
{
    /// <summary>
    /// The properties the Full profile's capability pages back (protocol.md §5.8): the ones a unit with
    /// those capabilities answers with a value.
    /// </summary>
    // What the Full profile serves: the properties its capability pages back (protocol.md §5.7),
    // indoor humidity (0x15) and the sound (0x22C) among them.
    private static readonly HashSet<ushort> FullProfileProperties = new()
    {
        0x0009, 0x000A, 0x0015, 0x0018, 0x0039, 0x0042, 0x0043, 0x0048, 0x004B, 0x0059, 0x0067, 0x00CD, 0x00E3, 0x022C,
    };

    private static VirtualAirConditioner Start(string address, int version, CapabilityProfile profile = CapabilityProfile.Full) =>
        VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse(address), ProtocolVersion = version, CapabilityProfile = profile });

    /// <summary>Sends the vector's frame as its client does (in a V2 request, inside V3 on a V3 unit) and returns the answer.</summary>
    private static async Task<AaFrame> AskAsync(RawConnection connection, ForeignRequest request)
    {
        await connection.SendFrameAsync(request.Frame);
        (V2Packet _, AaFrame answer) = await connection.ReadFrameAsync(Generous) ?? throw new TimeoutException($"{request.Id}: no answer.");
        return answer;
    }

    /// <summary>
    /// Nothing comes for the request, and the connection still serves: the first frame after a GetState
    /// is its C0, so no late answer to the silent request is hiding behind it either.
    /// </summary>
    private static async Task AssertSilentAndConnectionKept(RawConnection connection, string id)
    {
        Assert.True(await connection.ReadV2Async(Short) is null, $"{id}: the unit answered.");
        await connection.SendFrameAsync(AcCommands.GetState(0x02));
        (V2Packet _, AaFrame next) = await connection.ReadFrameAsync(Generous) ?? throw new TimeoutException($"{id}: no state after the silence.");
        Assert.Equal(AcCommands.StateResponseId, next.Id);
    }

    /// <summary>The body the unit receives, without CRC: what its handler reads.</summary>
    private static byte[] RequestBody(ForeignRequest request) => AaFrame.DecodeRequest(request.Frame).Body;

    // ---- The vectors themselves ----

    [Theory]
    [MemberData(nameof(ForeignRequests.FrameIds), MemberType = typeof(ForeignRequests))]
    public void Each_frame_put_together_with_the_modules_CRC_and_checksum_is_the_one_its_client_builds(string id)
    {
        ForeignRequest request = ForeignRequests.Get(id);
        Assert.Equal(request.ClientHex, Hex.Encode(request.Frame));
        // Both clients write length = frame length − 1, appliance type ac and sync 00.
        Assert.Equal(request.Frame.Length - 1, request.Frame[1]);
        Assert.Equal(AaFrame.AirConditioner, request.Frame[2]);
        Assert.Equal(0, request.Frame[3]);
    }

    // ---- Captured answers to midea-local's forms (the evidence of protocol.md §7.10) ----

    [Fact]
    public void The_captured_group_1_answer_to_midea_locals_short_query_reads_with_the_modules_codec()
    {
        AaFrame answer = AaFrame.Decode(Hex.Decode(ForeignRequests.CapturedGroup1));
        Assert.Equal((byte)FrameType.Query, answer.FrameType);
        Assert.Equal(1, GroupCodec.GroupOf(answer.Body));
        OutdoorUnitReading reading = GroupCodec.ParseOutdoorUnit(answer.Body);
        Assert.Equal((43, 43, 3, 214), (reading.CompressorHz, reading.TargetHz, reading.CurrentA, reading.VoltageV));
        // In front of the CRC: 01, the last byte of midea-local's query (R19), as the simulator answers it.
        Assert.Equal(0x01, answer.Body[^1]);
    }

    [Theory]
    [InlineData(ForeignRequests.CapturedSubProtocol11, 0x11)]
    [InlineData(ForeignRequests.CapturedSubProtocol30, 0x30)]
    public void Captured_sub_protocol_answers_keep_the_requests_layout_CRC_then_sum(string hex, int queryType)
    {
        byte[] frame = Hex.Decode(hex);
        // The client's receive rule takes the sum in the CRC's place (protocol.md §4.6).
        AaFrame answer = AaFrame.Decode(frame);
        byte[] body = answer.Body;
        Assert.Equal(0xBB, answer.Id);
        // bb, length of the body with both check bytes, 00 ff ff, the type asked: the header of R32–R34, mirrored.
        Assert.Equal(frame.Length - 11, body[1]);
        Assert.Equal("00ffff", Hex.Encode(body.AsSpan(2, 3)));
        Assert.Equal(queryType, body[5]);
        Assert.Equal(Crc8.Compute(body.AsSpan(0, body.Length - 1)), body[^1]);
        Assert.Equal(AaFrame.Checksum(body), frame[^2]);
    }

    // ---- State ----

    [Theory]
    [InlineData("R01", 2, "127.0.48.1")]
    [InlineData("R01", 3, "127.0.48.51")]
    [InlineData("R16", 2, "127.0.48.2")]
    [InlineData("R16", 3, "127.0.48.52")]
    [InlineData("R17", 2, "127.0.48.3")]
    [InlineData("R17", 3, "127.0.48.53")]
    public async Task A_state_query_is_answered_with_a_type_03_C0_of_the_units_state(string id, int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        // A state no default could pass for; set before connecting, so no push comes.
        unit.RemoteControl(s =>
        {
            s.Power = true;
            s.Mode = OperationalMode.Heat;
            s.TargetTemperature = 22.5;
            s.FanSpeed = 60;
            s.Swing = SwingMode.Vertical;
        });
        using RawConnection connection = await RawConnection.OpenAsync(unit);

        AaFrame answer = await AskAsync(connection, ForeignRequests.Get(id));

        Assert.Equal((byte)FrameType.Query, answer.FrameType);
        Assert.Equal(AcCommands.StateResponseId, answer.Id);
        AcState reported = StateCodec.Parse(answer.Body);
        Assert.True(reported.Power);
        Assert.Equal(OperationalMode.Heat, reported.Mode);
        Assert.Equal(22.5, reported.TargetTemperature);
        Assert.Equal(60, reported.FanSpeed);
        Assert.Equal(SwingMode.Vertical, reported.Swing);
        Assert.True(reported.Display);
        // The byte in front of the CRC carries the request's message id (protocol.md §5.2).
        Assert.Equal(0x01, answer.Body[^1]);
    }

    // ---- Capabilities ----

    [Theory]
    [InlineData("R02", 1, 2, "127.0.48.4")]
    [InlineData("R02", 1, 3, "127.0.48.54")]
    [InlineData("R03", 2, 2, "127.0.48.5")]
    [InlineData("R03", 2, 3, "127.0.48.55")]
    public async Task A_capability_query_is_answered_with_the_page_asked_for(string id, int page, int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);

        AaFrame answer = await AskAsync(connection, ForeignRequests.Get(id));

        Assert.Equal((byte)FrameType.Query, answer.FrameType);
        Assert.Equal(CapabilityCodec.Id, answer.Id);
        CapabilityPage reply = CapabilityCodec.ParsePage(answer.Body);
        Assert.NotEmpty(reply.Entries);
        // The Full profile has two pages: page 1 announces the second, page 2 announces none.
        Assert.Equal(page == 1, reply.MorePages);
    }

    [Theory]
    [InlineData(2, "127.0.48.6")]
    [InlineData(3, "127.0.48.56")]
    public async Task Midea_locals_second_page_query_to_a_unit_with_one_page_gets_silence(int version, string address)
    {
        // midea-local asks page 2 on every poll; msmart-ng only when page 1 announces it.
        using VirtualAirConditioner unit = Start(address, version, CapabilityProfile.Basic);
        using RawConnection connection = await RawConnection.OpenAsync(unit);
        AaFrame first = await AskAsync(connection, ForeignRequests.Get("R02"));
        Assert.False(CapabilityCodec.ParsePage(first.Body).MorePages);

        await connection.SendFrameAsync(ForeignRequests.Get("R03").Frame);

        await AssertSilentAndConnectionKept(connection, "R03");
    }

    // ---- Data groups ----

    [Theory]
    [InlineData("R04", 1, 2, "127.0.48.7")]
    [InlineData("R04", 1, 3, "127.0.48.57")]
    [InlineData("R05", 2, 2, "127.0.48.8")]
    [InlineData("R05", 2, 3, "127.0.48.58")]
    [InlineData("R06", 4, 2, "127.0.48.9")]
    [InlineData("R06", 4, 3, "127.0.48.59")]
    [InlineData("R07", 5, 2, "127.0.48.10")]
    [InlineData("R07", 5, 3, "127.0.48.60")]
    [InlineData("R08", 7, 2, "127.0.48.11")]
    [InlineData("R08", 7, 3, "127.0.48.61")]
    [InlineData("R09", 11, 2, "127.0.48.12")]
    [InlineData("R09", 11, 3, "127.0.48.62")]
    [InlineData("R19", 1, 2, "127.0.48.13")]
    [InlineData("R19", 1, 3, "127.0.48.63")]
    [InlineData("R20", 2, 2, "127.0.48.14")]
    [InlineData("R20", 2, 3, "127.0.48.64")]
    [InlineData("R21", 4, 2, "127.0.48.15")]
    [InlineData("R21", 4, 3, "127.0.48.65")]
    [InlineData("R22", 5, 2, "127.0.48.16")]
    [InlineData("R22", 5, 3, "127.0.48.66")]
    [InlineData("R23", 7, 2, "127.0.48.17")]
    [InlineData("R23", 7, 3, "127.0.48.67")]
    public async Task A_group_query_is_answered_with_a_C1_of_that_group(string id, int group, int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);

        AaFrame answer = await AskAsync(connection, ForeignRequests.Get(id));

        Assert.Equal((byte)FrameType.Query, answer.FrameType);
        Assert.Equal(GroupCodec.ResponseId, answer.Id);
        Assert.Equal(group, GroupCodec.GroupOf(answer.Body));
        switch (group)
        {
            case 1: GroupCodec.ParseOutdoorUnit(answer.Body); break;
            case 2: GroupCodec.ParseIndoorFan(answer.Body); break;
            case 4: Assert.True(GroupCodec.ParseEnergy(answer.Body).Valid); break;
            case 5: GroupCodec.ParseHumidity(answer.Body); break;
            case 7: GroupCodec.ParseOutdoorPower(answer.Body); break;
            default: GroupCodec.ParseLouvers(answer.Body); break;
        }
        // The request's last body byte comes back in front of the CRC: msmart-ng's message id, and the
        // 01 that ends midea-local's query, as in the group 1 answer captured from a real unit (§7.10).
        Assert.Equal(0x01, answer.Body[^1]);
    }

    // ---- Properties ----

    [Theory]
    [InlineData("R10", 2, "127.0.48.18")]
    [InlineData("R10", 3, "127.0.48.68")]
    [InlineData("R11", 2, "127.0.48.19")]
    [InlineData("R11", 3, "127.0.48.69")]
    [InlineData("R24", 2, "127.0.48.20")]
    [InlineData("R24", 3, "127.0.48.70")]
    [InlineData("R25", 2, "127.0.48.21")]
    [InlineData("R25", 3, "127.0.48.71")]
    [InlineData("R26", 2, "127.0.48.22")]
    [InlineData("R26", 3, "127.0.48.72")]
    public async Task A_property_query_is_answered_entry_by_entry_in_the_order_asked(string id, int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);
        ForeignRequest request = ForeignRequests.Get(id);
        IReadOnlyList<ushort> asked = PropertyCodec.ParseGetRequest(RequestBody(request));

        AaFrame answer = await AskAsync(connection, request);

        Assert.Equal((byte)FrameType.Query, answer.FrameType);
        Assert.Equal(PropertyCodec.GetId, answer.Id);
        IReadOnlyList<PropertyValue> entries = PropertyCodec.ParseReply(answer.Body);
        // One entry per tag, unsupported ones included: never an empty list for the whole query.
        Assert.Equal(asked, entries.Select(e => e.Id).ToArray());
        foreach (PropertyValue entry in entries)
        {
            if (FullProfileProperties.Contains(entry.Id))
            {
                Assert.Equal(0, entry.Result);
                Assert.NotEmpty(entry.Value);
            }
            else
            {
                // Of midea-local's tags, those no capability of the profile backs (0x17, 0x233, 0x3F).
                Assert.True(entry.Failed, $"{entry} should be refused.");
                Assert.Empty(entry.Value);
            }
        }
    }

    [Theory]
    [InlineData("R12", 0, 2, "127.0.48.23")]
    [InlineData("R12", 0, 3, "127.0.48.73")]
    [InlineData("R13", 0, 2, "127.0.48.24")]
    [InlineData("R13", 0, 3, "127.0.48.74")]
    [InlineData("R27", 0, 2, "127.0.48.25")]
    [InlineData("R27", 0, 3, "127.0.48.75")]
    [InlineData("R28", 0x0017, 2, "127.0.48.26")]
    [InlineData("R28", 0x0017, 3, "127.0.48.76")]
    public async Task A_property_set_is_acknowledged_entry_by_entry_with_type_02(string id, int refused, int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);
        ForeignRequest request = ForeignRequests.Get(id);
        IReadOnlyList<PropertyValue> sent = PropertyCodec.ParseSetRequest(RequestBody(request));

        AaFrame answer = await AskAsync(connection, request);

        Assert.Equal((byte)FrameType.Set, answer.FrameType);
        Assert.Equal(PropertyCodec.SetId, answer.Id);
        IReadOnlyList<PropertyValue> entries = PropertyCodec.ParseReply(answer.Body);
        Assert.Equal(sent.Select(e => e.Id).ToArray(), entries.Select(e => e.Id).ToArray());
        foreach (PropertyValue entry in entries)
        {
            if (entry.Id == refused) Assert.True(entry.Failed, $"{entry} should be refused.");
            else Assert.Equal(0, entry.Result);
        }
        PropertyValue? angle = entries.FirstOrDefault(e => e.Id == PropertyId.VerticalSwingAngle);
        if (angle is null) return;
        // The unit keeps what it acknowledged: a later query reads it back.
        Assert.Equal(new byte[] { 25 }, angle.Value);
        AaFrame read = await AskAsync(connection, ForeignRequests.Get("R11"));
        Assert.Equal(new byte[] { 25 }, PropertyCodec.ParseReply(read.Body).Single(e => e.Id == PropertyId.VerticalSwingAngle).Value);
    }

    // ---- Display and SetState ----

    [Theory]
    [InlineData("R14", 2, "127.0.48.27")]
    [InlineData("R14", 3, "127.0.48.77")]
    [InlineData("R29", 2, "127.0.48.28")]
    [InlineData("R29", 3, "127.0.48.78")]
    public async Task A_display_toggle_is_answered_with_a_type_03_C0_whose_display_flipped(string id, int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);
        Assert.True(unit.State.Display);

        AaFrame answer = await AskAsync(connection, ForeignRequests.Get(id));

        Assert.Equal((byte)FrameType.Query, answer.FrameType);
        Assert.Equal(AcCommands.StateResponseId, answer.Id);
        Assert.False(StateCodec.Parse(answer.Body).Display);
        Assert.False(unit.State.Display);
    }

    [Theory]
    [InlineData("R15", OperationalMode.Cool, 24.0, 102, false, 2, "127.0.48.29")]
    [InlineData("R15", OperationalMode.Cool, 24.0, 102, false, 3, "127.0.48.79")]
    [InlineData("R30", OperationalMode.Cool, 24.0, 102, false, 2, "127.0.48.30")]
    [InlineData("R30", OperationalMode.Cool, 24.0, 102, false, 3, "127.0.48.80")]
    [InlineData("R31", OperationalMode.Heat, 22.5, 60, true, 2, "127.0.48.31")]
    [InlineData("R31", OperationalMode.Heat, 22.5, 60, true, 3, "127.0.48.81")]
    public async Task A_state_set_is_answered_with_a_type_02_C0_showing_the_change(
        string id, OperationalMode mode, double target, int fan, bool eco, int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);

        AaFrame answer = await AskAsync(connection, ForeignRequests.Get(id));

        Assert.Equal((byte)FrameType.Set, answer.FrameType);
        Assert.Equal(AcCommands.StateResponseId, answer.Id);
        AcState reported = StateCodec.Parse(answer.Body);
        foreach (AcState state in new[] { reported, unit.State })
        {
            Assert.True(state.Power);
            Assert.Equal(mode, state.Mode);
            Assert.Equal(target, state.TargetTemperature);
            Assert.Equal(fan, state.FanSpeed);
            Assert.Equal(eco, state.Eco);
        }
        if (id == "R31")
        {
            Assert.Equal(SwingMode.Vertical, reported.Swing);
            Assert.True(reported.FreezeProtection);
        }
        if (id is "R30" or "R31")
        {
            // midea-local's set has no humidity byte: byte 19 is 00, and the unit takes it as it comes
            // (assumed, protocol.md §7.10), where msmart-ng's R15 sends 40.
            Assert.Equal(0, reported.TargetHumidity);
        }
    }

    // ---- Silence ----

    [Theory]
    [InlineData("R18", 2, "127.0.48.32")]
    [InlineData("R18", 3, "127.0.48.82")]
    [InlineData("R32", 2, "127.0.48.33")]
    [InlineData("R32", 3, "127.0.48.83")]
    [InlineData("R33", 2, "127.0.48.34")]
    [InlineData("R33", 3, "127.0.48.84")]
    [InlineData("R34", 2, "127.0.48.35")]
    [InlineData("R34", 3, "127.0.48.85")]
    [InlineData("R35", 2, "127.0.48.36")]
    [InlineData("R35", 3, "127.0.48.86")]
    public async Task A_request_this_unit_has_no_answer_for_gets_silence_and_the_connection_stays(string id, int version, string address)
    {
        // R18: group 0, which the profile lacks. R32–R35: the 0xAA sub-protocol, which the simulated
        // unit does not speak (it is a C0 unit); its check byte is no CRC-8, so the unit drops it unread.
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);
        AcState before = unit.State;

        await connection.SendFrameAsync(ForeignRequests.Get(id).Frame);

        await AssertSilentAndConnectionKept(connection, id);
        // R35 would set power on, cool, 24 °C: a unit that ignores it keeps its state.
        AcState after = unit.State;
        Assert.Equal((before.Power, before.Mode, before.TargetTemperature), (after.Power, after.Mode, after.TargetTemperature));
        Assert.Equal(1, unit.OpenSessions);
    }

    [Theory]
    [InlineData(2, "127.0.48.37")]
    [InlineData(3, "127.0.48.87")]
    public async Task Midea_locals_heartbeat_R36_gets_silence_and_the_connection_stays(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using RawConnection connection = await RawConnection.OpenAsync(unit);
        // midea-local's PacketBuilder.finalize(msg_type=0): type 01 10, magic 7b 00, no payload, 56 bytes.
        byte[] heartbeat = V2Packet.Encode(V2Magic.Heartbeat, unit.DeviceId, Array.Empty<byte>(), V2Packet.Timestamp(DateTime.UtcNow), messageType: V2Packet.HeartbeatType);
        Assert.Equal(56, heartbeat.Length);
        Assert.Equal("5a5a011038007b00", Hex.Encode(heartbeat.AsSpan(0, 8)));

        await connection.SendAsync(heartbeat);

        await WaitFor(() => unit.Heartbeats == 1, Generous);
        Assert.Equal(1, unit.Heartbeats);
        await AssertSilentAndConnectionKept(connection, "R36");
    }
}
