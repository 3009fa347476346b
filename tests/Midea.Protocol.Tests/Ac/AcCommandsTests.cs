using System;
using System.Collections.Generic;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class AcCommandsTests
{
    private static AcState F12State(int? humidity) => new()
    {
        Power = true,
        Mode = OperationalMode.Cool,
        TargetTemperature = 24.0,
        FanSpeed = 102,
        Swing = SwingMode.Off,
        Eco = false,
        Fahrenheit = false,
        TargetHumidity = humidity,
    };

    private static AcState F13State() => new()
    {
        Power = true,
        Mode = OperationalMode.Heat,
        TargetTemperature = 22.5,
        FanSpeed = 60,
        Swing = SwingMode.Both,
        Turbo = true,
    };

    private static AcState F14State() => new()
    {
        Power = false,
        Mode = OperationalMode.Auto,
        TargetTemperature = 31.0,
        FanSpeed = 40,
        Swing = SwingMode.Vertical,
        Eco = true,
        Sleep = true,
        FreezeProtection = true,
        Fahrenheit = true,
    };

    [Fact]
    public void F01_GetState_message_id_11()
    {
        Assert.Equal(F01, H(AcCommands.GetState(0x11)));
    }

    [Fact]
    public void F02_GetState_message_id_01()
    {
        Assert.Equal(F02, H(AcCommands.GetState(0x01)));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(null)]
    public void F12_SetState_cool_24_auto_fan_beep(int? humidity)
    {
        Assert.Equal(F12, H(AcCommands.SetState(F12State(humidity), beep: true, messageId: 0x01)));
    }

    [Fact]
    public void F13_SetState_heat_22_5_fan_60_swing_both_turbo()
    {
        Assert.Equal(F13, H(AcCommands.SetState(F13State(), beep: false, messageId: 0x01)));
    }

    [Fact]
    public void F13_with_humidity_40_is_the_same()
    {
        AcState state = F13State();
        state.TargetHumidity = 40;
        Assert.Equal(F13, H(AcCommands.SetState(state, beep: false, messageId: 0x01)));
    }

    [Fact]
    public void F14_SetState_off_auto_31_eco_sleep_freeze_fahrenheit()
    {
        Assert.Equal(F14, H(AcCommands.SetState(F14State(), beep: true, messageId: 0x01)));
    }

    [Fact]
    public void SetState_is_a_type_02_frame_with_a_25_byte_body()
    {
        AaFrame frame = AaFrame.DecodeRequest(AcCommands.SetState(new AcState(), beep: false, messageId: 0x7e));
        Assert.Equal((byte)FrameType.Set, frame.FrameType);
        Assert.Equal(25, frame.Body.Length);
        Assert.Equal(AcCommands.SetStateId, frame.Id);
        Assert.Equal(0x7e, frame.Body[24]);
    }

    [Fact]
    public void GetState_is_a_type_03_frame()
    {
        AaFrame frame = AaFrame.DecodeRequest(AcCommands.GetState(0xff));
        Assert.Equal((byte)FrameType.Query, frame.FrameType);
        Assert.Equal(AcCommands.GetStateId, frame.Id);
        Assert.Equal(0xff, frame.Body[21]);
    }

    [Theory]
    [InlineData(false, false, 0x02)]
    [InlineData(true, false, 0x03)]
    [InlineData(false, true, 0x42)]
    [InlineData(true, true, 0x43)]
    public void SetState_byte_1_power_and_beep(bool power, bool beep, int expected)
    {
        byte[] frame = AcCommands.SetState(new AcState { Power = power }, beep, 1);
        Assert.Equal(expected, frame[11]);
    }

    [Theory]
    [InlineData(16.0, 0x40, 0x04)]
    [InlineData(16.5, 0x50, 0x04)]
    [InlineData(17.0, 0x41, 0x00)]
    [InlineData(24.0, 0x48, 0x00)]
    [InlineData(22.5, 0x56, 0x00)]
    [InlineData(30.0, 0x4e, 0x00)]
    [InlineData(30.5, 0x5e, 0x00)]
    [InlineData(31.0, 0x40, 0x13)]
    public void SetState_target_bytes(double target, int b2, int b18)
    {
        AaFrame frame = AaFrame.Decode(AcCommands.SetState(new AcState { Mode = OperationalMode.Cool, TargetTemperature = target }, false, 1));
        Assert.Equal(b2, frame.Body[2]);
        Assert.Equal(b18, frame.Body[18]);
    }

    [Fact]
    public void SetState_flag_bits()
    {
        var state = new AcState
        {
            FollowMe = true,
            Purifier = true,
            AuxHeat = true,
            IndependentAuxHeat = true,
            TargetHumidity = 55,
        };
        byte[] body = AaFrame.Decode(AcCommands.SetState(state, false, 1)).Body;
        Assert.Equal(0x80, body[8]);
        Assert.Equal(0x28, body[9]);
        Assert.Equal(0x00, body[10]);
        Assert.Equal(55, body[19]);
        Assert.Equal(0x00, body[21]);
        Assert.Equal(0x08, body[22]);
    }

    [Fact]
    public void ParseSetState_of_F12()
    {
        var current = new AcState { IndoorTemperature = 23.4, OutdoorTemperature = -3.5, Display = false, ErrorCode = 7 };
        AcState parsed = StateCodec.ParseSetState(AaFrame.DecodeRequest(B(F12)).Body, current);
        AcState expected = F12State(40);
        expected.FreezeProtection = false;
        expected.IndoorTemperature = 23.4;
        expected.OutdoorTemperature = -3.5;
        expected.Display = false;
        expected.ErrorCode = 7;
        StateAssert.Same(expected, parsed);
    }

    [Fact]
    public void ParseSetState_of_F13()
    {
        AcState parsed = StateCodec.ParseSetState(AaFrame.DecodeRequest(B(F13)).Body, new AcState());
        AcState expected = F13State();
        expected.TargetHumidity = 40;
        expected.FreezeProtection = false;
        StateAssert.Same(expected, parsed);
    }

    [Fact]
    public void ParseSetState_of_F14()
    {
        AcState parsed = StateCodec.ParseSetState(AaFrame.DecodeRequest(B(F14)).Body, new AcState());
        AcState expected = F14State();
        expected.TargetHumidity = 40;
        StateAssert.Same(expected, parsed);
    }

    [Fact]
    public void ParseSetState_leaves_current_untouched()
    {
        var current = new AcState { Power = false, IndoorTemperature = 20 };
        AcState parsed = StateCodec.ParseSetState(AaFrame.DecodeRequest(B(F12)).Body, current);
        Assert.True(parsed.Power);
        Assert.False(current.Power);
        Assert.Equal(20, parsed.IndoorTemperature);
    }

    [Theory]
    [InlineData("")]
    [InlineData("40")]
    [InlineData("404348667f7f0030000000000000000000000028000000")]      // 23 bytes
    [InlineData("414348667f7f00300000000000000000000000280000000001")]  // 25 bytes, id 41
    public void ParseSetState_rejects_other_bodies(string hex)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => StateCodec.ParseSetState(B(hex), new AcState()));
        Assert.Equal(ProtocolFault.BadLength, ex.Fault);
    }

    [Fact]
    public void ParseSetState_accepts_24_bytes()
    {
        byte[] body = AaFrame.DecodeRequest(B(F12)).Body;
        Assert.Equal(24.0, StateCodec.ParseSetState(body.AsSpan(0, 24).ToArray(), new AcState()).TargetTemperature);
    }

    public static IEnumerable<object[]> Targets()
    {
        for (double t = 16.0; t <= 30.5; t += 0.5) yield return new object[] { t };
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void SetState_round_trips_every_target(double target)
    {
        var state = new AcState { Power = true, Mode = OperationalMode.Heat, TargetTemperature = target, TargetHumidity = 50, FreezeProtection = false };
        AcState parsed = StateCodec.ParseSetState(AaFrame.DecodeRequest(AcCommands.SetState(state, true, 3)).Body, new AcState());
        StateAssert.Same(state, parsed);
    }

    [Theory]
    [InlineData(OperationalMode.Auto, SwingMode.Off, 20)]
    [InlineData(OperationalMode.Cool, SwingMode.Horizontal, 40)]
    [InlineData(OperationalMode.Dry, SwingMode.Vertical, 60)]
    [InlineData(OperationalMode.Heat, SwingMode.Both, 80)]
    [InlineData(OperationalMode.FanOnly, SwingMode.Off, 100)]
    [InlineData(OperationalMode.SmartDry, SwingMode.Both, 102)]
    [InlineData(OperationalMode.Cool, SwingMode.Off, 1)]
    public void SetState_round_trips_modes_swings_and_fans(OperationalMode mode, SwingMode swing, int fan)
    {
        var state = new AcState { Power = true, Mode = mode, Swing = swing, FanSpeed = (byte)fan, TargetHumidity = 40, FreezeProtection = false };
        AcState parsed = StateCodec.ParseSetState(AaFrame.DecodeRequest(AcCommands.SetState(state, false, 9)).Body, new AcState());
        StateAssert.Same(state, parsed);
    }

    [Fact]
    public void SetState_round_trips_every_flag()
    {
        var state = new AcState
        {
            Power = true,
            Mode = OperationalMode.Heat,
            TargetTemperature = 28.5,
            FanSpeed = 33,
            Swing = SwingMode.Horizontal,
            Eco = true,
            Turbo = true,
            Sleep = true,
            FreezeProtection = true,
            Fahrenheit = true,
            FollowMe = true,
            Purifier = true,
            AuxHeat = true,
            IndependentAuxHeat = true,
            TargetHumidity = 127,
        };
        AcState parsed = StateCodec.ParseSetState(AaFrame.DecodeRequest(AcCommands.SetState(state, true, 0)).Body, new AcState());
        StateAssert.Same(state, parsed);
    }
}
