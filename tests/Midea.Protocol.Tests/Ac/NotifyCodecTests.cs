using System;
using System.Linq;
using CsCheck;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

/// <summary>Pushed frames (protocol.md §5.10): the vectors U01–U07 of §7.8, midea-local's worked A0 example, round trips and fuzz.</summary>
public class NotifyCodecTests
{
    // §7.8 U01–U04: four A1 reports of one unit, frame type 0x04, with the check byte that is neither CRC-8 nor sum, and that CRC-8.
    [Theory]
    [InlineData("aa11ac00000000000304a100038a95b6c102", "38")]
    [InlineData("aa11ac00000000000304a100038a95b7c200", "66")]
    [InlineData("aa11ac00000000000304a100038a96b8c3fd", "72")]
    [InlineData("aa11ac00000000000304a100038a9ac3cee3", "e7")]
    public void U01_to_U04_short_A1_reports_decode_as_frames_and_to_no_report(string hex, string crc)
    {
        byte[] bytes = B(hex);
        Assert.Equal(18, bytes.Length);
        Assert.Equal(bytes[bytes.Length - 1], AaFrame.Checksum(bytes.AsSpan(1, bytes.Length - 2)));
        AaFrame frame = AaFrame.Decode(bytes);
        Assert.Equal((byte)FrameType.Report, frame.FrameType);
        Assert.True(NotifyCodec.IsPush(frame.FrameType));
        Assert.Equal(NotifyCodec.SensorReportId, frame.Id);
        // The check byte really is wrong: the CRC-8 of the body is another, and the sum too.
        byte check = bytes[bytes.Length - 2];
        Assert.Equal(B(crc)[0], Crc8.Compute(frame.Body));
        Assert.NotEqual(check, Crc8.Compute(frame.Body));
        Assert.NotEqual(check, AaFrame.Checksum(frame.Body));
        Assert.Null(NotifyCodec.ParseSensorReport(frame.Body));
        Assert.Null(NotifyCodec.ParseStateReport(frame.Body));
    }

    [Fact]
    public void U05_B5_notification_has_a_valid_crc_and_is_no_report()
    {
        byte[] bytes = B("aa1aac00000000000205b50310060101090001010a000101dcbcb4");
        AaFrame frame = AaFrame.DecodeRequest(bytes);
        Assert.Equal((byte)FrameType.Notify, frame.FrameType);
        Assert.True(NotifyCodec.IsPush(frame.FrameType));
        CapabilityPage page = CapabilityCodec.ParsePage(frame.Body);
        Assert.Equal(new[] { (ushort)0x0610, PropertyId.VerticalSwingAngle, PropertyId.HorizontalSwingAngle }, page.Entries.Select(e => e.Id).ToArray());
        Assert.All(page.Entries, e => Assert.Equal("01", H(e.Value)));
        Assert.Null(NotifyCodec.ParseStateReport(frame.Body));
        Assert.Null(NotifyCodec.ParseSensorReport(frame.Body));
    }

    [Fact]
    public void U06_A6_report_has_a_valid_crc_and_is_ignored()
    {
        byte[] bytes = B("aa2bac00000000000204a60000000000000000000000000000000000000000000000000000000000003b3b07");
        AaFrame frame = AaFrame.DecodeRequest(bytes);
        Assert.Equal(0x3b, Crc8.Compute(frame.Body));
        Assert.Equal((byte)FrameType.Report, frame.FrameType);
        Assert.Equal(0xA6, frame.Id);
        Assert.Null(NotifyCodec.ParseStateReport(frame.Body));
        Assert.Null(NotifyCodec.ParseSensorReport(frame.Body));
    }

    // §7.8 U07: bodies logged with their CRC but without the frame checksum.
    [Theory]
    [InlineData("a5000000000c02b3000100000000000005001b000000005f6e0000c08b30000198")]
    [InlineData("a60e1800000200020000000000fb090000000200000000000000000000000001cf")]
    public void U07_A5_and_A6_bodies_end_in_their_crc_and_are_ignored(string hex)
    {
        byte[] withCrc = B(hex);
        Assert.Equal(33, withCrc.Length);
        byte[] body = withCrc.AsSpan(0, 32).ToArray();
        Assert.Equal(withCrc[32], Crc8.Compute(body));
        // With the logged header and a checksum it is a valid type 0x04 frame.
        byte[] frame = AaFrame.Encode(FrameType.Report, body, protocolVersion: 3);
        Assert.Equal("aa2bac00000000000304", H(frame.AsSpan(0, 10).ToArray()));
        Assert.Equal(body, AaFrame.DecodeRequest(frame).Body);
        Assert.Null(NotifyCodec.ParseStateReport(body));
        Assert.Null(NotifyCodec.ParseSensorReport(body));
    }

    [Fact]
    public void The_worked_A0_example_of_midea_local_reads_27_5_on_mode_7_fan_127()
    {
        // §5.10: midea-local's test_message_notify2_a0, an 18-byte body built by hand.
        var body = new byte[18];
        body[0] = 0xA0;
        body[1] = 0x5f;
        body[2] = 0xe0;
        body[3] = 0x7f;
        body[7] = 0x0f;
        body[8] = 0x28;
        body[9] = 0x1d;
        body[10] = 0x43;
        body[13] = 0x20;
        body[14] = 0x01;
        AcStateReport r = NotifyCodec.ParseStateReport(body)!;
        Assert.True(r.Power);
        Assert.Equal(27.5, r.TargetTemperature);
        // Mode bits 7 are no mode of §5.1, which reads unknown values as fan only.
        Assert.Equal(7, body[2] >> 5);
        Assert.Equal(OperationalMode.FanOnly, r.Mode);
        Assert.Equal(127, r.FanSpeed);
        Assert.True(r.VerticalSwing);
        Assert.True(r.HorizontalSwing);
        Assert.Equal(SwingMode.Both, r.Swing);
        Assert.True(r.Turbo);
        Assert.True(r.AuxHeat);
        Assert.True(r.Eco);
        Assert.False(r.Purifier);
        Assert.True(r.Sleep);
        Assert.Null(r.FreezeProtection);
    }

    [Fact]
    public void Encode_layout_of_a_state_report()
    {
        var state = new AcState
        {
            Power = true, TargetTemperature = 27.5, Mode = OperationalMode.Heat, FanSpeed = 102, Swing = SwingMode.Vertical,
            Eco = true, Turbo = true, FreezeProtection = true, Display = false, IndoorTemperature = 19.5,
        };
        byte[] body = NotifyCodec.EncodeStateReport(state);
        // [1] power | (27 − 12) << 1 | half; [2] heat << 5; [3] 102; [7] swing; [8] turbo; [9] eco; [10] turbo; [21] freeze.
        // No display bit and no sensor readings: a state report carries neither that anyone knows of.
        Assert.Equal("a05f80660000000c201002000000000000000000008000", H(body.AsSpan(0, 23).ToArray()));
        Assert.Equal(24, body.Length);
    }

    [Fact]
    public void An_encoded_state_report_is_a_valid_type_05_frame()
    {
        byte[] frame = AaFrame.Encode(FrameType.Notify, NotifyCodec.EncodeStateReport(new AcState { Power = true }), 3);
        // The device side's decoder insists on the exact CRC-8, the checksum and the length byte.
        AaFrame decoded = AaFrame.DecodeRequest(frame);
        Assert.Equal((byte)FrameType.Notify, decoded.FrameType);
        Assert.Equal(NotifyCodec.StateReportId, decoded.Id);
        Assert.Equal(Crc8.Compute(decoded.Body), frame[frame.Length - 2]);
    }

    private static readonly Gen<OperationalMode> Modes = Gen.OneOf(OperationalMode.Auto, OperationalMode.Cool, OperationalMode.Dry, OperationalMode.Heat, OperationalMode.FanOnly, OperationalMode.SmartDry);
    private static readonly Gen<SwingMode> Swings = Gen.OneOf(SwingMode.Off, SwingMode.Horizontal, SwingMode.Vertical, SwingMode.Both);

    /// <summary>Every target the A0 field carries: 12.0 … 43.5 °C in half degrees.</summary>
    private static readonly Gen<double> Targets = Gen.Int[24, 87].Select(halves => halves / 2.0);

    private static readonly Gen<AcState> States = Gen.Select(Modes, Targets, Gen.Byte[0, 127], Swings, Gen.Bool.Array[7], (mode, target, fan, swing, f) => new AcState
    {
        Power = f[0], Mode = mode, TargetTemperature = target, FanSpeed = fan, Swing = swing,
        Eco = f[1], Turbo = f[2], Sleep = f[3], AuxHeat = f[4], Purifier = f[5], FreezeProtection = f[6],
    });

    [Fact]
    public void Encode_then_parse_round_trips_through_a_frame()
    {
        States.Sample(state =>
        {
            byte[] frame = AaFrame.Encode(FrameType.Notify, NotifyCodec.EncodeStateReport(state), 3);
            AcStateReport r = NotifyCodec.ParseStateReport(AaFrame.DecodeRequest(frame).Body)!;
            Assert.Equal(state.Power, r.Power);
            Assert.Equal(state.Mode, r.Mode);
            Assert.Equal(state.TargetTemperature, r.TargetTemperature);
            Assert.Equal(state.FanSpeed, r.FanSpeed);
            Assert.Equal(state.Swing, r.Swing);
            Assert.Equal(state.Eco, r.Eco);
            Assert.Equal(state.Turbo, r.Turbo);
            Assert.Equal(state.Sleep, r.Sleep);
            Assert.Equal(state.AuxHeat, r.AuxHeat);
            Assert.Equal(state.Purifier, r.Purifier);
            Assert.Equal(state.FreezeProtection, r.FreezeProtection);
        }, iter: Fuzz.RoundTrip);
    }

    [Theory]
    [InlineData(10.0, 12.0)]
    [InlineData(50.0, 43.0)]
    [InlineData(50.5, 43.5)]
    public void Targets_outside_the_field_are_clamped(double target, double expected)
    {
        byte[] body = NotifyCodec.EncodeStateReport(new AcState { TargetTemperature = target });
        Assert.Equal(expected, NotifyCodec.ParseStateReport(body)!.TargetTemperature);
    }

    [Fact]
    public void Turbo_reads_from_either_bit()
    {
        byte[] body = NotifyCodec.EncodeStateReport(new AcState());
        body[8] = 0x20;
        Assert.True(NotifyCodec.ParseStateReport(body)!.Turbo);
        body[8] = 0;
        body[10] = 0x02;
        Assert.True(NotifyCodec.ParseStateReport(body)!.Turbo);
        body[10] = 0;
        Assert.False(NotifyCodec.ParseStateReport(body)!.Turbo);
    }

    [Fact]
    public void Every_prefix_of_a_state_report_reads_or_gives_null_and_freeze_needs_byte_21()
    {
        byte[] full = NotifyCodec.EncodeStateReport(new AcState { Power = true, TargetTemperature = 22, FreezeProtection = true });
        for (int length = 0; length <= full.Length; length++)
        {
            AcStateReport? r = NotifyCodec.ParseStateReport(full.AsSpan(0, length).ToArray());
            if (length < 11)
            {
                Assert.Null(r);
                continue;
            }
            Assert.NotNull(r);
            Assert.Equal(22.0, r!.TargetTemperature);
            Assert.Equal(length >= 22 ? true : null, r.FreezeProtection);
        }
    }

    [Fact]
    public void A1_body_with_tenths_reads_temperatures_and_humidity()
    {
        var body = new byte[21];
        body[0] = 0xA1;
        body[13] = 50 + 2 * 21;      // 21 °C, tenths 3 below
        body[14] = 0xFF;             // no outdoor sensor
        body[17] = 45;
        body[18] = 0x03;
        AcSensorReport r = NotifyCodec.ParseSensorReport(body)!;
        Assert.Equal(21.3, r.IndoorTemperature);
        Assert.Null(r.OutdoorTemperature);
        Assert.Equal(45, r.Humidity);
    }

    [Fact]
    public void A1_body_without_tenths_reads_half_degrees_and_no_humidity()
    {
        var body = new byte[18];
        body[0] = 0xA1;
        body[13] = 50 + 43;          // 21.5 °C
        body[14] = 50 - 11;          // −5.5 °C
        body[17] = 0;
        AcSensorReport r = NotifyCodec.ParseSensorReport(body)!;
        Assert.Equal(21.5, r.IndoorTemperature);
        Assert.Equal(-5.5, r.OutdoorTemperature);
        Assert.Null(r.Humidity);
        // Byte 18 is read for tenths only in bodies of 20 bytes or more.
        Assert.Null(NotifyCodec.ParseSensorReport(body.AsSpan(0, 17).ToArray()));
        byte[] nineteen = body.Concat(new byte[] { 0x09 }).ToArray();
        Assert.Equal(21.5, NotifyCodec.ParseSensorReport(nineteen)!.IndoorTemperature);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a0")]
    [InlineData("a0010203040506070809")]
    [InlineData("a1")]
    [InlineData("c0014566000000300010045eff00000000000000000069")]
    public void Short_and_other_bodies_give_null(string hex)
    {
        Assert.Null(NotifyCodec.ParseStateReport(B(hex)));
        Assert.Null(NotifyCodec.ParseSensorReport(B(hex)));
        Assert.Null(NotifyCodec.ParseStateReport(null));
        Assert.Null(NotifyCodec.ParseSensorReport(null));
    }

    [Theory]
    [InlineData(0x04, true)]
    [InlineData(0x05, true)]
    [InlineData(0x02, false)]
    [InlineData(0x03, false)]
    [InlineData(0x06, false)]
    [InlineData(0x00, false)]
    public void Only_frame_types_04_and_05_are_pushes(byte type, bool push)
    {
        Assert.Equal(push, NotifyCodec.IsPush(type));
        Assert.Equal(push, AaFrame.IsPush(type));
    }

    [Fact]
    public void A_push_with_any_check_byte_decodes_but_its_checksum_is_still_checked()
    {
        foreach (FrameType type in new[] { FrameType.Report, FrameType.Notify })
        {
            byte[] frame = AaFrame.Encode(type, NotifyCodec.EncodeStateReport(new AcState()));
            frame[frame.Length - 2] ^= 0x5a;
            frame[frame.Length - 1] = AaFrame.Checksum(frame.AsSpan(1, frame.Length - 2));
            Assert.Equal(NotifyCodec.StateReportId, AaFrame.Decode(frame).Id);
            frame[frame.Length - 1] ^= 1;
            Assert.Equal(ProtocolFault.BadChecksum, Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(frame)).Fault);
        }
        // The same body in a reply's frame type must carry its CRC.
        byte[] reply = AaFrame.Encode(FrameType.Query, NotifyCodec.EncodeStateReport(new AcState()));
        reply[reply.Length - 2] ^= 0x5a;
        reply[reply.Length - 1] = AaFrame.Checksum(reply.AsSpan(1, reply.Length - 2));
        Assert.Equal(ProtocolFault.BadCrc, Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(reply)).Fault);
    }

    [Fact]
    public void Fuzz_push_parsers_never_throw()
    {
        Gen<byte[]> bodies = Gen.OneOf(
            Fuzz.RandomWithPrefix(new byte[] { 0xA0 }, new byte[] { 0xA1 }),
            Fuzz.Mutated(States.Select(NotifyCodec.EncodeStateReport)),
            Fuzz.Mutated(Fuzz.BodySeeds));
        bodies.Sample(body =>
        {
            NotifyCodec.ParseStateReport(body);
            NotifyCodec.ParseSensorReport(body);
        }, iter: Fuzz.Cheap, print: Fuzz.Print);
    }

    [Fact]
    public void Fuzz_pushed_frames_with_any_check_byte_decode_or_are_rejected_as_protocol_errors()
    {
        Gen<byte[]> frames = Gen.Select(Gen.OneOf(FrameType.Report, FrameType.Notify), Gen.Byte.Array[1, 60], Gen.Byte, (type, body, check) =>
        {
            byte[] frame = AaFrame.Encode(type, body);
            frame[frame.Length - 2] = check;
            frame[frame.Length - 1] = AaFrame.Checksum(frame.AsSpan(1, frame.Length - 2));
            return frame;
        });
        frames.Sample(frame =>
        {
            // A push's check byte decides nothing: every such frame decodes.
            AaFrame decoded = AaFrame.Decode(frame);
            NotifyCodec.ParseStateReport(decoded.Body);
            NotifyCodec.ParseSensorReport(decoded.Body);
        }, iter: Fuzz.Cheap, print: Fuzz.Print);
    }
}
