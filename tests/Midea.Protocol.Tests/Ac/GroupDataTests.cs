using System;
using System.Collections.Generic;
using System.Linq;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class GroupDataTests
{
    // protocol.md §7.7: G01..G06 are frames, G07..G13 bodies without a frame.
    private const string G01 = "aa1fac00000000000303c121014400067920000000000000000000000000aabf";
    private const string G02 = "aa20ac00000000000203c121014400564a02640000000014ae0000000000041a22";
    private const string G03 = "aa20ac00000000000303c1210144000000000000000000000000000000000843bc";
    private const string G04 = "aa22ac00000000000803c1210144000005e00000000000000006000aeb000000487a5e";
    private const string G05 = "aa20ac00000000000303c12101453f546c005d0a000000de1f0000ba9a0004af9c";
    private const string G06 = "aa1fac00000000000303c1210145000000000000000000000000000000001aed";
    // G07 carries two bytes after the 21-byte body (it is 23 bytes where G08 is 21); offsets 4..10 are unaffected.
    private const string G07 = "c12101451e4f2b5e003c01000000692900cf7e0001bb38";
    private const string G08 = "c12101451e4dcf5e611f00000052ad2900cf7e0002";
    private const string G09 = "c10000411c1d0001e800472666582d0000000000";
    private const string G10 = "c100004123240004e600482e8c4a370000000000";
    private const string G11 = "c100004234350000100000000000000000000000";
    private const string G12 = "c10000470000000000000d010000000000000000";
    private const string G13 = "c100004b0064006400486400f000000000000000";

    // §7.2 F05..F10: group queries with message id 01.
    private const string F05 = "aa20ac00000000000003412101410000000000000000000000000000000001c5c7";
    private const string F06 = "aa20ac000000000000034121014200000000000000000000000000000000016328";
    private const string F07 = "aa20ac000000000000034121014400000000000000000000000000000000013653";
    private const string F08 = "aa20ac000000000000034121014500000000000000000000000000000000015434";
    private const string F09 = "aa20ac0000000000000341210147000000000000000000000000000000000190f6";
    private const string F10 = "aa20ac000000000000034121014b00000000000000000000000000000000013a48";

    private static byte[] Body(string frame) => AaFrame.Decode(B(frame)).Body;

    [Fact]
    public void G01_bcd_total_679_2_short_body()
    {
        byte[] body = Body(G01);
        Assert.Equal(20, body.Length);
        Assert.Equal(4, GroupCodec.GroupOf(body));
        EnergyReading e = GroupCodec.ParseEnergy(body);
        Assert.True(e.Valid);
        Assert.True(e.BcdDigitsValid);
        Assert.Equal(679.2, e.TotalBcd);
        Assert.Equal(0.0, e.CurrentBcd);
        Assert.Equal(0.0, e.PowerBcd);
        Assert.Equal(0x00067920 / 10.0, e.TotalBinary);
    }

    [Fact]
    public void G02_bcd_with_non_bcd_nibbles_decodes_arithmetically()
    {
        EnergyReading e = GroupCodec.ParseEnergy(Body(G02));
        Assert.True(e.Valid);
        Assert.False(e.BcdDigitsValid);
        Assert.Equal(5650.02, e.TotalBcd);
        Assert.Equal(1514.0, e.CurrentBcd);
        Assert.Equal(0.0, e.PowerBcd);
        Assert.Equal(0x00564a02 / 10.0, e.TotalBinary);
        Assert.Equal(0x0014ae00 / 10.0, e.CurrentBinary);
        Assert.Equal(0.0, e.PowerBinary);
    }

    [Fact]
    public void G03_all_zero_is_invalid_and_all_none()
    {
        EnergyReading e = GroupCodec.ParseEnergy(Body(G03));
        Assert.False(e.Valid);
        Assert.True(e.BcdDigitsValid);
        Assert.Null(e.TotalBcd);
        Assert.Null(e.CurrentBcd);
        Assert.Null(e.PowerBcd);
        Assert.Null(e.TotalBinary);
        Assert.Null(e.CurrentBinary);
        Assert.Null(e.PowerBinary);
    }

    [Fact]
    public void G04_binary_energy_and_the_wrong_bcd_reading()
    {
        AaFrame frame = AaFrame.Decode(B(G04));
        Assert.Equal(0x08, frame.ProtocolVersion);
        EnergyReading e = GroupCodec.ParseEnergy(frame.Body);
        Assert.True(e.Valid);
        Assert.False(e.BcdDigitsValid);
        Assert.Equal(150.4, e.TotalBinary);
        Assert.Equal(0.6, e.CurrentBinary);
        Assert.Equal(279.5, e.PowerBinary);
        Assert.Equal(6.4, e.TotalBcd);
        Assert.Equal(0.06, e.CurrentBcd);
        Assert.Equal(115.1, e.PowerBcd);
    }

    [Fact]
    public void G05_humidity_63_outdoor_fan_744()
    {
        byte[] body = Body(G05);
        Assert.Equal(5, GroupCodec.GroupOf(body));
        HumidityReading h = GroupCodec.ParseHumidity(body);
        Assert.Equal(63, h.Humidity);
        Assert.Equal(744, h.OutdoorFanSpeed);
        Assert.False(h.Defrost);
    }

    [Fact]
    public void G06_no_humidity()
    {
        HumidityReading h = GroupCodec.ParseHumidity(Body(G06));
        Assert.Null(h.Humidity);
        Assert.Equal(0, h.OutdoorFanSpeed);
        Assert.False(h.Defrost);
    }

    [Fact]
    public void G07_defrosting_body_with_trailing_bytes()
    {
        byte[] body = B(G07);
        Assert.Equal(23, body.Length);
        HumidityReading h = GroupCodec.ParseHumidity(body);
        Assert.True(h.Defrost);
        Assert.Equal(30, h.Humidity);
        Assert.Equal(0, h.OutdoorFanSpeed);
        // The 21-byte prefix reads the same.
        HumidityReading prefix = GroupCodec.ParseHumidity(body.AsSpan(0, 21));
        Assert.True(prefix.Defrost);
        Assert.Equal(30, prefix.Humidity);
    }

    [Fact]
    public void G08_not_defrosting()
    {
        HumidityReading h = GroupCodec.ParseHumidity(B(G08));
        Assert.False(h.Defrost);
        Assert.Equal(30, h.Humidity);
        Assert.Equal(776, h.OutdoorFanSpeed);
    }

    [Theory]
    [InlineData(G09, 28, 29, 1, 232, 20.5, 4.0, 26.0, 19.0, 45)]
    [InlineData(G10, 35, 36, 4, 230, 21.0, 8.0, 45.0, 12.0, 55)]
    public void G09_G10_group_1(string hex, int hz, int target, int amps, int volts, double t1, double t2, double t3, double t4, int discharge)
    {
        byte[] body = B(hex);
        Assert.Equal(1, GroupCodec.GroupOf(body));
        OutdoorUnitReading r = GroupCodec.ParseOutdoorUnit(body);
        Assert.Equal(hz, r.CompressorHz);
        Assert.Equal(target, r.TargetHz);
        Assert.Equal(amps, r.CurrentA);
        Assert.Equal(volts, r.VoltageV);
        Assert.Equal(t1, r.T1Indoor);
        Assert.Equal(t2, r.T2IndoorCoil);
        Assert.Equal(t3, r.T3OutdoorCoil);
        Assert.Equal(t4, r.T4Outdoor);
        Assert.Equal(discharge, r.DischargeC);
    }

    [Fact]
    public void G11_group_2_indoor_fan_and_pump()
    {
        IndoorFanReading r = GroupCodec.ParseIndoorFan(B(G11));
        Assert.Equal(416, r.TargetSpeed);
        Assert.Equal(424, r.ActualSpeed);
        Assert.True(r.WaterPump);
    }

    [Fact]
    public void G12_group_7_outdoor_power_269()
    {
        Assert.Equal(7, GroupCodec.GroupOf(B(G12)));
        Assert.Equal(269, GroupCodec.ParseOutdoorPower(B(G12)).Watts);
    }

    [Fact]
    public void G13_group_11_louvers()
    {
        Assert.Equal(11, GroupCodec.GroupOf(B(G13)));
        LouverReading r = GroupCodec.ParseLouvers(B(G13));
        Assert.Equal(72, r.Horizontal);
        Assert.Equal(240, r.Vertical);
    }

    [Theory]
    [InlineData(1, F05)]
    [InlineData(2, F06)]
    [InlineData(4, F07)]
    [InlineData(5, F08)]
    [InlineData(7, F09)]
    [InlineData(11, F10)]
    public void Request_matches_F05_to_F10(int group, string expected)
    {
        byte[] frame = GroupCodec.Request(group, 0x01);
        Assert.Equal(expected, H(frame));
        Assert.Equal(0x20, frame[1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(11)]
    public void Request_body_layout(int group)
    {
        AaFrame frame = AaFrame.DecodeRequest(GroupCodec.Request(group, 0x9C));
        Assert.Equal((byte)FrameType.Query, frame.FrameType);
        Assert.Equal("412101" + (0x40 | group).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 32) + "9c", H(frame.Body));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(-1)]
    public void Request_rejects_other_groups(int group)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupCodec.Request(group, 1));
    }

    [Theory]
    [InlineData(679.2, 0.0, 0.0)]
    [InlineData(5650.02, 1514.0, 0.0)]
    [InlineData(999999.99, 0.01, 99999.9)]
    [InlineData(0.01, 12.34, 1234.5)]
    public void EncodeEnergy_bcd_round_trips(double total, double current, double power)
    {
        byte[] body = GroupCodec.EncodeEnergy(total, current, power, bcd: true, messageId: 0x21);
        Assert.Equal(21, body.Length);
        Assert.Equal("c1210144", H(body.AsSpan(0, 4).ToArray()));
        Assert.Equal(0x21, body[20]);
        EnergyReading e = GroupCodec.ParseEnergy(body);
        Assert.True(e.Valid);
        Assert.True(e.BcdDigitsValid);
        Assert.Equal(total, e.TotalBcd);
        Assert.Equal(current, e.CurrentBcd);
        Assert.Equal(power, e.PowerBcd);
    }

    [Fact]
    public void EncodeEnergy_bcd_G01_bytes()
    {
        byte[] body = GroupCodec.EncodeEnergy(679.2, 0, 0, bcd: true, messageId: 0);
        Assert.Equal(H(Body(G01)), H(body.AsSpan(0, 20).ToArray()));
    }

    [Theory]
    [InlineData(150.4, 0.6, 279.5)]
    [InlineData(429496729.5, 0.1, 1677721.5)]
    public void EncodeEnergy_binary_round_trips(double total, double current, double power)
    {
        byte[] body = GroupCodec.EncodeEnergy(total, current, power, bcd: false, messageId: 0x48);
        EnergyReading e = GroupCodec.ParseEnergy(body);
        Assert.True(e.Valid);
        Assert.Equal(total, e.TotalBinary);
        Assert.Equal(current, e.CurrentBinary);
        Assert.Equal(power, e.PowerBinary);
    }

    [Fact]
    public void EncodeEnergy_binary_G04_bytes()
    {
        byte[] body = GroupCodec.EncodeEnergy(150.4, 0.6, 279.5, bcd: false, messageId: 0x48);
        Assert.Equal(H(Body(G04).AsSpan(0, 19).ToArray()), H(body.AsSpan(0, 19).ToArray()));
        Assert.False(GroupCodec.ParseEnergy(body).BcdDigitsValid);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EncodeEnergy_zero_is_invalid(bool bcd)
    {
        EnergyReading e = GroupCodec.ParseEnergy(GroupCodec.EncodeEnergy(0, 0, 0, bcd, 1));
        Assert.False(e.Valid);
        Assert.Null(e.TotalBcd);
        Assert.Null(e.PowerBinary);
    }

    [Theory]
    [InlineData(-0.1, 0, 0, true)]
    [InlineData(1000000, 0, 0, true)]
    [InlineData(0, 0, 100000, true)]
    [InlineData(double.NaN, 0, 0, false)]
    [InlineData(0, 0, 1677721.6, false)]
    public void EncodeEnergy_rejects_values_that_do_not_fit(double total, double current, double power, bool bcd)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupCodec.EncodeEnergy(total, current, power, bcd, 1));
    }

    [Theory]
    [InlineData(63, 744, false)]
    [InlineData(null, 0, true)]
    [InlineData(30, 776, true)]
    [InlineData(100, 2040, false)]
    public void EncodeHumidity_round_trips(int? humidity, int fan, bool defrost)
    {
        byte[] body = GroupCodec.EncodeHumidity(humidity, fan, defrost, 0x07);
        Assert.Equal(21, body.Length);
        Assert.Equal(5, GroupCodec.GroupOf(body));
        Assert.Equal(0x07, body[20]);
        HumidityReading h = GroupCodec.ParseHumidity(body);
        Assert.Equal(humidity, h.Humidity);
        Assert.Equal(fan, h.OutdoorFanSpeed);
        Assert.Equal(defrost, h.Defrost);
    }

    [Fact]
    public void EncodeOutdoorUnit_round_trips_G09()
    {
        OutdoorUnitReading g09 = GroupCodec.ParseOutdoorUnit(B(G09));
        byte[] body = GroupCodec.EncodeOutdoorUnit(g09, 0);
        Assert.Equal(21, body.Length);
        OutdoorUnitReading r = GroupCodec.ParseOutdoorUnit(body);
        Assert.Equal(
            (g09.CompressorHz, g09.TargetHz, g09.CurrentA, g09.VoltageV, g09.T1Indoor, g09.T2IndoorCoil, g09.T3OutdoorCoil, g09.T4Outdoor, g09.DischargeC),
            (r.CompressorHz, r.TargetHz, r.CurrentA, r.VoltageV, r.T1Indoor, r.T2IndoorCoil, r.T3OutdoorCoil, r.T4Outdoor, r.DischargeC));
        // Same bytes as the synthetic vector at the decoded offsets (G09 uses 00 00 in bytes 1..2).
        byte[] g09Bytes = B(G09);
        foreach (int i in new[] { 4, 5, 7, 8, 10, 11, 12, 13, 14 }) Assert.Equal(g09Bytes[i], body[i]);
    }

    [Fact]
    public void EncodeOutdoorUnit_negative_temperatures()
    {
        var reading = new OutdoorUnitReading { T1Indoor = -15.0, T2IndoorCoil = 112.5, T3OutdoorCoil = -25.0, T4Outdoor = -7.5, DischargeC = 90 };
        OutdoorUnitReading r = GroupCodec.ParseOutdoorUnit(GroupCodec.EncodeOutdoorUnit(reading, 0));
        Assert.Equal(-15.0, r.T1Indoor);
        Assert.Equal(112.5, r.T2IndoorCoil);
        Assert.Equal(-25.0, r.T3OutdoorCoil);
        Assert.Equal(-7.5, r.T4Outdoor);
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupCodec.EncodeOutdoorUnit(new OutdoorUnitReading { T4Outdoor = -25.5 }, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupCodec.EncodeOutdoorUnit(new OutdoorUnitReading { VoltageV = 256 }, 0));
    }

    [Theory]
    [InlineData(416, 424, true)]
    [InlineData(0, 2040, false)]
    public void EncodeIndoorFan_round_trips(int target, int actual, bool pump)
    {
        byte[] body = GroupCodec.EncodeIndoorFan(new IndoorFanReading { TargetSpeed = target, ActualSpeed = actual, WaterPump = pump }, 0x11);
        IndoorFanReading r = GroupCodec.ParseIndoorFan(body);
        Assert.Equal((target, actual, pump), (r.TargetSpeed, r.ActualSpeed, r.WaterPump));
    }

    [Theory]
    [InlineData(269)]
    [InlineData(0)]
    [InlineData(65535)]
    public void EncodeOutdoorPower_round_trips(int watts)
    {
        Assert.Equal(watts, GroupCodec.ParseOutdoorPower(GroupCodec.EncodeOutdoorPower(watts, 3)).Watts);
    }

    [Fact]
    public void EncodeOutdoorPower_G12_bytes()
    {
        byte[] body = GroupCodec.EncodeOutdoorPower(269, 0);
        Assert.Equal(0x0d, body[10]);
        Assert.Equal(0x01, body[11]);
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupCodec.EncodeOutdoorPower(65536, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupCodec.EncodeOutdoorPower(-1, 0));
    }

    [Theory]
    [InlineData(72, 240)]
    [InlineData(0, 255)]
    public void EncodeLouvers_round_trips(int horizontal, int vertical)
    {
        LouverReading r = GroupCodec.ParseLouvers(GroupCodec.EncodeLouvers(horizontal, vertical, 9));
        Assert.Equal((horizontal, vertical), (r.Horizontal, r.Vertical));
    }

    [Fact]
    public void Encoded_bodies_frame_and_decode_like_a_reply()
    {
        byte[] frame = AaFrame.Encode(FrameType.Query, GroupCodec.EncodeHumidity(63, 744, false, 0x05), protocolVersion: 3);
        Assert.Equal(0x20, frame[1]);
        AaFrame decoded = AaFrame.DecodeRequest(frame);
        Assert.Equal(63, GroupCodec.ParseHumidity(decoded.Body).Humidity);
    }

    public static IEnumerable<object[]> AllBodies() => new[]
    {
        new object[] { H(Body(G01)), 4 }, new object[] { H(Body(G02)), 4 }, new object[] { H(Body(G03)), 4 },
        new object[] { H(Body(G04)), 4 }, new object[] { H(Body(G05)), 5 }, new object[] { H(Body(G06)), 5 },
        new object[] { G07, 5 }, new object[] { G08, 5 }, new object[] { G09, 1 }, new object[] { G10, 1 },
        new object[] { G11, 2 }, new object[] { G12, 7 }, new object[] { G13, 11 },
    };

    private static readonly Func<byte[], object>[] Parsers =
    {
        b => GroupCodec.ParseEnergy(b),
        b => GroupCodec.ParseHumidity(b),
        b => GroupCodec.ParseOutdoorUnit(b),
        b => GroupCodec.ParseIndoorFan(b),
        b => GroupCodec.ParseOutdoorPower(b),
        b => GroupCodec.ParseLouvers(b),
        b => GroupCodec.GroupOf(b),
    };

    private static readonly int[] ParserGroups = { 4, 5, 1, 2, 7, 11, -1 };

    [Theory]
    [MemberData(nameof(AllBodies))]
    public void Every_truncation_throws_only_protocol_exceptions(string hex, int group)
    {
        byte[] body = B(hex);
        Assert.Equal(group, GroupCodec.GroupOf(body));
        for (int n = 0; n <= body.Length; n++)
        {
            byte[] cut = body.AsSpan(0, n).ToArray();
            for (int p = 0; p < Parsers.Length; p++)
            {
                try
                {
                    Parsers[p](cut);
                    Assert.True(ParserGroups[p] == group || ParserGroups[p] == -1, "A parser of another group accepted the body.");
                }
                catch (MideaProtocolException ex)
                {
                    Assert.True(ex.Fault is ProtocolFault.Truncated or ProtocolFault.BadValue);
                    if (n >= 4 && ParserGroups[p] != group) Assert.Equal(ProtocolFault.BadValue, ex.Fault);
                    if (ParserGroups[p] == group || n < 4) Assert.Equal(ProtocolFault.Truncated, ex.Fault);
                }
            }
        }
    }

    [Theory]
    [InlineData(4, 19)]
    [InlineData(5, 11)]
    [InlineData(1, 15)]
    [InlineData(2, 9)]
    [InlineData(7, 12)]
    [InlineData(11, 13)]
    public void Minimum_lengths(int group, int minimum)
    {
        byte[] full = group switch
        {
            4 => GroupCodec.EncodeEnergy(1, 1, 1, true, 0),
            5 => GroupCodec.EncodeHumidity(50, 8, true, 0),
            1 => GroupCodec.EncodeOutdoorUnit(new OutdoorUnitReading { CompressorHz = 10 }, 0),
            2 => GroupCodec.EncodeIndoorFan(new IndoorFanReading { TargetSpeed = 8 }, 0),
            7 => GroupCodec.EncodeOutdoorPower(1, 0),
            _ => GroupCodec.EncodeLouvers(1, 2, 0),
        };
        Func<byte[], object> parse = Parsers[Array.IndexOf(ParserGroups, group)];
        parse(full.AsSpan(0, minimum).ToArray());
        var ex = Assert.Throws<MideaProtocolException>(() => parse(full.AsSpan(0, minimum - 1).ToArray()));
        Assert.Equal(ProtocolFault.Truncated, ex.Fault);
    }

    [Theory]
    [InlineData("c0210144")]
    [InlineData("b1")]
    [InlineData("412101440000000000000000000000000000000001")]
    public void Not_C1_is_bad_value(string hex)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => GroupCodec.GroupOf(B(hex)));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
        ex = Assert.Throws<MideaProtocolException>(() => GroupCodec.ParseEnergy(B(hex)));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
    }

    [Fact]
    public void Group_is_the_low_nibble_only()
    {
        byte[] body = B(G12);
        body[3] = 0x07;
        Assert.Equal(7, GroupCodec.GroupOf(body));
        Assert.Equal(269, GroupCodec.ParseOutdoorPower(body).Watts);
    }

    [Fact]
    public void Wrong_group_is_bad_value()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => GroupCodec.ParseEnergy(B(G09)));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
        ex = Assert.Throws<MideaProtocolException>(() => GroupCodec.ParseLouvers(Body(G05)));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
    }

    [Fact]
    public void BcdDigitsValid_flags_any_nibble_above_9()
    {
        Assert.True(GroupCodec.ParseEnergy(Body(G01)).BcdDigitsValid);
        Assert.False(GroupCodec.ParseEnergy(Body(G02)).BcdDigitsValid);
        Assert.False(GroupCodec.ParseEnergy(Body(G04)).BcdDigitsValid);
        // Bytes 8..11 and 19 are outside the 11 energy bytes.
        byte[] body = GroupCodec.EncodeEnergy(12.34, 0, 0, true, 0xFF);
        body[8] = 0xFF;
        body[11] = 0xAA;
        body[19] = 0xEE;
        Assert.True(GroupCodec.ParseEnergy(body).BcdDigitsValid);
        foreach (int i in new[] { 4, 7, 12, 15, 16, 18 })
        {
            byte[] bad = (byte[])body.Clone();
            bad[i] = 0x0A;
            Assert.False(GroupCodec.ParseEnergy(bad).BcdDigitsValid);
            bad[i] = 0xA0;
            Assert.False(GroupCodec.ParseEnergy(bad).BcdDigitsValid);
        }
    }

    [Fact]
    public void Energy_valid_when_only_power_is_non_zero()
    {
        EnergyReading e = GroupCodec.ParseEnergy(GroupCodec.EncodeEnergy(0, 0, 0.1, true, 0));
        Assert.True(e.Valid);
        Assert.Equal(0.1, e.PowerBcd);
        Assert.Equal(0.1, e.PowerBinary);
        Assert.Equal(0.0, e.TotalBcd);
    }
}
