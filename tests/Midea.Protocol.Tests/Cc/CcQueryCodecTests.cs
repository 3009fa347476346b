using System;
using System.Linq;
using CsCheck;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;
using Xunit;
using static Midea.Protocol.Tests.CcVectors;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

/// <summary>The 0xCC query, its answer and reports (protocol.md §9.2, §9.3) on the vectors of §7.9.</summary>
public class CcQueryCodecTests
{
    private static byte[] BodyOf(string frame) => AaFrame.Decode(B(frame), AaFrame.CommercialAirConditioner).Body;

    private static CcQueryAnswer Answer(string hex) =>
        CcQueryCodec.ParseAnswer(hex.StartsWith("aa", StringComparison.Ordinal) ? BodyOf(hex) : B(hex));

    [Fact]
    public void Query_is_M01_byte_for_byte()
    {
        Assert.Equal(M01, H(CcQueryCodec.Query(0x01)));
    }

    [Fact]
    public void A_unit_reads_M01_as_a_query_and_no_answer_as_one()
    {
        Assert.True(CcQueryCodec.IsQuery(AaFrame.DecodeRequest(B(M01), AaFrame.CommercialAirConditioner)));
        Assert.False(CcQueryCodec.IsQuery(AaFrame.Decode(B(M02), AaFrame.CommercialAirConditioner)));
        Assert.False(CcQueryCodec.IsQuery(AaFrame.Decode(B(M38), AaFrame.CommercialAirConditioner)));
    }

    [Fact]
    public void M02_decodes_field_by_field()
    {
        CcQueryAnswer a = Answer(M02);
        Assert.Equal((0, 0x43, 0x50), (a.StartIndex, a.EndIndex, a.DataLength));
        CcState s = a.State;
        Assert.True(s.Power);
        Assert.Equal(20.5, s.TargetTemperature);
        Assert.Equal(25.7, s.IndoorTemperature);
        Assert.Null(s.OutdoorTemperature);
        Assert.False(s.Fahrenheit);
        Assert.Equal(65, s.TargetHumidity);
        Assert.Null(s.IndoorHumidity);
        Assert.Equal(CcMode.Heat, s.Mode);
        Assert.Equal((CcFanSpeed)0, s.FanSpeed);
        Assert.Equal(CcSwingAngle.Position3, s.VerticalSwingAngle);
        Assert.Equal(CcSwingAngle.Position3, s.HorizontalSwingAngle);
        Assert.Equal(CcWindSense.Off, s.WindSense);
        Assert.False(s.Eco);
        Assert.False(s.Silent);
        Assert.False(s.Sleep);
        Assert.Equal(CcPurifier.Off, s.Purifier);
        Assert.False(s.Beep);
        Assert.True(s.Display);
        Assert.Equal(CcAuxiliaryHeat.Off, s.AuxiliaryHeat);
        CcCapabilities c = a.Capabilities;
        Assert.Equal(17, c.MinimumTargetTemperature);
        Assert.Equal(30, c.MaximumTargetTemperature);
        Assert.True(c.Humidity);
        Assert.Equal(new[] { CcMode.Fan, CcMode.Cool, CcMode.Heat, CcMode.Dry }, c.Modes);
        Assert.True(c.FanSpeed);
        Assert.True(c.VerticalSwingAngle);
        Assert.True(c.HorizontalSwingAngle);
        Assert.True(c.WindSense);
        Assert.False(c.Co2Level);
        Assert.True(c.Eco);
        Assert.True(c.Silent);
        Assert.True(c.Sleep);
        Assert.False(c.SelfClean);
        Assert.True(c.Purifier);
        Assert.False(c.PurifierAuto);
        Assert.True(c.FilterLevel);
        // Bytes 83..86 are 00 01 02 FF: the FF pad names no setting.
        Assert.Equal(new[] { CcAuxiliaryHeat.Auto, CcAuxiliaryHeat.On, CcAuxiliaryHeat.Off }, c.AuxiliaryHeatModes);
    }

    [Fact]
    public void M03_is_heat_at_20_with_both_louvers_on_auto_and_the_capabilities_of_test_capabilities()
    {
        CcQueryAnswer a = Answer(M03);
        Assert.Equal(20.0, a.State.TargetTemperature);
        Assert.Equal(25.5, a.State.IndoorTemperature);
        Assert.Equal(CcMode.Heat, a.State.Mode);
        Assert.Equal(CcFanSpeed.Auto, a.State.FanSpeed);
        Assert.Equal((CcSwingAngle.Auto, CcSwingAngle.Auto), (a.State.VerticalSwingAngle, a.State.HorizontalSwingAngle));
        Assert.Equal((false, false, false, CcPurifier.Off), (a.State.Eco, a.State.Silent, a.State.Sleep, a.State.Purifier));
        Assert.Equal(new[] { CcMode.Fan, CcMode.Cool, CcMode.Heat, CcMode.Dry }, a.Capabilities.Modes);
        Assert.True(a.Capabilities.FanSpeed && a.Capabilities.Humidity && a.Capabilities.Eco && a.Capabilities.Silent && a.Capabilities.Sleep);
        Assert.True(a.Capabilities.Purifier);
        Assert.False(a.Capabilities.PurifierAuto);
    }

    [Theory]
    [InlineData(nameof(M04), CcAuxiliaryHeat.On)]
    [InlineData(nameof(M05), CcAuxiliaryHeat.Auto)]
    [InlineData(nameof(M06), CcAuxiliaryHeat.Off)]
    public void Captured_auxiliary_heat(string vector, CcAuxiliaryHeat expected) =>
        Assert.Equal(expected, Answer(Hex(vector)).State.AuxiliaryHeat);

    [Theory]
    [InlineData(nameof(M07), CcPurifier.On)]
    [InlineData(nameof(M08), CcPurifier.Off)]
    [InlineData(nameof(M36), CcPurifier.Off)]
    public void Captured_purifier(string vector, CcPurifier expected) =>
        Assert.Equal(expected, Answer(Hex(vector)).State.Purifier);

    [Theory]
    [InlineData(nameof(M09), 24.0, 21.0, CcMode.Cool, true)]
    [InlineData(nameof(M10), 21.5, 21.0, CcMode.Cool, false)]
    [InlineData(nameof(M11), 17.0, 22.1, CcMode.Heat, true)]
    [InlineData(nameof(M12), 30.0, 22.5, CcMode.Heat, true)]
    [InlineData(nameof(M13), 20.5, 25.6, CcMode.Heat, true)]
    [InlineData(nameof(M14), 20.0, 20.7, CcMode.Heat, false)]
    [InlineData(nameof(M15), 20.0, 20.3, CcMode.Heat, false)]
    [InlineData(nameof(M16), 20.0, 19.2, CcMode.Heat, false)]
    [InlineData(nameof(M17), 30.0, 23.9, CcMode.Heat, true)]
    [InlineData(nameof(M18), 20.0, 26.4, CcMode.Cool, true)]
    [InlineData(nameof(M19), 20.0, 25.6, CcMode.Heat, true)]
    [InlineData(nameof(N05), 24.0, 18.8, CcMode.Heat, false)]
    public void Captured_targets_indoor_temperatures_modes_and_power(string vector, double target, double indoor, CcMode mode, bool power)
    {
        CcState s = Answer(Hex(vector)).State;
        Assert.Equal((target, indoor, mode, power), (s.TargetTemperature, s.IndoorTemperature, s.Mode, s.Power));
    }

    [Theory]
    [InlineData(nameof(M20), CcMode.Fan)]
    [InlineData(nameof(M21), CcMode.Cool)]
    [InlineData(nameof(M22), CcMode.Heat)]
    [InlineData(nameof(M23), CcMode.Dry)]
    public void Captured_modes(string vector, CcMode expected) => Assert.Equal(expected, Answer(Hex(vector)).State.Mode);

    [Theory]
    [InlineData(nameof(M24), CcFanSpeed.Level1)]
    [InlineData(nameof(M25), CcFanSpeed.Level2)]
    [InlineData(nameof(M26), CcFanSpeed.Level3)]
    [InlineData(nameof(M27), CcFanSpeed.Level7)]
    [InlineData(nameof(M28), CcFanSpeed.Auto)]
    public void Captured_fan_speeds(string vector, CcFanSpeed expected) => Assert.Equal(expected, Answer(Hex(vector)).State.FanSpeed);

    [Theory]
    [InlineData(nameof(M22), CcSwingAngle.Position1, CcSwingAngle.Position3)]
    [InlineData(nameof(M29), CcSwingAngle.Position2, CcSwingAngle.Position3)]
    [InlineData(nameof(M30), CcSwingAngle.Position5, CcSwingAngle.Position3)]
    [InlineData(nameof(M31), CcSwingAngle.Closed, CcSwingAngle.Position3)]
    [InlineData(nameof(M32), CcSwingAngle.Position1, CcSwingAngle.Position1)]
    [InlineData(nameof(M33), CcSwingAngle.Position1, CcSwingAngle.Position2)]
    [InlineData(nameof(M34), CcSwingAngle.Position1, CcSwingAngle.Position5)]
    [InlineData(nameof(M35), CcSwingAngle.Position1, CcSwingAngle.Auto)]
    [InlineData(nameof(M03), CcSwingAngle.Auto, CcSwingAngle.Auto)]
    public void Captured_swing_angles(string vector, CcSwingAngle vertical, CcSwingAngle horizontal)
    {
        CcState s = Answer(Hex(vector)).State;
        Assert.Equal((vertical, horizontal), (s.VerticalSwingAngle, s.HorizontalSwingAngle));
    }

    [Theory]
    [InlineData(nameof(M36), true, false, false)]
    [InlineData(nameof(M08), false, true, false)]
    [InlineData(nameof(M07), false, false, false)]
    [InlineData(nameof(M06), false, false, true)]
    [InlineData(nameof(M18), false, false, false)]
    public void Captured_sleep_silent_and_eco(string vector, bool sleep, bool silent, bool eco)
    {
        CcState s = Answer(Hex(vector)).State;
        Assert.Equal((sleep, silent, eco), (s.Sleep, s.Silent, s.Eco));
    }

    [Fact]
    public void M18_the_capture_msmart_ng_labels_soft_carries_wind_sense_3_and_the_others_0()
    {
        Assert.Equal(CcWindSense.Soft, Answer(M18).State.WindSense);
        Assert.All(Answers.Where(a => a != M18), a => Assert.Equal(CcWindSense.Off, Answer(a).State.WindSense));
    }

    [Fact]
    public void M20_has_the_capabilities_test_capabilities_names()
    {
        CcCapabilities c = Answer(M20).Capabilities;
        Assert.Equal((17.0, 30.0), (c.MinimumTargetTemperature, c.MaximumTargetTemperature));
        Assert.Equal(new[] { CcMode.Fan, CcMode.Cool, CcMode.Heat, CcMode.Dry }, c.Modes);
        Assert.True(c.Humidity && c.FanSpeed && c.VerticalSwingAngle && c.HorizontalSwingAngle && c.WindSense);
        Assert.True(c.Eco && c.Silent && c.Sleep && c.Purifier && c.FilterLevel);
        Assert.False(c.Co2Level || c.SelfClean || c.PurifierAuto);
        Assert.Equal(new[] { CcAuxiliaryHeat.Auto, CcAuxiliaryHeat.On, CcAuxiliaryHeat.Off }, c.AuxiliaryHeatModes);
    }

    [Theory]
    [InlineData(nameof(M44))]
    [InlineData(nameof(M45))]
    [InlineData(nameof(M01))]
    public void A_body_without_the_01_FE_header_is_refused(string vector)
    {
        string hex = Hex(vector);
        byte[] body = hex.StartsWith("aa", StringComparison.Ordinal) ? BodyOf(hex) : B(hex);
        var e = Assert.Throws<MideaProtocolException>(() => CcQueryCodec.ParseAnswer(body));
        Assert.Equal(ProtocolFault.BadValue, e.Fault);
    }

    [Fact]
    public void Every_prefix_of_every_captured_answer_is_refused_as_truncated_or_decodes()
    {
        foreach (string hex in Answers)
        {
            byte[] body = hex.StartsWith("aa", StringComparison.Ordinal) ? BodyOf(hex) : B(hex);
            for (int n = 0; n < body.Length; n++)
            {
                byte[] prefix = body.AsSpan(0, n).ToArray();
                if (n >= CcQueryCodec.MinimumAnswer)
                {
                    Assert.Equal(CcQueryCodec.ParseAnswer(body).State.AuxiliaryHeat, CcQueryCodec.ParseAnswer(prefix).State.AuxiliaryHeat);
                    continue;
                }
                var e = Assert.Throws<MideaProtocolException>(() => CcQueryCodec.ParseAnswer(prefix));
                Assert.Equal(n < 2 ? ProtocolFault.BadValue : ProtocolFault.Truncated, e.Fault);
            }
        }
    }

    [Fact]
    public void Every_prefix_of_a_captured_answer_frame_is_refused()
    {
        foreach (string hex in Answers.Where(h => h.StartsWith("aa", StringComparison.Ordinal)))
        {
            byte[] frame = B(hex);
            for (int n = 0; n < frame.Length; n++)
                Assert.Throws<MideaProtocolException>(() => CcQueryCodec.ParseAnswer(AaFrame.Decode(frame.AsSpan(0, n), AaFrame.CommercialAirConditioner).Body));
        }
    }

    [Fact]
    public void Every_captured_answer_reencodes_to_the_same_bytes_at_every_decoded_offset()
    {
        int[] decoded = { 0, 1, 8, 9, 10, 11, 12, 13, 14, 21, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 34, 40, 41, 42, 43, 44, 45, 52, 55, 56, 57, 58, 59, 60, 61, 73, 74, 75, 78, 80, 81, 82, 83, 84, 85, 86, 87 };
        foreach (string hex in Answers)
        {
            byte[] body = hex.StartsWith("aa", StringComparison.Ordinal) ? BodyOf(hex) : B(hex);
            CcQueryAnswer a = CcQueryCodec.ParseAnswer(body);
            byte[] again = CcQueryCodec.EncodeAnswer(a.State, a.Capabilities);
            foreach (int i in decoded) Assert.True(body[i] == again[i], $"{hex.Substring(0, 24)}… byte {i}: captured {body[i]:x2}, encoded {again[i]:x2}");
            // The header and the replicated vertical angle too, as in every capture.
            Assert.Equal(H(body.AsSpan(0, 8).ToArray()), H(again.AsSpan(0, 8).ToArray()));
            Assert.Equal(body[36], again[36]);
        }
    }

    [Fact]
    public void The_answer_frame_carries_FF_where_an_AC_frame_has_its_CRC_like_a_unit()
    {
        byte[] frame = CcQueryCodec.AnswerFrame(new CcState(), new CcCapabilities());
        Assert.Equal(100, frame.Length);
        Assert.Equal(0xFF, frame[98]);
        Assert.Equal((byte)FrameType.Query, frame[9]);
        Assert.Equal((byte)FrameType.Report, CcQueryCodec.AnswerFrame(new CcState(), new CcCapabilities(), FrameType.Report)[9]);
        Assert.Throws<ArgumentException>(() => CcQueryCodec.AnswerFrame(new CcState(), new CcCapabilities(), FrameType.Set));
    }

    [Fact]
    public void State_and_capabilities_survive_answer_and_report_frames()
    {
        Gen.Select(CcGen.States, CcGen.Capabilities, Gen.Bool).Sample((state, caps, report) =>
        {
            byte[] frame = CcQueryCodec.AnswerFrame(state, caps, report ? FrameType.Report : FrameType.Query);
            CcQueryAnswer a = CcQueryCodec.ParseAnswer(AaFrame.Decode(frame, AaFrame.CommercialAirConditioner).Body);
            CcAssert.Same(state, a.State);
            CcAssert.Same(caps, a.Capabilities);
        }, iter: Fuzz.RoundTrip);
    }

    [Theory]
    [InlineData(-40.5)]
    [InlineData(88)]
    [InlineData(double.NaN)]
    public void A_temperature_the_byte_cannot_carry_is_refused(double celsius) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CcTemperature.Encode(celsius));

    [Theory]
    [InlineData(17.0, 0x72)]
    [InlineData(20.5, 0x79)]
    [InlineData(30.0, 0x8c)]
    [InlineData(20.3, 0x79)]
    [InlineData(-40, 0x00)]
    [InlineData(87.5, 0xff)]
    public void Temperatures_encode_as_raw_over_two_minus_40_to_the_nearest_half(double celsius, byte raw) =>
        Assert.Equal(raw, CcTemperature.Encode(celsius));

    internal static readonly string[] Answers =
    {
        M02, M03, M04, M05, M06, M07, M08, M09, M10, M11, M12, M13, M14, M15, M16, M17, M18, M19,
        M20, M21, M22, M23, M24, M25, M26, M27, M28, M29, M30, M31, M32, M33, M34, M35, M36, N05,
    };

    private static string Hex(string vector) => (string)typeof(CcVectors).GetField(vector)!.GetValue(null)!;
}
