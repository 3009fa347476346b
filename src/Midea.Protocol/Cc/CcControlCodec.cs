using System;
using System.Collections.Generic;
using System.Linq;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Cc;

/// <summary>
/// The 0xCC control (frame type 0x02) and its answer, on both sides (protocol.md §9.4). Both are a
/// list of entries: a 16-bit big-endian control id, a value length, the value, and FF.
/// </summary>
public static class CcControlCodec
{
    /// <summary>Bytes of an entry besides its value: id (2), length (1), terminator FF (1).</summary>
    private const int EntryOverhead = 4;
    /// <summary>The shortest entry: a zero-length entry still carries one value byte (§9.4).</summary>
    private const int MinimumEntry = 5;
    private const byte Terminator = 0xFF;

    /// <summary>Every control id this module names, ascending.</summary>
    internal static readonly CcControl[] Controls = ((CcControl[])Enum.GetValues(typeof(CcControl))).OrderBy(c => (ushort)c).ToArray();

    /// <summary>Client side: the control frame that sets the fields <paramref name="changes"/> names, in ascending id order, then the message id.</summary>
    /// <exception cref="ArgumentException">It names nothing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A temperature or humidity the control cannot carry.</exception>
    public static byte[] Control(CcChanges changes, byte messageId)
    {
        var body = EncodeEntries(changes);
        body.Add(messageId);
        return AaFrame.Encode(FrameType.Set, body.ToArray(), applianceType: AaFrame.CommercialAirConditioner);
    }

    /// <summary>
    /// Device side: the answer frame a 0xCC unit sends to a control, the entries it applied and then
    /// 00 00 where the captures have it (§9.4, §9.5).
    /// </summary>
    /// <exception cref="ArgumentException">It names nothing.</exception>
    public static byte[] AnswerFrame(CcChanges applied)
    {
        var body = EncodeEntries(applied);
        body.Add(0x00);
        return AaFrame.Encode(FrameType.Set, body.ToArray(), applianceType: AaFrame.CommercialAirConditioner, checkByte: 0x00);
    }

    /// <summary>
    /// Either side: the fields a control body names (device side) or an answer body confirms (client
    /// side); both have one layout (§9.4). Reading stops where fewer than 5 bytes are left (the message
    /// id, or the unit's trailing bytes). A zero-length entry names nothing and is skipped; an entry of an
    /// unknown id lands in <see cref="CcChanges.UnknownEntries"/>. The terminator is not checked, as
    /// msmart-ng does not check it.
    /// </summary>
    /// <exception cref="MideaProtocolException">Fewer than 5 bytes, or an entry whose value runs past the end.</exception>
    public static CcChanges ParseEntries(byte[] body)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
        if (body.Length < MinimumEntry)
            throw new MideaProtocolException(ProtocolFault.Truncated, $"0xCC control body truncated: {body.Length} bytes, one entry needs {MinimumEntry}.");
        var changes = new CcChanges();
        var unknown = new List<(ushort, byte[])>();
        int at = 0;
        while (body.Length - at >= MinimumEntry)
        {
            ushort id = (ushort)(body[at] << 8 | body[at + 1]);
            int size = body[at + 2];
            if (size == 0)
            {
                at += MinimumEntry;
                continue;
            }
            if (at + EntryOverhead + size > body.Length)
                throw new MideaProtocolException(ProtocolFault.Truncated, $"0xCC control entry 0x{id:x4} of {size} value bytes runs past the {body.Length}-byte body.");
            byte[] value = body.AsSpan(at + 3, size).ToArray();
            if (!Set(changes, id, value[0])) unknown.Add((id, value));
            at += EntryOverhead + size;
        }
        changes.UnknownEntries = unknown;
        return changes;
    }

    internal static bool IsNamed(CcChanges c, CcControl id) => Value(c, id) is not null;

    private static List<byte> EncodeEntries(CcChanges changes)
    {
        if (changes is null) throw new ArgumentNullException(nameof(changes));
        var body = new List<byte>();
        foreach (CcControl id in Controls)
        {
            if (Value(changes, id) is not { } value) continue;
            body.Add((byte)((ushort)id >> 8));
            body.Add((byte)id);
            body.Add(1);
            body.Add(value);
            body.Add(Terminator);
        }
        if (body.Count == 0) throw new ArgumentException("A 0xCC control names at least one field.", nameof(changes));
        return body;
    }

    /// <summary>The one value byte of <paramref name="id"/>, or null when <paramref name="c"/> does not name it.</summary>
    private static byte? Value(CcChanges c, CcControl id) => id switch
    {
        CcControl.Power => Flag(c.Power),
        CcControl.TargetTemperature => c.TargetTemperature is { } t ? CcTemperature.Encode(t) : null,
        CcControl.TemperatureUnit => Flag(c.Fahrenheit),
        CcControl.TargetHumidity => c.TargetHumidity is { } h ? Percent(h) : null,
        CcControl.Mode => (byte?)c.Mode,
        CcControl.FanSpeed => (byte?)c.FanSpeed,
        CcControl.VerticalSwingAngle => (byte?)c.VerticalSwingAngle,
        CcControl.HorizontalSwingAngle => (byte?)c.HorizontalSwingAngle,
        CcControl.WindSense => (byte?)c.WindSense,
        CcControl.Eco => Flag(c.Eco),
        CcControl.Silent => Flag(c.Silent),
        CcControl.Sleep => Flag(c.Sleep),
        CcControl.SelfClean => Flag(c.SelfClean),
        CcControl.Purifier => (byte?)c.Purifier,
        CcControl.Beep => Flag(c.Beep),
        CcControl.Display => Flag(c.Display),
        CcControl.AuxiliaryHeat => (byte?)c.AuxiliaryHeat,
        _ => null,
    };

    /// <summary>Sets the field of <paramref name="id"/> from its first value byte; false for an id no field names.</summary>
    private static bool Set(CcChanges c, ushort id, byte v)
    {
        switch ((CcControl)id)
        {
            case CcControl.Power: c.Power = v != 0; break;
            case CcControl.TargetTemperature: c.TargetTemperature = CcTemperature.Decode(v); break;
            case CcControl.TemperatureUnit: c.Fahrenheit = v != 0; break;
            case CcControl.TargetHumidity: c.TargetHumidity = v; break;
            case CcControl.Mode: c.Mode = (CcMode)v; break;
            case CcControl.FanSpeed: c.FanSpeed = (CcFanSpeed)v; break;
            case CcControl.VerticalSwingAngle: c.VerticalSwingAngle = (CcSwingAngle)v; break;
            case CcControl.HorizontalSwingAngle: c.HorizontalSwingAngle = (CcSwingAngle)v; break;
            case CcControl.WindSense: c.WindSense = (CcWindSense)v; break;
            case CcControl.Eco: c.Eco = v != 0; break;
            case CcControl.Silent: c.Silent = v != 0; break;
            case CcControl.Sleep: c.Sleep = v != 0; break;
            case CcControl.SelfClean: c.SelfClean = v != 0; break;
            case CcControl.Purifier: c.Purifier = (CcPurifier)v; break;
            case CcControl.Beep: c.Beep = v != 0; break;
            case CcControl.Display: c.Display = v != 0; break;
            case CcControl.AuxiliaryHeat: c.AuxiliaryHeat = (CcAuxiliaryHeat)v; break;
            default: return false;
        }
        return true;
    }

    private static byte? Flag(bool? on) => on is { } b ? (b ? (byte)1 : (byte)0) : null;

    private static byte Percent(int value) => value is >= 0 and <= 255
        ? (byte)value
        : throw new ArgumentOutOfRangeException(nameof(value), value, "A 0xCC humidity byte holds 0 … 255.");
}
