using System;
using System.Collections.Generic;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Tests;

/// <summary>One request another client sends to an air conditioner, as that client builds it (protocol.md §7.10).</summary>
/// <param name="Id">The vector's name in protocol.md §7.10 (R01…).</param>
/// <param name="Client">msmart-ng or midea-local.</param>
/// <param name="Builder">The class in the client's source that builds it.</param>
/// <param name="Frame">The AA frame, assembled here with the module's CRC-8 and checksum.</param>
/// <param name="ClientHex">The same frame as the client's own code emitted it, recorded once; null where there is no AA frame.</param>
internal sealed record ForeignRequest(string Id, string Client, string Builder, byte[] Frame, string? ClientHex);

/// <summary>
/// The request frames of msmart-ng (mill1000/midea-msmart at f162c85, <c>msmart/device/AC/command.py</c>)
/// and midea-local (midea-lan/midea-local at d2c4a0b, <c>midealocal/devices/ac/message.py</c>) that
/// protocol.md §7.10 lists. Each frame is put together from the client's header bytes and body, with the
/// CRC-8 and checksum computed by the module's own <see cref="Crc8"/> and <see cref="AaFrame"/>, so no
/// check byte here is written by hand. Every message id is 01: the first message after the client's
/// counter started (both count from 1). The hex each client's code produced for the same request is kept
/// beside it, so a test shows that the assembly and the client agree.
/// </summary>
internal static class ForeignRequests
{
    private const string Msmart = "msmart-ng";
    private const string MideaLocal = "midea-local";

    private static readonly Dictionary<string, ForeignRequest> ById = new();

    static ForeignRequests()
    {
        // ---- msmart-ng: byte 8 (device protocol) is always 00; bodies end in the message id. ----
        Add("R01", Msmart, "GetStateCommand", Frame(FrameType.Query, "418100ff03ff000200000000000000000000000003" + "01"),
            "aa21ac00000000000003418100ff03ff0002000000000000000000000000030169fe");
        // msmart-ng's GetCapabilitiesCommand and midea-local's MessageCapabilitiesQuery build the same bytes.
        Add("R02", Msmart + ", " + MideaLocal, "GetCapabilitiesCommand() / MessageCapabilitiesQuery", Frame(FrameType.Query, "b50100" + "01"),
            "aa0fac00000000000003b5010001e5a6");
        Add("R03", Msmart + ", " + MideaLocal, "GetCapabilitiesCommand(True) / MessageCapabilitiesAdditionalQuery", Frame(FrameType.Query, "b5010101" + "01"),
            "aa10ac00000000000003b5010101012365");
        Add("R04", Msmart, "GetGroupDataCommand(1)", Frame(FrameType.Query, MsmartGroup(1)),
            "aa20ac00000000000003412101410000000000000000000000000000000001c5c7");
        Add("R05", Msmart, "GetGroupDataCommand(2)", Frame(FrameType.Query, MsmartGroup(2)),
            "aa20ac000000000000034121014200000000000000000000000000000000016328");
        Add("R06", Msmart, "GetGroupDataCommand(4)", Frame(FrameType.Query, MsmartGroup(4)),
            "aa20ac000000000000034121014400000000000000000000000000000000013653");
        Add("R07", Msmart, "GetGroupDataCommand(5)", Frame(FrameType.Query, MsmartGroup(5)),
            "aa20ac000000000000034121014500000000000000000000000000000000015434");
        Add("R08", Msmart, "GetGroupDataCommand(7)", Frame(FrameType.Query, MsmartGroup(7)),
            "aa20ac0000000000000341210147000000000000000000000000000000000190f6");
        Add("R09", Msmart, "GetGroupDataCommand(11)", Frame(FrameType.Query, MsmartGroup(11)),
            "aa20ac000000000000034121014b00000000000000000000000000000000013a48");
        // The property set msmart-ng's device.py derives from the simulator's Full profile pages, in the
        // order its Python set yields them: breeze control has taken over from 0x42 and 0x18.
        Add("R10", Msmart, "GetPropertiesCommand (Full profile)", Frame(FrameType.Query, "b10a" + "4300e3006700480009000a004b00cd0059003900" + "01"),
            "aa22ac00000000000003b10a4300e3006700480009000a004b00cd00590039000137aa");
        // The set it derives from the captured K17 pages (breeze away, no breeze control).
        Add("R11", Msmart, "GetPropertiesCommand (K17 unit)", Frame(FrameType.Query, "b104" + "390042000a000900" + "01"),
            "aa16ac00000000000003b104390042000a00090001698e");
        Add("R12", Msmart, "SetPropertiesCommand({0x09: 25, 0x1A: 1})", Frame(FrameType.Set, "b002" + "0900" + "0119" + "1a00" + "0101" + "01"),
            "aa16ac00000000000002b002090001191a000101012d1d");
        Add("R13", Msmart, "SetPropertiesCommand({0xE3: (1, 1), 0x1A: 0})", Frame(FrameType.Set, "b002" + "e300" + "0d" + "000101" + "00000000000000000000" + "1a00" + "0100" + "01"),
            "aa22ac00000000000002b002e3000d000101000000000000000000001a000100012f41");
        Add("R14", Msmart, "ToggleDisplayCommand (beep)", Frame(FrameType.Query, "414200ff020002" + "0000000000000000000000000000" + "01"),
            "aa21ac00000000000003414200ff020002000000000000000000000000000001e6c3");
        // Power on, cool, 24.0 °C, fan auto (102), beep; eco and Fahrenheit cleared (msmart's own defaults are on).
        Add("R15", Msmart, "SetStateCommand", Frame(FrameType.Set, "404348667f7f0030000000" + "0000000000000000" + "28" + "00000000" + "01"),
            "aa24ac00000000000002404348667f7f003000000000000000000000002800000000014f57");

        // ---- midea-local: byte 8 is the protocol byte of the unit's 0xA0 answer, 00 until one came. ----
        Add("R16", MideaLocal, "MessageQuery", Frame(FrameType.Query, "418100ff" + "00000000000000000000000000000000" + "01"),
            "aa20ac00000000000003418100ff0000000000000000000000000000000001abc4");
        Add("R17", MideaLocal, "MessageQuery (after an 0xA0 answer with protocol 03)", Frame(FrameType.Query, "418100ff" + "00000000000000000000000000000000" + "01", protocol: 3),
            "aa20ac00000000000303418100ff0000000000000000000000000000000001abc1");
        // Group queries end "00 01" and carry no message id (MessageGroupDataQuery overrides the body).
        Add("R18", MideaLocal, "MessageGroupZeroQuery", Frame(FrameType.Query, "412101400001"), "aa11ac000000000000034121014000019705");
        Add("R19", MideaLocal, "MessageGroupOneQuery", Frame(FrameType.Query, "412101410001"), "aa11ac000000000000034121014100013c5f");
        Add("R20", MideaLocal, "MessageGroupTwoQuery", Frame(FrameType.Query, "412101420001"), "aa11ac00000000000003412101420001d8c2");
        Add("R21", MideaLocal, "MessagePowerQuery", Frame(FrameType.Query, "412101440001"), "aa11ac00000000000003412101440001098f");
        Add("R22", MideaLocal, "MessageHumidityQuery", Frame(FrameType.Query, "412101450001"), "aa11ac00000000000003412101450001a2f5");
        Add("R23", MideaLocal, "MessageGroupSevenQuery", Frame(FrameType.Query, "412101470001"), "aa11ac00000000000003412101470001eda8");
        Add("R24", MideaLocal, "MessageNewProtocolQuery", Frame(FrameType.Query, "b10b" + MideaLocalTags + "01"),
            "aa24ac00000000000003b10b420018001500170033024b000a000900cd002c023f000129f4");
        Add("R25", MideaLocal, "MessageNewProtocolQuery (supports_rate_select)", Frame(FrameType.Query, "b10c" + MideaLocalTags + "4800" + "01"),
            "aa26ac00000000000003b10c420018001500170033024b000a000900cd002c023f00480001be14");
        Add("R26", MideaLocal, "MessageNewProtocolSelfCleanQuery", Frame(FrameType.Query, "b101" + "3900" + "01"),
            "aa10ac00000000000003b1013900010352");
        // The prompt tone (0x1A) rides along with every set, before the property set.
        Add("R27", MideaLocal, "MessageNewProtocolSet (wind_ud_angle 25, prompt_tone)", Frame(FrameType.Set, "b002" + "1a000101" + "09000119" + "01"),
            "aa16ac00000000000002b0021a0001010900011901301a");
        Add("R28", MideaLocal, "MessageNewProtocolSet (screen_display_alternate, prompt_tone)", Frame(FrameType.Set, "b002" + "1a000101" + "17000164" + "01"),
            "aa16ac00000000000002b0021a0001011700016401d120");
        Add("R29", MideaLocal, "MessageToggleDisplay (prompt_tone)", Frame(FrameType.Query, "414200ff020002" + "00000000000000000000000000" + "01"),
            "aa20ac00000000000003414200ff02000200000000000000000000000000013872");
        // Power on, cool, 24 °C, fan 102, prompt tone: no 0x02 "app" bit, timers 00, no humidity byte.
        Add("R30", MideaLocal, "MessageGeneralSet (cool 24)", Frame(FrameType.Set, "4041486600000030" + GeneralSetTail(byte9: 0x00, byte21: 0x00)),
            "aa23ac00000000000002404148660000003000000000000000000000000000000001745b");
        // Power on, heat, 22.5 °C, fan 60, vertical swing, eco, frost protection, no prompt tone.
        Add("R31", MideaLocal, "MessageGeneralSet (heat 22.5)", Frame(FrameType.Set, "4001963c0000003c" + GeneralSetTail(byte9: 0x80, byte21: 0x80)),
            "aa23ac000000000000024001963c0000003c00800000000000000000000000800001c11e");
        // Sub-protocol frames carry a CRC-8 and then a sum in the place of the CRC, and no message id.
        Add("R32", MideaLocal, "MessageSubProtocolQuery10", SubProtocolFrame(FrameType.Query, "aa0800ffff10"), "aa12ac00000000000003aa0800ffff1063dd3f");
        Add("R33", MideaLocal, "MessageSubProtocolQuery11", SubProtocolFrame(FrameType.Query, "aa0800ffff11"), "aa12ac00000000000003aa0800ffff113d023f");
        Add("R34", MideaLocal, "MessageSubProtocolQuery30", SubProtocolFrame(FrameType.Query, "aa0800ffff30"), "aa12ac00000000000003aa0800ffff3040e03f");
        // Power on, cool, 24 °C, fan 102, prompt tone.
        Add("R35", MideaLocal, "MessageSubProtocolSet", SubProtocolFrame(FrameType.Set,
                "aa2d00ffff20" + "0380000000" + "004e6632" + "000000000000" + "01010001" + "60" + "01" + "4e3266" + "00" + "00" + "00000000000000000000" + "08"),
            "aa37ac00000000000002aa2d00ffff200380000000004e66320000000000000101000160014e326600000000000000000000000008c48c1b");
    }

    /// <summary>
    /// X01: a group 1 answer captured from a real unit (model 22390001, subtype 8), kept in midea-local's
    /// <c>tests/devices/ac/message_ac_test.py</c> (<c>test_captured_c1_0x41_response</c>, added in c8d1e33).
    /// </summary>
    internal const string CapturedGroup1 = "aa29ac00000000000803c12101412b2b0403d6005446736c260000000000000000000000000000019e8b";

    /// <summary>X02: a sub-protocol (BB) answer to query type 0x11, captured from model 23096633 (<c>test_captured_bb_0x11_fresh_air_response</c>, c8d1e33).</summary>
    internal const string CapturedSubProtocol11 =
        "aa5aac00000000000803bb5000ffff1101800000000057663200000000320001"
        + "2800007804523266000400000000000000000000000000000000000000413c64"
        + "0000002f000001e00000400003002828003000000000000046b7ef";

    /// <summary>X03: a sub-protocol (BB) answer to query type 0x30, captured from model 23096633 (<c>test_captured_bb_0x30_frequency_response</c>, c8d1e33).</summary>
    internal const string CapturedSubProtocol30 =
        "aa6aac00000000000803bb6000ffff3000ff000000a60e8e12433131c000079b"
        + "0000000000000000000000630000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "002f000000000000e5e6df";

    /// <summary>The tags of midea-local's combined property query, in its order: 0x42, 0x18, 0x15, 0x17, 0x233, 0x4B, 0x0A, 0x09, 0xCD, 0x22C, 0x3F.</summary>
    internal static readonly ushort[] MideaLocalTagList = { 0x0042, 0x0018, 0x0015, 0x0017, 0x0233, 0x004B, 0x000A, 0x0009, 0x00CD, 0x022C, 0x003F };

    private static string MideaLocalTags
    {
        get
        {
            var text = new System.Text.StringBuilder();
            foreach (ushort tag in MideaLocalTagList) text.Append(Hex.Encode(new[] { (byte)tag, (byte)(tag >> 8) }));
            return text.ToString();
        }
    }

    /// <summary>Every vector, by id.</summary>
    internal static IReadOnlyDictionary<string, ForeignRequest> All => ById;

    /// <summary>The vector named <paramref name="id"/>.</summary>
    internal static ForeignRequest Get(string id) => ById[id];

    /// <summary>The ids that carry an AA frame, for theories over all of them.</summary>
    public static IEnumerable<object[]> FrameIds()
    {
        foreach (string id in ById.Keys) yield return new object[] { id };
    }

    private static void Add(string id, string client, string builder, byte[] frame, string clientHex) =>
        ById.Add(id, new ForeignRequest(id, client, builder, frame, clientHex));

    /// <summary>
    /// Both clients' header: aa, length, ac, sync 00, 00 00, frame id 00, frame protocol 00, device protocol,
    /// frame type; then the body, its CRC-8 and the checksum, which <see cref="AaFrame.Encode"/> computes.
    /// </summary>
    private static byte[] Frame(FrameType type, string body, byte protocol = 0) => AaFrame.Encode(type, Hex.Decode(body), protocol);

    /// <summary>
    /// midea-local's sub-protocol body: the payload, its CRC-8, then the sum of both in the place an AA
    /// frame keeps its CRC (<c>MessageSubProtocol.body</c>), then the frame checksum.
    /// </summary>
    private static byte[] SubProtocolFrame(FrameType type, string body)
    {
        byte[] payload = Hex.Decode(body);
        var withCrc = new byte[payload.Length + 1];
        Buffer.BlockCopy(payload, 0, withCrc, 0, payload.Length);
        withCrc[payload.Length] = Crc8.Compute(payload);
        return AaFrame.Encode(type, withCrc, checkByte: AaFrame.Checksum(withCrc));
    }

    /// <summary>
    /// midea-local's general set from byte 8 on: 8 turbo/saving 00, 9 as given (eco 0x80), 10 °F/sleep 00,
    /// 11..16 00, 17 natural wind 00, 18..20 00, 21 as given (frost 0x80), 22 comfort 00, message id 01.
    /// </summary>
    private static string GeneralSetTail(byte byte9, byte byte21) =>
        "00" + byte9.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + "00" + "000000000000" + "00" + "000000"
        + byte21.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + "00" + "01";

    /// <summary>msmart-ng's group query body: 41 21 01 (40|g), 16 zero bytes, message id 01.</summary>
    private static string MsmartGroup(int group) => "412101" + (0x40 | group).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + "00000000000000000000000000000000" + "01";
}
