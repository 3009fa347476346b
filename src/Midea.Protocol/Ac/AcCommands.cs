using System;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Ac;

/// <summary>Bodies of the AC commands a client sends (protocol.md §5.3, §5.4). Each ends with the message id; AaFrame adds the CRC.</summary>
public static class AcCommands
{
    /// <summary>GetState command id.</summary>
    public const byte GetStateId = 0x41;
    /// <summary>SetState command id.</summary>
    public const byte SetStateId = 0x40;
    /// <summary>State response id.</summary>
    public const byte StateResponseId = 0xC0;

    /// <summary>The GetState frame (type 0x03), asking for the indoor temperature.</summary>
    public static byte[] GetState(byte messageId)
    {
        var body = new byte[22];
        body[0] = GetStateId;
        body[1] = 0x81;
        body[3] = 0xFF;
        body[4] = 0x03;
        body[5] = 0xFF;
        body[7] = 0x02;
        body[20] = 0x03;
        body[21] = messageId;
        return AaFrame.Encode(FrameType.Query, body);
    }

    /// <summary>The ToggleDisplay frame (type 0x03, protocol.md §5.6): flips the display on or off; the unit answers with its state.</summary>
    public static byte[] ToggleDisplay(bool beep, byte messageId)
    {
        var body = new byte[22];
        body[0] = GetStateId;
        body[1] = (byte)(0x02 | (beep ? 0x40 : 0));
        body[3] = 0xFF;
        body[4] = 0x02;
        body[6] = 0x02;
        body[21] = messageId;
        return AaFrame.Encode(FrameType.Query, body);
    }

    /// <summary>The SetState frame (type 0x02) that makes the unit take all of <paramref name="state"/>.</summary>
    /// <param name="state">The whole state the unit is to take: power, mode, temperature, fan, swing and the switches.</param>
    /// <param name="beep">Let the unit's buzzer acknowledge the change.</param>
    /// <param name="messageId">The message id written into the frame, to tell its reply from others.</param>
    public static byte[] SetState(AcState state, bool beep, byte messageId)
    {
        var body = new byte[25];
        body[0] = SetStateId;
        body[1] = (byte)(0x02 | (beep ? 0x40 : 0) | (state.Power ? 0x01 : 0));
        int whole = (int)Math.Floor(state.TargetTemperature);
        bool half = state.TargetTemperature - whole >= 0.5;
        bool nibbleFits = whole >= 17 && whole <= 30;
        body[2] = (byte)(((byte)state.Mode & 7) << 5 | (half ? 0x10 : 0) | (nibbleFits ? whole - 16 : 0));
        body[3] = state.FanSpeed;
        body[4] = 0x7F;
        body[5] = 0x7F;
        body[7] = (byte)(0x30 | ((byte)state.Swing & 0x3F));
        body[8] = (byte)((state.FollowMe ? 0x80 : 0) | (state.Turbo ? 0x20 : 0));
        body[9] = (byte)((state.Eco ? 0x80 : 0) | (state.Purifier ? 0x20 : 0) | (state.AuxHeat ? 0x08 : 0));
        body[10] = (byte)((state.Sleep ? 0x01 : 0) | (state.Turbo ? 0x02 : 0) | (state.Fahrenheit ? 0x04 : 0));
        body[18] = nibbleFits ? (byte)0 : (byte)((whole - 12) & 0x1F);
        body[19] = (byte)((state.TargetHumidity ?? 40) & 0x7F);
        body[21] = state.FreezeProtection == true ? (byte)0x80 : (byte)0;
        body[22] = state.IndependentAuxHeat ? (byte)0x08 : (byte)0;
        body[24] = messageId;
        return AaFrame.Encode(FrameType.Set, body);
    }
}
