using System;
using System.Globalization;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Ac;

/// <summary>Group data queries (<c>41 21 01 4g</c>) and their C1 replies on both sides (protocol.md §5.9).</summary>
public static class GroupCodec
{
    /// <summary>Reply id of group data.</summary>
    public const byte ResponseId = 0xC1;

    private const int HeaderSize = 4;
    private const int BodySize = 21;

    /// <summary>
    /// The group query frame (type 0x03): body <c>41 21 01 (0x40|g)</c> ‖ 16 × 00 ‖ message id, plus CRC and checksum.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="group"/> is not 1, 2, 4, 5, 7 or 11.</exception>
    public static byte[] Request(int group, byte messageId)
    {
        if (group is not (1 or 2 or 4 or 5 or 7 or 11))
            throw new ArgumentOutOfRangeException(nameof(group), group, "Group data exists for groups 1, 2, 4, 5, 7 and 11.");
        var body = new byte[BodySize];
        body[0] = AcCommands.GetStateId;
        body[1] = 0x21;
        body[2] = 0x01;
        body[3] = (byte)(0x40 | group);
        body[20] = messageId;
        return AaFrame.Encode(FrameType.Query, body);
    }

    /// <summary>The group of a C1 body: body[3] &amp; 0x0F.</summary>
    /// <exception cref="MideaProtocolException">Not a C1 body (BadValue), or shorter than 4 bytes (Truncated).</exception>
    public static int GroupOf(ReadOnlySpan<byte> body)
    {
        if (body.Length >= 1 && body[0] != ResponseId)
            throw new MideaProtocolException(ProtocolFault.BadValue, $"Group data must start with c1, not {Hex2(body[0])}.");
        if (body.Length < HeaderSize)
            throw new MideaProtocolException(ProtocolFault.Truncated, $"Group data truncated: {body.Length} bytes, at least {HeaderSize} needed.");
        return body[3] & 0x0F;
    }

    /// <summary>Group 4: energy, both the BCD and the binary reading.</summary>
    /// <exception cref="MideaProtocolException">Not a group 4 C1 body (BadValue), or shorter than 19 bytes (Truncated).</exception>
    public static EnergyReading ParseEnergy(ReadOnlySpan<byte> body)
    {
        Check(body, 4, 19, "energy");
        ReadOnlySpan<byte> total = body.Slice(4, 4);
        ReadOnlySpan<byte> current = body.Slice(12, 4);
        ReadOnlySpan<byte> power = body.Slice(16, 3);
        bool digits = BcdDigits(total) && BcdDigits(current) && BcdDigits(power);
        long totalBcd = Bcd(total[0]) * 1_000_000L + Bcd(total[1]) * 10_000L + Bcd(total[2]) * 100L + Bcd(total[3]);
        long currentBcd = Bcd(current[0]) * 1_000_000L + Bcd(current[1]) * 10_000L + Bcd(current[2]) * 100L + Bcd(current[3]);
        long powerBcd = Bcd(power[0]) * 10_000L + Bcd(power[1]) * 100L + Bcd(power[2]);
        bool valid = totalBcd != 0 || currentBcd != 0 || powerBcd != 0;
        if (!valid) return new EnergyReading { Valid = false, BcdDigitsValid = digits };
        return new EnergyReading
        {
            // Hundredths and tenths are summed as integers so 5650.02 is the nearest double, not 5650.0199…
            TotalBcd = totalBcd / 100.0,
            CurrentBcd = currentBcd / 100.0,
            PowerBcd = powerBcd / 10.0,
            TotalBinary = BigEndian(total) / 10.0,
            CurrentBinary = BigEndian(current) / 10.0,
            PowerBinary = BigEndian(power) / 10.0,
            Valid = true,
            BcdDigitsValid = digits,
        };
    }

    /// <summary>Group 5: indoor humidity, outdoor fan speed and defrost.</summary>
    /// <exception cref="MideaProtocolException">Not a group 5 C1 body (BadValue), or shorter than 11 bytes (Truncated).</exception>
    public static HumidityReading ParseHumidity(ReadOnlySpan<byte> body)
    {
        Check(body, 5, 11, "humidity");
        return new HumidityReading
        {
            Humidity = body[4] != 0 ? body[4] : null,
            OutdoorFanSpeed = body[8] * 8,
            Defrost = body[10] != 0,
        };
    }

    /// <summary>Group 1: outdoor unit performance.</summary>
    /// <exception cref="MideaProtocolException">Not a group 1 C1 body (BadValue), or shorter than 15 bytes (Truncated).</exception>
    public static OutdoorUnitReading ParseOutdoorUnit(ReadOnlySpan<byte> body)
    {
        Check(body, 1, 15, "outdoor unit");
        return new OutdoorUnitReading
        {
            CompressorHz = body[4],
            TargetHz = body[5],
            CurrentA = body[7],
            VoltageV = body[8],
            T1Indoor = (body[10] - 30) / 2.0,
            T2IndoorCoil = (body[11] - 30) / 2.0,
            T3OutdoorCoil = (body[12] - 50) / 2.0,
            T4Outdoor = (body[13] - 50) / 2.0,
            DischargeC = body[14],
        };
    }

    /// <summary>Group 2: indoor fan speeds and the water pump.</summary>
    /// <exception cref="MideaProtocolException">Not a group 2 C1 body (BadValue), or shorter than 9 bytes (Truncated).</exception>
    public static IndoorFanReading ParseIndoorFan(ReadOnlySpan<byte> body)
    {
        Check(body, 2, 9, "indoor fan");
        return new IndoorFanReading
        {
            TargetSpeed = body[4] * 8,
            ActualSpeed = body[5] * 8,
            WaterPump = (body[8] & 0x10) != 0,
        };
    }

    /// <summary>Group 7: outdoor unit power.</summary>
    /// <exception cref="MideaProtocolException">Not a group 7 C1 body (BadValue), or shorter than 12 bytes (Truncated).</exception>
    public static OutdoorPowerReading ParseOutdoorPower(ReadOnlySpan<byte> body)
    {
        Check(body, 7, 12, "outdoor power");
        return new OutdoorPowerReading { Watts = body[10] + 256 * body[11] };
    }

    /// <summary>Group 11: louver angles.</summary>
    /// <exception cref="MideaProtocolException">Not a group 11 C1 body (BadValue), or shorter than 13 bytes (Truncated).</exception>
    public static LouverReading ParseLouvers(ReadOnlySpan<byte> body)
    {
        Check(body, 11, 13, "louver");
        return new LouverReading { Horizontal = body[9], Vertical = body[12] };
    }

    /// <summary>
    /// Device side: a group 4 body. With <paramref name="bcd"/> the values are written as BCD (kWh to 0.01, up to
    /// 999999.99; W to 0.1, up to 99999.9), else as binary tenths (BE32 kWh, BE24 W).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, not a number, or too large for its field.</exception>
    public static byte[] EncodeEnergy(double totalKwh, double currentKwh, double powerW, bool bcd, byte messageId)
    {
        byte[] body = NewBody(4, messageId);
        if (bcd)
        {
            WriteBcd(body, 4, 4, Scaled(totalKwh, 100, 99_999_999, nameof(totalKwh)));
            WriteBcd(body, 12, 4, Scaled(currentKwh, 100, 99_999_999, nameof(currentKwh)));
            WriteBcd(body, 16, 3, Scaled(powerW, 10, 999_999, nameof(powerW)));
        }
        else
        {
            WriteBigEndian(body, 4, 4, Scaled(totalKwh, 10, uint.MaxValue, nameof(totalKwh)));
            WriteBigEndian(body, 12, 4, Scaled(currentKwh, 10, uint.MaxValue, nameof(currentKwh)));
            WriteBigEndian(body, 16, 3, Scaled(powerW, 10, 0xFF_FFFF, nameof(powerW)));
        }
        return body;
    }

    /// <summary>Device side: a group 5 body. The outdoor fan speed is stored in eighths (rounded down).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Humidity outside 0..255 or fan speed outside 0..2047.</exception>
    public static byte[] EncodeHumidity(int? humidity, int outdoorFan, bool defrost, byte messageId)
    {
        byte[] body = NewBody(5, messageId);
        body[4] = ToByte(humidity ?? 0, nameof(humidity));
        body[8] = ToByte(outdoorFan < 0 ? outdoorFan : outdoorFan / 8, nameof(outdoorFan));
        body[10] = defrost ? (byte)1 : (byte)0;
        return body;
    }

    /// <summary>Device side: a group 1 body. Temperatures are stored in half degrees (rounded).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="reading"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value does not fit its byte.</exception>
    public static byte[] EncodeOutdoorUnit(OutdoorUnitReading reading, byte messageId)
    {
        if (reading is null) throw new ArgumentNullException(nameof(reading));
        byte[] body = NewBody(1, messageId);
        body[4] = ToByte(reading.CompressorHz, nameof(reading.CompressorHz));
        body[5] = ToByte(reading.TargetHz, nameof(reading.TargetHz));
        body[7] = ToByte(reading.CurrentA, nameof(reading.CurrentA));
        body[8] = ToByte(reading.VoltageV, nameof(reading.VoltageV));
        body[10] = HalfDegrees(reading.T1Indoor, 30, nameof(reading.T1Indoor));
        body[11] = HalfDegrees(reading.T2IndoorCoil, 30, nameof(reading.T2IndoorCoil));
        body[12] = HalfDegrees(reading.T3OutdoorCoil, 50, nameof(reading.T3OutdoorCoil));
        body[13] = HalfDegrees(reading.T4Outdoor, 50, nameof(reading.T4Outdoor));
        body[14] = ToByte(reading.DischargeC, nameof(reading.DischargeC));
        return body;
    }

    /// <summary>Device side: a group 2 body. Fan speeds are stored in eighths (rounded down).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="reading"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A speed is outside 0..2047.</exception>
    public static byte[] EncodeIndoorFan(IndoorFanReading reading, byte messageId)
    {
        if (reading is null) throw new ArgumentNullException(nameof(reading));
        byte[] body = NewBody(2, messageId);
        body[4] = ToByte(reading.TargetSpeed < 0 ? reading.TargetSpeed : reading.TargetSpeed / 8, nameof(reading.TargetSpeed));
        body[5] = ToByte(reading.ActualSpeed < 0 ? reading.ActualSpeed : reading.ActualSpeed / 8, nameof(reading.ActualSpeed));
        body[8] = reading.WaterPump ? (byte)0x10 : (byte)0;
        return body;
    }

    /// <summary>Device side: a group 7 body.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="watts"/> is outside 0..65535.</exception>
    public static byte[] EncodeOutdoorPower(int watts, byte messageId)
    {
        if (watts is < 0 or > 0xFFFF)
            throw new ArgumentOutOfRangeException(nameof(watts), watts, "Outdoor power is 0..65535 W.");
        byte[] body = NewBody(7, messageId);
        body[10] = (byte)watts;
        body[11] = (byte)(watts >> 8);
        return body;
    }

    /// <summary>Device side: a group 11 body.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An angle is outside 0..255.</exception>
    public static byte[] EncodeLouvers(int horizontal, int vertical, byte messageId)
    {
        byte[] body = NewBody(11, messageId);
        body[9] = ToByte(horizontal, nameof(horizontal));
        body[12] = ToByte(vertical, nameof(vertical));
        return body;
    }

    private static void Check(ReadOnlySpan<byte> body, int group, int minimum, string what)
    {
        int actual = GroupOf(body);
        if (actual != group)
            throw new MideaProtocolException(ProtocolFault.BadValue, $"Group data is group {actual}, not the {what} group {group}.");
        if (body.Length < minimum)
            throw new MideaProtocolException(ProtocolFault.Truncated, $"Group {group} ({what}) body truncated: {body.Length} bytes, at least {minimum} needed.");
    }

    private static byte[] NewBody(int group, byte messageId)
    {
        var body = new byte[BodySize];
        body[0] = ResponseId;
        body[1] = 0x21;
        body[2] = 0x01;
        body[3] = (byte)(0x40 | group);
        body[BodySize - 1] = messageId;
        return body;
    }

    /// <summary>Arithmetic BCD, as msmart: 10 × high nibble + low nibble, even for nibbles above 9.</summary>
    private static int Bcd(byte b) => 10 * (b >> 4) + (b & 0x0F);

    private static bool BcdDigits(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b >> 4 > 9 || (b & 0x0F) > 9) return false;
        }
        return true;
    }

    private static long BigEndian(ReadOnlySpan<byte> bytes)
    {
        long value = 0;
        foreach (byte b in bytes) value = value << 8 | b;
        return value;
    }

    private static long Scaled(double value, int scale, long max, string name)
    {
        double scaled = Math.Round(value * scale, MidpointRounding.AwayFromZero);
        if (double.IsNaN(scaled) || scaled < 0 || scaled > max)
            throw new ArgumentOutOfRangeException(name, value, $"Must be between 0 and {(max / (double)scale).ToString(CultureInfo.InvariantCulture)}.");
        return (long)scaled;
    }

    private static void WriteBcd(byte[] body, int offset, int count, long value)
    {
        for (int i = offset + count - 1; i >= offset; i--)
        {
            int pair = (int)(value % 100);
            body[i] = (byte)(pair / 10 << 4 | pair % 10);
            value /= 100;
        }
    }

    private static void WriteBigEndian(byte[] body, int offset, int count, long value)
    {
        for (int i = offset + count - 1; i >= offset; i--)
        {
            body[i] = (byte)value;
            value >>= 8;
        }
    }

    private static byte HalfDegrees(double celsius, int bias, string name)
    {
        double raw = Math.Round(celsius * 2, MidpointRounding.AwayFromZero) + bias;
        if (double.IsNaN(raw) || raw < 0 || raw > 255)
            throw new ArgumentOutOfRangeException(name, celsius, $"Must be between {(-bias / 2.0).ToString(CultureInfo.InvariantCulture)} and {((255 - bias) / 2.0).ToString(CultureInfo.InvariantCulture)} °C.");
        return (byte)raw;
    }

    private static byte ToByte(int value, string name)
    {
        if (value is < 0 or > 255)
            throw new ArgumentOutOfRangeException(name, value, "Does not fit in one byte.");
        return (byte)value;
    }

    private static string Hex2(byte b) => b.ToString("x2", CultureInfo.InvariantCulture);
}
