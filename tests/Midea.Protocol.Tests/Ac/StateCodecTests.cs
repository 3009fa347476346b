using System;
using System.Collections.Generic;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class StateCodecTests
{
    /// <summary>A full frame (starting aa) goes through the client's frame decoder; a bare body is used as is.</summary>
    private static AcState Parse(string hex) =>
        StateCodec.Parse(hex.StartsWith("aa", StringComparison.Ordinal) ? AaFrame.Decode(B(hex)).Body : B(hex));

    [Fact]
    public void S01_short_reply_with_sum_check()
    {
        AcState s = Parse("aa1eac00000000000003c0004b1e7f7f000000000069630000000000000d33");
        Assert.False(s.Power);
        Assert.Equal(OperationalMode.Cool, s.Mode);
        Assert.Equal(27.0, s.TargetTemperature);
        Assert.Equal(30, s.FanSpeed);
        Assert.Equal(SwingMode.Off, s.Swing);
        Assert.Equal(27.5, s.IndoorTemperature);
        Assert.Equal(24.5, s.OutdoorTemperature);
        Assert.False(s.Fahrenheit);
        Assert.True(s.Display);
        Assert.Equal(0, s.ErrorCode);
        Assert.Null(s.TargetHumidity);
        Assert.Null(s.FreezeProtection);
    }

    [Fact]
    public void S02_V2_reply_23_byte_body()
    {
        AcState s = Parse("aa22ac00000000000303c0014566000000300010045eff00000000000000000069fdb9");
        Assert.True(s.Power);
        Assert.Equal(OperationalMode.Cool, s.Mode);
        Assert.Equal(21.0, s.TargetTemperature);
        Assert.Equal(102, s.FanSpeed);
        Assert.Equal(SwingMode.Off, s.Swing);
        Assert.True(s.Eco);
        Assert.True(s.Fahrenheit);
        Assert.Equal(22.0, s.IndoorTemperature);
        Assert.Null(s.OutdoorTemperature);
        Assert.False(s.FilterAlert);
        Assert.True(s.Display);
        Assert.Equal(0, s.TargetHumidity);
        Assert.False(s.FreezeProtection);
        Assert.Equal(0, s.ErrorCode);
    }

    [Fact]
    public void S03_V3_reply_24_byte_body()
    {
        AcState s = Parse("aa23ac00000000000303c00145660000003c0010045c6b20000000000000000000020d79");
        Assert.True(s.Power);
        Assert.Equal(OperationalMode.Cool, s.Mode);
        Assert.Equal(21.0, s.TargetTemperature);
        Assert.Equal(102, s.FanSpeed);
        Assert.Equal(SwingMode.Vertical, s.Swing);
        Assert.True(s.Eco);
        Assert.False(s.Turbo);
        Assert.False(s.Sleep);
        Assert.False(s.FreezeProtection);
        Assert.True(s.Fahrenheit);
        Assert.Equal(21.0, s.IndoorTemperature);
        Assert.Equal(28.5, s.OutdoorTemperature);
        Assert.True(s.FilterAlert);
        Assert.True(s.Display);
    }

    [Fact]
    public void S04_display_off()
    {
        AcState s = Parse(S04);
        Assert.True(s.Power);
        Assert.Equal(OperationalMode.Cool, s.Mode);
        Assert.Equal(21.0, s.TargetTemperature);
        Assert.Equal(102, s.FanSpeed);
        Assert.Equal(SwingMode.Off, s.Swing);
        Assert.True(s.Eco);
        Assert.True(s.Fahrenheit);
        Assert.Equal(21.0, s.IndoorTemperature);
        Assert.Null(s.OutdoorTemperature);
        Assert.True(s.FilterAlert);
        Assert.False(s.Display);
    }

    [Fact]
    public void S05_outdoor_27()
    {
        AcState s = Parse(S05);
        Assert.True(s.Power);
        Assert.Equal(OperationalMode.Cool, s.Mode);
        Assert.Equal(21.0, s.TargetTemperature);
        Assert.Equal(102, s.FanSpeed);
        Assert.Equal(SwingMode.Vertical, s.Swing);
        Assert.True(s.Eco);
        Assert.True(s.Fahrenheit);
        Assert.Equal(21.0, s.IndoorTemperature);
        Assert.Equal(27.0, s.OutdoorTemperature);
        Assert.False(s.FilterAlert);
        Assert.True(s.Display);
    }

    [Fact]
    public void S06_extra_precision()
    {
        AcState s = Parse("aa23ac00000000000203c00188647f7f000000000063450c0056190000000000000497c3");
        Assert.Equal(24.0, s.TargetTemperature);
        Assert.Equal(24.6, s.IndoorTemperature);
        Assert.Equal(9.5, s.OutdoorTemperature);
        Assert.Equal(OperationalMode.Heat, s.Mode);
        Assert.Equal(100, s.FanSpeed);
        Assert.False(s.Fahrenheit);
        Assert.Equal(25, s.ErrorCode);
    }

    [Fact]
    public void S07_extra_precision()
    {
        AcState s = Parse("aa23ac00000000000203c00188647f7f000000000067450c00750000000000000001a3b0");
        Assert.Equal(24.0, s.TargetTemperature);
        Assert.Equal(26.5, s.IndoorTemperature);
        Assert.Equal(9.7, s.OutdoorTemperature);
    }

    [Fact]
    public void S08_extra_precision_follow_me()
    {
        AcState s = Parse("aa23ac00000000000203c00188647f7f000080000064450c00501d00000000000001508e");
        Assert.Equal(24.0, s.TargetTemperature);
        Assert.Equal(25.0, s.IndoorTemperature);
        Assert.Equal(9.5, s.OutdoorTemperature);
        Assert.True(s.FollowMe);
        Assert.Equal(29, s.ErrorCode);
    }

    [Theory]
    // S09..S16 (HEAT, power on) and S17, S18 (COOL, power off): bodies without CRC.
    [InlineData("c00181667f7f003c00000060560400420000000000000048", 16.0, 23.2, 18.4, true, OperationalMode.Heat)]
    [InlineData("c00191667f7f003c00000060560400440000000000000049", 16.5, 23.4, 18.4, true, OperationalMode.Heat)]
    [InlineData("c00181667f7f003c0000006156050036000000000000004a", 17.0, 23.6, 18.3, true, OperationalMode.Heat)]
    [InlineData("c00191667f7f003c0000006156050028000000000000004b", 17.5, 23.8, 18.2, true, OperationalMode.Heat)]
    [InlineData("c00182667f7f003c0000006156060028000000000000004c", 18.0, 23.8, 18.2, true, OperationalMode.Heat)]
    [InlineData("c00192667f7f003c0000006156060028000000000000004d", 18.5, 23.8, 18.2, true, OperationalMode.Heat)]
    [InlineData("c00183667f7f003c0000006156070028000000000000004e", 19.0, 23.8, 18.2, true, OperationalMode.Heat)]
    [InlineData("c00193667f7f003c00000061570700550000000000000050", 19.5, 23.5, 18.5, true, OperationalMode.Heat)]
    [InlineData("c00040660000003c00000062680400000000000000000004", 16.0, 24.0, 27.0, false, OperationalMode.Cool)]
    [InlineData("c00050660000003c00000062670400000000000000000004", 16.5, 24.0, 26.5, false, OperationalMode.Cool)]
    public void S09_to_S18_targets_and_temperatures(string body, double target, double indoor, double outdoor, bool power, OperationalMode mode)
    {
        AcState s = Parse(body);
        Assert.Equal(target, s.TargetTemperature);
        Assert.Equal(indoor, s.IndoorTemperature);
        Assert.Equal(outdoor, s.OutdoorTemperature);
        Assert.Equal(power, s.Power);
        Assert.Equal(mode, s.Mode);
        Assert.Equal(102, s.FanSpeed);
        Assert.Equal(SwingMode.Vertical, s.Swing);
        Assert.False(s.Fahrenheit);
    }

    [Theory]
    // S11..S16 carry both [2] and [13] and the encoder's fixed bytes, so they re-encode exactly.
    [InlineData("c00181667f7f003c0000006156050036000000000000004a")]
    [InlineData("c00191667f7f003c0000006156050028000000000000004b")]
    [InlineData("c00182667f7f003c0000006156060028000000000000004c")]
    [InlineData("c00192667f7f003c0000006156060028000000000000004d")]
    [InlineData("c00183667f7f003c0000006156070028000000000000004e")]
    [InlineData("c00193667f7f003c00000061570700550000000000000050")]
    public void Encode_reproduces_captured_bodies(string body)
    {
        byte[] bytes = B(body);
        Assert.Equal(body, H(StateCodec.Encode(StateCodec.Parse(bytes), bytes[23])));
    }

    [Fact]
    public void Encode_layout()
    {
        var state = new AcState
        {
            Power = true,
            Mode = OperationalMode.Dry,
            TargetTemperature = 23.5,
            FanSpeed = 60,
            Swing = SwingMode.Horizontal,
            Display = false,
            FreezeProtection = true,
            IndoorTemperature = 21.3,
            OutdoorTemperature = null,
            TargetHumidity = 45,
            ErrorCode = 0x21,
            FilterAlert = true,
        };
        Assert.Equal("c001773c7f7f00330000005cff2b70032100002d0080005a", H(StateCodec.Encode(state, 0x5a)));
    }

    [Fact]
    public void Encode_is_24_bytes_ending_with_the_message_id()
    {
        byte[] body = StateCodec.Encode(new AcState(), 0x99);
        Assert.Equal(24, body.Length);
        Assert.Equal(0xC0, body[0]);
        Assert.Equal(0x99, body[23]);
    }

    private static AcState Full() => new()
    {
        Power = true,
        Mode = OperationalMode.Cool,
        TargetTemperature = 24,
        FanSpeed = 102,
        Swing = SwingMode.Off,
        FreezeProtection = false,
        Display = true,
        IndoorTemperature = 24.5,
        OutdoorTemperature = 30.1,
        TargetHumidity = 40,
    };

    private static AcState RoundTrip(AcState state)
    {
        // Through a whole frame, as the simulator sends it and the client receives it.
        byte[] frame = AaFrame.Encode(FrameType.Query, StateCodec.Encode(state, 0x42), 3);
        return StateCodec.Parse(AaFrame.Decode(frame).Body);
    }

    public static IEnumerable<object[]> Targets()
    {
        for (double t = 16.0; t <= 30.5; t += 0.5) yield return new object[] { t };
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Round_trip_of_every_target(double target)
    {
        AcState state = Full();
        state.TargetTemperature = target;
        StateAssert.Same(state, RoundTrip(state));
    }

    [Theory]
    [InlineData(-25.0)]
    [InlineData(-12.0)]
    [InlineData(-5.5)]
    [InlineData(-5.3)]
    [InlineData(-5.0)]
    [InlineData(-1.0)]
    [InlineData(-0.5)]
    [InlineData(-0.4)]
    [InlineData(-0.3)]
    [InlineData(-0.1)]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(9.7)]
    [InlineData(23.2)]
    [InlineData(24.6)]
    [InlineData(27.5)]
    [InlineData(45.9)]
    [InlineData(101.9)]
    [InlineData(102.0)]
    public void Round_trip_of_celsius_temperatures(double t)
    {
        AcState state = Full();
        state.IndoorTemperature = t;
        state.OutdoorTemperature = t;
        StateAssert.Same(state, RoundTrip(state));
    }

    [Theory]
    // Negative values whose tenths digit is above 5: floor(2t) lands one half-step too low,
    // and the decoder's trunc then yields the next whole degree (−0.7 comes back as −1.7).
    [InlineData(-0.6)]
    [InlineData(-0.7)]
    [InlineData(-0.9)]
    [InlineData(-5.7)]
    [InlineData(-10.8)]
    public void Round_trip_of_negative_temperatures_with_tenths_above_5(double t)
    {
        AcState state = Full();
        state.IndoorTemperature = t;
        state.OutdoorTemperature = t;
        StateAssert.Same(state, RoundTrip(state));
    }

    [Fact]
    public void Temperatures_outside_the_range_are_clamped()
    {
        AcState state = Full();
        state.IndoorTemperature = -40;
        state.OutdoorTemperature = 150;
        AcState parsed = RoundTrip(state);
        Assert.Equal(-25.0, parsed.IndoorTemperature);
        Assert.Equal(102.0, parsed.OutdoorTemperature);
    }

    [Fact]
    public void Missing_temperatures_round_trip_as_none()
    {
        AcState state = Full();
        state.IndoorTemperature = null;
        state.OutdoorTemperature = null;
        byte[] body = StateCodec.Encode(state, 1);
        Assert.Equal(0xFF, body[11]);
        Assert.Equal(0xFF, body[12]);
        StateAssert.Same(state, RoundTrip(state));
    }

    [Theory]
    [InlineData(22.0, 22.0)]
    [InlineData(22.3, 22.0)]
    [InlineData(22.5, 22.5)]
    [InlineData(22.7, 22.5)]
    [InlineData(-5.5, -5.5)]
    public void Fahrenheit_display_keeps_half_degrees_only(double t, double expected)
    {
        AcState state = Full();
        state.Fahrenheit = true;
        state.IndoorTemperature = t;
        AcState parsed = RoundTrip(state);
        Assert.True(parsed.Fahrenheit);
        Assert.Equal(expected, parsed.IndoorTemperature);
    }

    [Fact]
    public void Round_trip_display_off_and_freeze_on()
    {
        AcState state = Full();
        state.Display = false;
        state.FreezeProtection = true;
        Assert.Equal(0x70, StateCodec.Encode(state, 0)[14]);
        Assert.Equal(0x80, StateCodec.Encode(state, 0)[21]);
        StateAssert.Same(state, RoundTrip(state));
    }

    [Fact]
    public void Round_trip_every_flag_on()
    {
        var state = new AcState
        {
            Power = true,
            Mode = OperationalMode.Heat,
            TargetTemperature = 30.5,
            FanSpeed = 100,
            Swing = SwingMode.Both,
            Eco = true,
            Turbo = true,
            Sleep = true,
            FreezeProtection = true,
            Display = false,
            Fahrenheit = true,
            FollowMe = true,
            Purifier = true,
            AuxHeat = true,
            IndependentAuxHeat = true,
            IndoorTemperature = 18.5,
            OutdoorTemperature = -7.5,
            ErrorCode = 0xFE,
            FilterAlert = true,
            TargetHumidity = 127,
        };
        StateAssert.Same(state, RoundTrip(state));
    }

    [Fact]
    public void Round_trip_every_flag_off()
    {
        var state = new AcState
        {
            Power = false,
            Mode = OperationalMode.Auto,
            TargetTemperature = 16,
            FanSpeed = 20,
            FreezeProtection = false,
            TargetHumidity = 0,
        };
        StateAssert.Same(state, RoundTrip(state));
    }

    [Theory]
    [InlineData(OperationalMode.Auto, SwingMode.Off, 20)]
    [InlineData(OperationalMode.Cool, SwingMode.Horizontal, 40)]
    [InlineData(OperationalMode.Dry, SwingMode.Vertical, 60)]
    [InlineData(OperationalMode.Heat, SwingMode.Both, 80)]
    [InlineData(OperationalMode.FanOnly, SwingMode.Off, 100)]
    [InlineData(OperationalMode.SmartDry, SwingMode.Vertical, 102)]
    [InlineData(OperationalMode.Cool, SwingMode.Off, 1)]
    public void Round_trip_modes_swings_and_fans(OperationalMode mode, SwingMode swing, int fan)
    {
        AcState state = Full();
        state.Mode = mode;
        state.Swing = swing;
        state.FanSpeed = (byte)fan;
        StateAssert.Same(state, RoundTrip(state));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xe0)]
    public void Unknown_modes_read_as_fan_only(int modeBits)
    {
        byte[] body = StateCodec.Encode(Full(), 0);
        body[2] = (byte)(body[2] & 0x1F | modeBits);
        Assert.Equal(OperationalMode.FanOnly, StateCodec.Parse(body).Mode);
    }

    [Fact]
    public void Alternate_target_wins_and_zero_falls_back_to_byte_2()
    {
        byte[] body = StateCodec.Encode(Full(), 0);   // 24 °C: [2] nibble 8, [13] 12
        body[13] = 0x20 | 0x0f;                       // alternate 15 + 12 = 27, filter alert kept
        AcState s = StateCodec.Parse(body);
        Assert.Equal(27.0, s.TargetTemperature);
        Assert.True(s.FilterAlert);
        body[13] = 0x00;
        Assert.Equal(24.0, StateCodec.Parse(body).TargetTemperature);
    }

    [Fact]
    public void Turbo_from_either_bit()
    {
        byte[] body = StateCodec.Encode(Full(), 0);
        body[8] = 0x20;
        Assert.True(StateCodec.Parse(body).Turbo);
        body[8] = 0;
        body[10] = 0x02;
        Assert.True(StateCodec.Parse(body).Turbo);
        body[10] = 0;
        Assert.False(StateCodec.Parse(body).Turbo);
    }

    [Theory]
    [InlineData(17, false, false)]   // shortest accepted: no humidity, no freeze
    [InlineData(19, false, false)]
    [InlineData(20, true, false)]
    [InlineData(21, true, false)]
    [InlineData(22, true, true)]
    public void Optional_fields_depend_on_body_length(int length, bool hasHumidity, bool hasFreeze)
    {
        AcState state = Full();
        state.FreezeProtection = true;
        byte[] body = StateCodec.Encode(state, 0).AsSpan(0, length).ToArray();
        AcState s = StateCodec.Parse(body);
        int? humidity = hasHumidity ? 40 : null;
        bool? freeze = hasFreeze ? true : null;
        Assert.Equal(humidity, s.TargetHumidity);
        Assert.Equal(freeze, s.FreezeProtection);
    }

    [Fact]
    public void Short_body_is_truncated()
    {
        byte[] body = StateCodec.Encode(Full(), 0).AsSpan(0, 16).ToArray();
        var ex = Assert.Throws<MideaProtocolException>(() => StateCodec.Parse(body));
        Assert.Equal(ProtocolFault.Truncated, ex.Fault);
    }

    [Theory]
    [InlineData("")]
    [InlineData("c1")]
    [InlineData("b10109000001003c00")]
    public void Other_bodies_are_bad_value(string hex)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => StateCodec.Parse(B(hex)));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
    }

    [Theory]
    [InlineData(0x5c, 0, false, 21.0)]
    [InlineData(0x5c, 5, false, 21.5)]
    [InlineData(0x5d, 3, false, 21.3)]   // 21.5 truncates to 21, plus 0.3
    [InlineData(0x31, 3, false, -0.3)]   // −0.5 truncates to −0, minus 0.3
    [InlineData(0x27, 5, false, -5.5)]
    [InlineData(0x5d, 3, true, 21.5)]    // Fahrenheit ignores small tenths
    [InlineData(0x5c, 7, true, 21.5)]    // and rounds larger ones to a half
    [InlineData(0x27, 5, true, -5.5)]
    [InlineData(0x00, 0, false, -25.0)]
    [InlineData(0xfe, 0, false, 102.0)]
    public void Temperature_decode_of_section_5_5_1(int raw, int tenths, bool fahrenheit, double expected)
    {
        Assert.Equal(expected, StateCodec.Temperature((byte)raw, tenths, fahrenheit));
    }

    [Fact]
    public void Temperature_FF_is_none()
    {
        Assert.Null(StateCodec.Temperature(0xFF, 5, false));
    }
}
