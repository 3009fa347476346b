using System;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Ac;

/// <summary>The C0 state reply on both sides, and the device's reading of SetState (protocol.md §5.4, §5.5).</summary>
public static class StateCodec
{
    /// <summary>Shortest C0 body that carries every field up to the error code.</summary>
    public const int MinimumBody = 17;

    /// <summary>Decodes a C0 body (without CRC).</summary>
    /// <exception cref="MideaProtocolException">Not a C0 body, or shorter than 17 bytes.</exception>
    public static AcState Parse(byte[] body)
    {
        if (body.Length < 1 || body[0] != AcCommands.StateResponseId)
            throw new MideaProtocolException(ProtocolFault.BadValue, $"State reply must start with c0, not {(body.Length > 0 ? body[0].ToString("x2", System.Globalization.CultureInfo.InvariantCulture) : "nothing")}.");
        if (body.Length < MinimumBody)
            throw new MideaProtocolException(ProtocolFault.Truncated, $"State reply body truncated: {body.Length} bytes, at least {MinimumBody} needed.");
        bool fahrenheit = (body[10] & 0x04) != 0;
        var state = new AcState
        {
            Power = (body[1] & 0x01) != 0,
            Mode = ModeOf(body[2]),
            TargetTemperature = Target(body[2], body[13]),
            FanSpeed = (byte)(body[3] & 0x7F),
            Swing = (SwingMode)(body[7] & 0x0F),
            Turbo = (body[8] & 0x20) != 0 || (body[10] & 0x02) != 0,
            IndependentAuxHeat = (body[8] & 0x40) != 0,
            FollowMe = (body[8] & 0x80) != 0,
            AuxHeat = (body[9] & 0x08) != 0,
            Eco = (body[9] & 0x10) != 0,
            Purifier = (body[9] & 0x20) != 0,
            Sleep = (body[10] & 0x01) != 0,
            Fahrenheit = fahrenheit,
            IndoorTemperature = Temperature(body[11], body[15] & 0x0F, fahrenheit),
            OutdoorTemperature = Temperature(body[12], body[15] >> 4, fahrenheit),
            FilterAlert = (body[13] & 0x20) != 0,
            Display = body[14] != 0x70,
            ErrorCode = body[16],
            TargetHumidity = body.Length >= 20 ? body[19] & 0x7F : null,
            FreezeProtection = body.Length >= 22 ? (body[21] & 0x80) != 0 : null,
        };
        return state;
    }

    /// <summary>Device side: the 24-byte C0 body (message id last) for <paramref name="state"/>.</summary>
    public static byte[] Encode(AcState state, byte messageId)
    {
        var body = new byte[24];
        body[0] = AcCommands.StateResponseId;
        body[1] = state.Power ? (byte)0x01 : (byte)0;
        int whole = (int)Math.Floor(state.TargetTemperature);
        bool half = state.TargetTemperature - whole >= 0.5;
        body[2] = (byte)(((byte)state.Mode & 7) << 5 | (half ? 0x10 : 0) | Clamp(whole - 16, 0, 15));
        body[3] = state.FanSpeed;
        body[4] = 0x7F;
        body[5] = 0x7F;
        body[7] = (byte)(0x30 | (byte)state.Swing);
        body[8] = (byte)((state.Turbo ? 0x20 : 0) | (state.IndependentAuxHeat ? 0x40 : 0) | (state.FollowMe ? 0x80 : 0));
        body[9] = (byte)((state.AuxHeat ? 0x08 : 0) | (state.Eco ? 0x10 : 0) | (state.Purifier ? 0x20 : 0));
        body[10] = (byte)((state.Sleep ? 0x01 : 0) | (state.Turbo ? 0x02 : 0) | (state.Fahrenheit ? 0x04 : 0));
        (body[11], int indoorTenths) = EncodeTemperature(state.IndoorTemperature, state.Fahrenheit);
        (body[12], int outdoorTenths) = EncodeTemperature(state.OutdoorTemperature, state.Fahrenheit);
        body[13] = (byte)((Clamp(whole - 12, 0, 0x1F)) | (state.FilterAlert ? 0x20 : 0));
        body[14] = state.Display ? (byte)0x00 : (byte)0x70;
        body[15] = (byte)(outdoorTenths << 4 | indoorTenths);
        body[16] = state.ErrorCode;
        body[19] = (byte)((state.TargetHumidity ?? 0) & 0x7F);
        body[21] = state.FreezeProtection == true ? (byte)0x80 : (byte)0;
        body[23] = messageId;
        return body;
    }

    /// <summary>Device side: what a SetState body asks for. Sensor readings are left as in <paramref name="current"/>.</summary>
    /// <exception cref="MideaProtocolException">Not a SetState body, or too short.</exception>
    public static AcState ParseSetState(byte[] body, AcState current)
    {
        if (body.Length < 24 || body[0] != AcCommands.SetStateId)
            throw new MideaProtocolException(ProtocolFault.BadLength, $"SetState body must start with 40 and hold 24 bytes; got {body.Length}.");
        AcState next = current.Clone();
        next.Power = (body[1] & 0x01) != 0;
        next.Mode = ModeOf(body[2]);
        int alternate = body[18] & 0x1F;
        double target = alternate != 0 ? alternate + 12 : (body[2] & 0x0F) + 16;
        next.TargetTemperature = target + ((body[2] & 0x10) != 0 ? 0.5 : 0);
        next.FanSpeed = body[3];
        next.Swing = (SwingMode)(body[7] & 0x0F);
        next.FollowMe = (body[8] & 0x80) != 0;
        next.Turbo = (body[8] & 0x20) != 0 || (body[10] & 0x02) != 0;
        next.Eco = (body[9] & 0x80) != 0;
        next.Purifier = (body[9] & 0x20) != 0;
        next.AuxHeat = (body[9] & 0x08) != 0;
        next.Sleep = (body[10] & 0x01) != 0;
        next.Fahrenheit = (body[10] & 0x04) != 0;
        next.TargetHumidity = body[19] & 0x7F;
        next.FreezeProtection = (body[21] & 0x80) != 0;
        next.IndependentAuxHeat = (body[22] & 0x08) != 0;
        return next;
    }

    /// <summary>The mode in the top three bits of <paramref name="b"/>; an unknown value reads as FanOnly (protocol.md §5.1).</summary>
    internal static OperationalMode ModeOf(byte b)
    {
        int bits = b >> 5 & 7;
        return bits is >= 1 and <= 6 ? (OperationalMode)bits : OperationalMode.FanOnly;
    }

    /// <summary>Target from C0 [2] and the alternate field [13], which wins when non-zero.</summary>
    internal static double Target(byte b2, byte b13)
    {
        int alternate = b13 & 0x1F;
        double target = alternate != 0 ? alternate + 12 : (b2 & 0x0F) + 16;
        return target + ((b2 & 0x10) != 0 ? 0.5 : 0);
    }

    /// <summary>Decodes a raw temperature with its tenths nibble (protocol.md §5.5.1).</summary>
    internal static double? Temperature(byte raw, int tenthsNibble, bool fahrenheit)
    {
        if (raw == 0xFF) return null;
        double t = (raw - 50) / 2.0;
        double d = tenthsNibble / 10.0;
        double whole = Math.Truncate(t);
        if (!fahrenheit && d != 0) return Math.Round(whole + (t >= 0 ? d : -d), 1);
        if (d >= 0.5) return whole + (t >= 0 ? 0.5 : -0.5);
        return t;
    }

    /// <summary>
    /// Simulator encode. The decoder truncates (raw − 50)/2 toward zero and adds the tenths with
    /// the value's sign, so raw must carry the whole degrees plus a half step only when the
    /// tenths are 5 or more. (protocol.md's floor rule loses a degree for −x.6 … −x.9.)
    /// </summary>
    internal static (byte Raw, int Tenths) EncodeTemperature(double? celsius, bool fahrenheit)
    {
        if (celsius is not double value) return (0xFF, 0);
        double t = Math.Round(Math.Max(-25.0, Math.Min(102.0, value)), 1);
        int tenths = (int)Math.Round(Math.Abs(t) * 10) % 10;
        int raw = 50 + 2 * (int)Math.Truncate(t) + (tenths >= 5 ? (t < 0 ? -1 : 1) : 0);
        // −0.4 … −0.1: raw 50 would read as +0; 49 reads as −0.5, whose truncation keeps the sign.
        if (t < 0 && raw == 50) raw = 49;
        if (fahrenheit) tenths = tenths >= 5 ? 5 : 0;
        return ((byte)raw, tenths);
    }

    private static int Clamp(int value, int min, int max) => Math.Max(min, Math.Min(max, value));
}
