using System;
using System.Collections.Generic;
using System.Globalization;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Ac;

/// <summary>Property ids of the B1/B0 property messages (protocol.md §5.8).</summary>
public static class PropertyId
{
    /// <summary>Vertical (up/down) swing angle, a SwingAngle value (0 off, 1, 25, 50, 75, 100).</summary>
    public const ushort VerticalSwingAngle = 0x0009;
    /// <summary>Horizontal (left/right) swing angle, a SwingAngle value.</summary>
    public const ushort HorizontalSwingAngle = 0x000A;
    /// <summary>Indoor humidity, % (0 = none); not decoded by the client. Backed by the humidity capability 0x021F.</summary>
    public const ushort IndoorHumidity = 0x0015;
    /// <summary>Breezeless on/off.</summary>
    public const ushort Breezeless = 0x0018;
    /// <summary>Buzzer: whether the unit beeps for this command. msmart and the vendor app append it to every B0; replies are not decoded.</summary>
    public const ushort Buzzer = 0x001A;
    /// <summary>Self clean (active).</summary>
    public const ushort SelfClean = 0x0039;
    /// <summary>Breeze away (2 on, 1 off).</summary>
    public const ushort BreezeAway = 0x0042;
    /// <summary>Breeze control, a <see cref="BreezeSetting"/>.</summary>
    public const ushort BreezeControl = 0x0043;
    /// <summary>Rate select (power limit).</summary>
    public const ushort RateSelect = 0x0048;
    /// <summary>Fresh air: switch, speed and a temperature-like byte.</summary>
    public const ushort FreshAir = 0x004B;
    /// <summary>Cascade (wind around): switch and mode (0 off, 1 up, 2 down).</summary>
    public const ushort Cascade = 0x0059;
    /// <summary>Flash (jet) cool.</summary>
    public const ushort Flash = 0x0067;
    /// <summary>Outdoor unit silent mode (3 on, 0 off).</summary>
    public const ushort OutSilent = 0x00CD;
    /// <summary>iECO: number and switch.</summary>
    public const ushort IEco = 0x00E3;
    /// <summary>Anion; not decoded.</summary>
    public const ushort Anion = 0x021E;
    /// <summary>
    /// The unit's sounds on/off (<c>[1 on / 0 off]</c>): the vendor plugin's "sound", midea-local's "buzzer_all";
    /// same number as the buzzer capability 0x022C that backs it (protocol.md §5.8). Not decoded by the client.
    /// </summary>
    public const ushort Sound = 0x022C;

    /// <summary>The constant's name for a known id (for example "VerticalSwingAngle"), else the id as "0x" and four hex digits.</summary>
    public static string Name(ushort id) => id switch
    {
        VerticalSwingAngle => nameof(VerticalSwingAngle),
        HorizontalSwingAngle => nameof(HorizontalSwingAngle),
        IndoorHumidity => nameof(IndoorHumidity),
        Breezeless => nameof(Breezeless),
        Buzzer => nameof(Buzzer),
        SelfClean => nameof(SelfClean),
        BreezeAway => nameof(BreezeAway),
        BreezeControl => nameof(BreezeControl),
        RateSelect => nameof(RateSelect),
        FreshAir => nameof(FreshAir),
        Cascade => nameof(Cascade),
        Flash => nameof(Flash),
        OutSilent => nameof(OutSilent),
        IEco => nameof(IEco),
        Anion => nameof(Anion),
        Sound => nameof(Sound),
        _ => "0x" + id.ToString("x4", CultureInfo.InvariantCulture),
    };
}

/// <summary>One property entry: its id, the result byte of a reply (0 in requests) and the raw value.</summary>
public sealed class PropertyValue
{
    /// <summary>Creates an entry.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public PropertyValue(ushort id, byte result, byte[] value)
    {
        Id = id;
        Result = result;
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The property id, see <see cref="PropertyId"/>.</summary>
    public ushort Id { get; }

    /// <summary>The result byte of a reply entry; requests carry none and use 0.</summary>
    public byte Result { get; }

    /// <summary>The raw value bytes; empty when the reply entry had length 0.</summary>
    public byte[] Value { get; }

    /// <summary>True when the device reports that the property failed (result bit 0x10, e.g. 0x10 or 0x11).</summary>
    public bool Failed => (Result & 0x10) != 0;

    /// <summary>For logs: name, result and value in hex.</summary>
    public override string ToString() =>
        $"{PropertyId.Name(Id)} result {Result.ToString("x2", CultureInfo.InvariantCulture)} value {Hex.Encode(Value)}";
}

/// <summary>The B1 get-properties and B0 set-properties messages on both sides (protocol.md §5.8).</summary>
public static class PropertyCodec
{
    /// <summary>Command and reply id of GetProperties.</summary>
    public const byte GetId = 0xB1;
    /// <summary>Command and reply id of SetProperties.</summary>
    public const byte SetId = 0xB0;

    /// <summary>The GetProperties frame (type 0x03): <c>B1 count (id_lo id_hi)×count msgid</c> plus CRC and checksum.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    /// <exception cref="ArgumentException">More than 255 ids.</exception>
    public static byte[] GetRequest(IReadOnlyList<ushort> ids, byte messageId)
    {
        if (ids is null) throw new ArgumentNullException(nameof(ids));
        if (ids.Count > 255) throw new ArgumentException($"At most 255 properties fit one request, not {ids.Count}.", nameof(ids));
        var body = new byte[2 + 2 * ids.Count + 1];
        body[0] = GetId;
        body[1] = (byte)ids.Count;
        int pos = 2;
        foreach (ushort id in ids)
        {
            body[pos++] = (byte)id;
            body[pos++] = (byte)(id >> 8);
        }
        body[pos] = messageId;
        return AaFrame.Encode(FrameType.Query, body);
    }

    /// <summary>
    /// The SetProperties frame (type 0x02): <c>B0 count (id_lo id_hi len value)×count msgid</c> plus CRC and checksum.
    /// Requests carry no result byte, so <see cref="PropertyValue.Result"/> is ignored.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or one of its entries is null.</exception>
    /// <exception cref="ArgumentException">More than 255 entries, or a value longer than 255 bytes.</exception>
    public static byte[] SetRequest(IReadOnlyList<PropertyValue> values, byte messageId)
    {
        CheckEntries(values, nameof(values));
        int size = 2 + 1;
        foreach (PropertyValue v in values) size += 3 + v.Value.Length;
        var body = new byte[size];
        body[0] = SetId;
        body[1] = (byte)values.Count;
        int pos = 2;
        foreach (PropertyValue v in values)
        {
            body[pos++] = (byte)v.Id;
            body[pos++] = (byte)(v.Id >> 8);
            body[pos++] = (byte)v.Value.Length;
            Buffer.BlockCopy(v.Value, 0, body, pos, v.Value.Length);
            pos += v.Value.Length;
        }
        body[pos] = messageId;
        return AaFrame.Encode(FrameType.Set, body);
    }

    /// <summary>
    /// Reads a B0 or B1 reply body (without CRC): <c>id count (id_lo id_hi result len value)×count …</c>.
    /// Parsing follows msmart: at most <c>count</c> entries, stopping when fewer than 4 bytes remain;
    /// an entry with length 0 is returned with an empty value; unknown ids are kept. An entry whose value
    /// runs past the end of the body is incomplete and ends the parse without being returned.
    /// </summary>
    /// <exception cref="MideaProtocolException">Fewer than 2 bytes (Truncated), or body[0] is not B0/B1 (BadValue).</exception>
    public static IReadOnlyList<PropertyValue> ParseReply(ReadOnlySpan<byte> body)
    {
        CheckHeader(body, "Property reply", allowBoth: true, expected: 0);
        int count = body[1];
        var values = new List<PropertyValue>(count);
        int pos = 2;
        for (int i = 0; i < count; i++)
        {
            if (body.Length - pos < 4) break;
            ushort id = (ushort)(body[pos] | body[pos + 1] << 8);
            byte result = body[pos + 2];
            int len = body[pos + 3];
            pos += 4;
            if (len > body.Length - pos) break;
            values.Add(new PropertyValue(id, result, body.Slice(pos, len).ToArray()));
            pos += len;
        }
        return values;
    }

    /// <summary>Device side: the ids a B1 request body (without CRC, ending with the message id) asks for.</summary>
    /// <exception cref="MideaProtocolException">Not a B1 body (BadValue), or shorter than its count and message id need (Truncated).</exception>
    public static IReadOnlyList<ushort> ParseGetRequest(ReadOnlySpan<byte> body)
    {
        CheckHeader(body, "GetProperties request", allowBoth: false, expected: GetId);
        int count = body[1];
        int needed = 2 + 2 * count + 1;
        if (body.Length < needed)
            throw new MideaProtocolException(ProtocolFault.Truncated, $"GetProperties request truncated: {body.Length} bytes, {needed} needed for {count} ids and the message id.");
        var ids = new ushort[count];
        for (int i = 0; i < count; i++)
            ids[i] = (ushort)(body[2 + 2 * i] | body[3 + 2 * i] << 8);
        return ids;
    }

    /// <summary>Device side: the entries of a B0 request body (without CRC, ending with the message id), each with result 0.</summary>
    /// <exception cref="MideaProtocolException">Not a B0 body (BadValue), or shorter than its entries and message id need (Truncated).</exception>
    public static IReadOnlyList<PropertyValue> ParseSetRequest(ReadOnlySpan<byte> body)
    {
        CheckHeader(body, "SetProperties request", allowBoth: false, expected: SetId);
        int count = body[1];
        var values = new List<PropertyValue>(count);
        int pos = 2;
        for (int i = 0; i < count; i++)
        {
            if (body.Length - pos < 3)
                throw new MideaProtocolException(ProtocolFault.Truncated, $"SetProperties request truncated in the header of entry {i} at byte {pos}.");
            ushort id = (ushort)(body[pos] | body[pos + 1] << 8);
            int len = body[pos + 2];
            pos += 3;
            if (body.Length - pos < len)
                throw new MideaProtocolException(ProtocolFault.Truncated, $"SetProperties request truncated in the {len}-byte value of {PropertyId.Name(id)}.");
            values.Add(new PropertyValue(id, 0, body.Slice(pos, len).ToArray()));
            pos += len;
        }
        if (body.Length - pos < 1)
            throw new MideaProtocolException(ProtocolFault.Truncated, "SetProperties request has no message id.");
        return values;
    }

    /// <summary>
    /// Device side: a B0/B1 reply body without CRC, <c>id count (id_lo id_hi result len value)×count 00</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="responseId"/> is neither B0 nor B1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or one of its entries is null.</exception>
    /// <exception cref="ArgumentException">More than 255 entries, or a value longer than 255 bytes.</exception>
    public static byte[] EncodeReply(byte responseId, IReadOnlyList<PropertyValue> values)
    {
        if (responseId is not (GetId or SetId))
            throw new ArgumentOutOfRangeException(nameof(responseId), responseId, "A property reply id is b0 or b1.");
        CheckEntries(values, nameof(values));
        int size = 2 + 1;
        foreach (PropertyValue v in values) size += 4 + v.Value.Length;
        var body = new byte[size];
        body[0] = responseId;
        body[1] = (byte)values.Count;
        int pos = 2;
        foreach (PropertyValue v in values)
        {
            body[pos++] = (byte)v.Id;
            body[pos++] = (byte)(v.Id >> 8);
            body[pos++] = v.Result;
            body[pos++] = (byte)v.Value.Length;
            Buffer.BlockCopy(v.Value, 0, body, pos, v.Value.Length);
            pos += v.Value.Length;
        }
        // The last byte stays 00, as in captured replies.
        return body;
    }

    private static void CheckEntries(IReadOnlyList<PropertyValue> values, string name)
    {
        if (values is null) throw new ArgumentNullException(name);
        if (values.Count > 255) throw new ArgumentException($"At most 255 properties fit one message, not {values.Count}.", name);
        foreach (PropertyValue v in values)
        {
            if (v is null) throw new ArgumentNullException(name, "A property entry is null.");
            if (v.Value.Length > 255)
                throw new ArgumentException($"The value of {PropertyId.Name(v.Id)} is {v.Value.Length} bytes; at most 255 fit.", name);
        }
    }

    private static void CheckHeader(ReadOnlySpan<byte> body, string what, bool allowBoth, byte expected)
    {
        if (body.Length >= 1)
        {
            bool ok = allowBoth ? body[0] is GetId or SetId : body[0] == expected;
            if (!ok)
            {
                string wanted = allowBoth ? "b0 or b1" : expected.ToString("x2", CultureInfo.InvariantCulture);
                throw new MideaProtocolException(ProtocolFault.BadValue, $"{what} must start with {wanted}, not {body[0].ToString("x2", CultureInfo.InvariantCulture)}.");
            }
        }
        if (body.Length < 2)
            throw new MideaProtocolException(ProtocolFault.Truncated, $"{what} truncated: {body.Length} bytes, at least 2 needed.");
    }
}

/// <summary>Values for SetProperties, encoded as the "set encode" column of protocol.md §5.8. Each has result 0.</summary>
public static class PropertyValues
{
    /// <summary>Swing angle (0x09 vertical or 0x0A horizontal): <c>[angle]</c>; angles are 0 (off), 1, 25, 50, 75, 100.</summary>
    public static PropertyValue SwingAngle(bool vertical, byte angle) =>
        Make(vertical ? PropertyId.VerticalSwingAngle : PropertyId.HorizontalSwingAngle, angle);

    /// <summary>Breezeless (0x18): <c>[0/1]</c>.</summary>
    public static PropertyValue Breezeless(bool on) => Make(PropertyId.Breezeless, on ? (byte)1 : (byte)0);

    /// <summary>Buzzer (0x1A): <c>[1 beep / 0 silent]</c>.</summary>
    public static PropertyValue Buzzer(bool beep) => Make(PropertyId.Buzzer, beep ? (byte)1 : (byte)0);

    /// <summary>Self clean (0x39): <c>[1]</c> starts a clean.</summary>
    public static PropertyValue SelfClean() => Make(PropertyId.SelfClean, 1);

    /// <summary>Breeze away (0x42): <c>[2 on / 1 off]</c>.</summary>
    public static PropertyValue BreezeAway(bool on) => Make(PropertyId.BreezeAway, on ? (byte)2 : (byte)1);

    /// <summary>Breeze control (0x43): <c>[mode]</c>.</summary>
    public static PropertyValue Breeze(BreezeSetting mode) => Make(PropertyId.BreezeControl, (byte)mode);

    /// <summary>Rate select (0x48): <c>[value]</c>; 100 off, 50/75 (2-level) or 1/20/40/60/80 (5-level).</summary>
    public static PropertyValue RateSelect(byte value) => Make(PropertyId.RateSelect, value);

    /// <summary>Fresh air (0x4B): <c>[on?1:0, speed, FF]</c>; speeds 40, 60, 80, 100.</summary>
    public static PropertyValue FreshAir(bool on, byte speed) => Make(PropertyId.FreshAir, on ? (byte)1 : (byte)0, speed, 0xFF);

    /// <summary>Cascade (0x59): <c>[mode?1:0, mode]</c>; modes 0 off, 1 up, 2 down.</summary>
    public static PropertyValue Cascade(byte mode) => Make(PropertyId.Cascade, mode != 0 ? (byte)1 : (byte)0, mode);

    /// <summary>Flash cool (0x67): <c>[0/1]</c>.</summary>
    public static PropertyValue Flash(bool on) => Make(PropertyId.Flash, on ? (byte)1 : (byte)0);

    /// <summary>Outdoor silent (0xCD): <c>[3 on / 0 off]</c>.</summary>
    public static PropertyValue OutSilent(bool on) => Make(PropertyId.OutSilent, on ? (byte)3 : (byte)0);

    /// <summary>iECO (0xE3): <c>[00, number, switch]</c> followed by 10 zero bytes (13 bytes).</summary>
    public static PropertyValue IEco(bool on, byte number)
    {
        var value = new byte[13];
        value[1] = number;
        value[2] = on ? (byte)1 : (byte)0;
        return new PropertyValue(PropertyId.IEco, 0, value);
    }

    private static PropertyValue Make(ushort id, params byte[] value) => new(id, 0, value);
}
