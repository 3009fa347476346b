using System;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Ac;

/// <summary>
/// Frames a unit pushes unasked (protocol.md §5.10): the state report A0 and the sensor report A1.
/// Pushes come from units in shapes nobody has fully captured, so the parsers never throw: a body
/// they cannot read gives null. Offsets count into the body without its check byte (§4.6).
/// </summary>
public static class NotifyCodec
{
    /// <summary>Body id of the state report (frame type 0x05).</summary>
    public const byte StateReportId = 0xA0;
    /// <summary>Body id of the sensor report (frame type 0x04).</summary>
    public const byte SensorReportId = 0xA1;

    /// <summary>A state report carries every field up to byte 10.</summary>
    private const int StateReportMinimum = 11;
    /// <summary>Byte 21 (freeze protection) must be a data byte, not the check byte behind the body.</summary>
    private const int StateReportWithFreeze = 22;
    /// <summary>
    /// A sensor report carries every field up to the humidity, byte 17. midea-local skips bodies
    /// shorter than 18 bytes with the check byte counted (§5.10); this reads byte 17 only when it
    /// is data, so the check byte is never taken for a humidity.
    /// </summary>
    private const int SensorReportMinimum = 18;
    /// <summary>midea-local reads the tenths (byte 18) only from bodies longer than 20 bytes with the check byte.</summary>
    private const int SensorReportWithTenths = 20;
    /// <summary>Length of the state reports the simulator sends: byte 21 and two spare bytes, as a 24-byte C0 (§5.5).</summary>
    private const int EncodedStateReport = 24;

    /// <summary>True for the frame types a unit pushes, 0x04 and 0x05: <see cref="AaFrame.IsPush"/>, named here beside the push decoders.</summary>
    public static bool IsPush(byte frameType) => AaFrame.IsPush(frameType);

    /// <summary>The state report in <paramref name="body"/>, or null when it is no A0 body or too short to read.</summary>
    public static AcStateReport? ParseStateReport(byte[]? body)
    {
        if (body is null || body.Length < StateReportMinimum || body[0] != StateReportId) return null;
        return new AcStateReport
        {
            Power = (body[1] & 0x01) != 0,
            // Whole degrees are bits 1..5 plus 12, the half degree bit 6 (midea-local: ((b & 0x3E) >> 1) − 4 + 16).
            TargetTemperature = ((body[1] & 0x3E) >> 1) + 12 + ((body[1] & 0x40) != 0 ? 0.5 : 0),
            Mode = StateCodec.ModeOf(body[2]),
            FanSpeed = (byte)(body[3] & 0x7F),
            VerticalSwing = (body[7] & 0x0C) != 0,
            HorizontalSwing = (body[7] & 0x03) != 0,
            Turbo = (body[8] & 0x20) != 0 || (body[10] & 0x02) != 0,
            AuxHeat = (body[9] & 0x08) != 0,
            Eco = (body[9] & 0x10) != 0,
            Purifier = (body[9] & 0x20) != 0,
            Sleep = (body[10] & 0x01) != 0,
            FreezeProtection = body.Length >= StateReportWithFreeze ? (body[21] & 0x80) != 0 : null,
        };
    }

    /// <summary>
    /// The sensor report in <paramref name="body"/>, or null when it is no A1 body or too short for
    /// the layout (the short A1 bodies captured from real units, U01–U04 of protocol.md §7.8).
    /// </summary>
    public static AcSensorReport? ParseSensorReport(byte[]? body)
    {
        if (body is null || body.Length < SensorReportMinimum || body[0] != SensorReportId) return null;
        bool tenths = body.Length >= SensorReportWithTenths;
        return new AcSensorReport
        {
            // The rule of a C0 (§5.5.1) for a Celsius unit: midea-local's A1 rule gives the same values.
            IndoorTemperature = StateCodec.Temperature(body[13], tenths ? body[18] & 0x0F : 0, fahrenheit: false),
            OutdoorTemperature = StateCodec.Temperature(body[14], tenths ? body[18] >> 4 : 0, fahrenheit: false),
            Humidity = body[17] == 0 ? null : body[17],
        };
    }

    /// <summary>
    /// Device side: the A0 body (without check byte) that reports <paramref name="state"/>; wrap it
    /// with <see cref="AaFrame.Encode"/> and <see cref="FrameType.Notify"/>. It writes what
    /// <see cref="ParseStateReport"/> reads and nothing else: no display bit, whose place is unknown.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public static byte[] EncodeStateReport(AcState state)
    {
        if (state is null) throw new ArgumentNullException(nameof(state));
        var body = new byte[EncodedStateReport];
        body[0] = StateReportId;
        int whole = (int)Math.Floor(state.TargetTemperature);
        bool half = state.TargetTemperature - whole >= 0.5;
        body[1] = (byte)((state.Power ? 0x01 : 0) | Math.Max(0, Math.Min(0x1F, whole - 12)) << 1 | (half ? 0x40 : 0));
        body[2] = (byte)(((byte)state.Mode & 7) << 5);
        body[3] = (byte)(state.FanSpeed & 0x7F);
        body[7] = (byte)((byte)state.Swing & 0x0F);
        body[8] = state.Turbo ? (byte)0x20 : (byte)0;
        body[9] = (byte)((state.AuxHeat ? 0x08 : 0) | (state.Eco ? 0x10 : 0) | (state.Purifier ? 0x20 : 0));
        body[10] = (byte)((state.Sleep ? 0x01 : 0) | (state.Turbo ? 0x02 : 0));
        body[21] = state.FreezeProtection == true ? (byte)0x80 : (byte)0;
        return body;
    }
}
