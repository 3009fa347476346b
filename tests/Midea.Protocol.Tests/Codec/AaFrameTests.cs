using System;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class AaFrameTests
{
    [Theory]
    // Client-built frames (F01..F16): Encode of type + body (through the message id) equals the vector.
    [InlineData("aa21ac00000000000003418100ff03ff00020000000000000000000000000311f463")]
    [InlineData("aa21ac00000000000003418100ff03ff0002000000000000000000000000030169fe")]
    [InlineData("aa0fac00000000000003b5010001e5a6")]
    [InlineData("aa10ac00000000000003b5010101012365")]
    [InlineData("aa20ac00000000000003412101410000000000000000000000000000000001c5c7")]
    [InlineData("aa20ac000000000000034121014200000000000000000000000000000000016328")]
    [InlineData("aa20ac000000000000034121014400000000000000000000000000000000013653")]
    [InlineData("aa20ac000000000000034121014500000000000000000000000000000000015434")]
    [InlineData("aa20ac0000000000000341210147000000000000000000000000000000000190f6")]
    [InlineData("aa20ac000000000000034121014b00000000000000000000000000000000013a48")]
    [InlineData("aa21ac00000000000003414200ff020002000000000000000000000000000001e6c3")]
    [InlineData("aa24ac00000000000002404348667f7f003000000000000000000000002800000000014f57")]
    [InlineData("aa24ac000000000000024003963c7f7f003f2000020000000000000000280000000001f998")]
    [InlineData("aa24ac00000000000002404220287f7f003c00800500000000000000132800800000010cdd")]
    [InlineData("aa12ac00000000000003b10209000a00011761")]
    [InlineData("aa16ac00000000000002b002090001191a000101012d1d")]
    public void Encode_reproduces_command_vectors(string frameHex)
    {
        byte[] frame = B(frameHex);
        byte[] body = frame.AsSpan(10, frame.Length - 12).ToArray();
        Assert.Equal(frameHex, H(AaFrame.Encode((FrameType)frame[9], body)));
    }

    [Theory]
    // Device frames with the device protocol version byte 8 = 03 (S02..S05) or 02 (S06..S08).
    [InlineData("aa22ac00000000000303c0014566000000300010045eff00000000000000000069fdb9")]
    [InlineData("aa23ac00000000000303c00145660000003c0010045c6b20000000000000000000020d79")]
    [InlineData(S04)]
    [InlineData(S05)]
    [InlineData("aa23ac00000000000203c00188647f7f000000000063450c0056190000000000000497c3")]
    [InlineData("aa23ac00000000000203c00188647f7f000000000067450c00750000000000000001a3b0")]
    [InlineData("aa23ac00000000000203c00188647f7f000080000064450c00501d00000000000001508e")]
    public void Encode_reproduces_device_frames(string frameHex)
    {
        byte[] frame = B(frameHex);
        AaFrame decoded = AaFrame.Decode(frame);
        Assert.Equal(frameHex, H(AaFrame.Encode((FrameType)decoded.FrameType, decoded.Body, decoded.ProtocolVersion)));
    }

    [Fact]
    public void Decode_gives_header_fields_and_body_without_crc()
    {
        AaFrame frame = AaFrame.Decode(B(S05));
        Assert.Equal(0xAC, frame.ApplianceType);
        Assert.Equal((byte)FrameType.Query, frame.FrameType);
        Assert.Equal(0x03, frame.ProtocolVersion);
        Assert.Equal(0xC0, frame.Id);
        Assert.Equal("c00145660000003c0010045c680000000000000000000001", H(frame.Body));
    }

    [Fact]
    public void Encode_layout_length_sync_crc_and_checksum()
    {
        byte[] body = B("b5010001");
        byte[] frame = AaFrame.Encode(FrameType.Query, body);
        Assert.Equal(16, frame.Length);
        Assert.Equal(0xAA, frame[0]);
        Assert.Equal(15, frame[1]);
        Assert.Equal(0xAC, frame[2]);
        Assert.Equal(0x00, frame[3]);
        Assert.Equal(0x03, frame[9]);
        Assert.Equal(Crc8.Compute(body), frame[14]);
        Assert.Equal(AaFrame.Checksum(frame.AsSpan(1, 14)), frame[15]);
    }

    [Fact]
    public void Encode_honours_protocol_version_and_appliance_type()
    {
        byte[] frame = AaFrame.Encode(FrameType.Report, B("c00001"), protocolVersion: 8, applianceType: 0xCC);
        Assert.Equal(0xCC, frame[2]);
        Assert.Equal(0x08, frame[8]);
        Assert.Equal(0x04, frame[9]);
        AaFrame decoded = AaFrame.Decode(frame, expectedType: 0xCC);
        Assert.Equal(0xCC, decoded.ApplianceType);
        Assert.Equal(8, decoded.ProtocolVersion);
        Assert.Equal("c00001", H(decoded.Body));
    }

    [Theory]
    [InlineData("21ac00000000000003418100ff03ff0002000000000000000000000000030169", 0xfe)]
    [InlineData("", 0x00)]
    [InlineData("01", 0xff)]
    [InlineData("ff01", 0x00)]
    public void Checksum_is_twos_complement_of_the_sum(string data, int expected)
    {
        Assert.Equal(expected, AaFrame.Checksum(B(data)));
    }

    [Fact]
    public void Checksum_of_F01_frame_is_63()
    {
        byte[] frame = B(F01);
        Assert.Equal(0x63, AaFrame.Checksum(frame.AsSpan(1, frame.Length - 2)));
    }

    [Fact]
    public void S01_sum_instead_of_crc_is_accepted()
    {
        byte[] frame = B("aa1eac00000000000003c0004b1e7f7f000000000069630000000000000d33");
        AaFrame decoded = AaFrame.Decode(frame);
        Assert.Equal(19, decoded.Body.Length);
        Assert.Equal(0xaa, Crc8.Compute(decoded.Body));
        Assert.Equal(0x0d, AaFrame.Checksum(decoded.Body));
    }

    [Fact]
    public void N01_bad_checksum_is_rejected()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(B("aa14ac00000000000303b10109000001003c0000ff")));
        Assert.Equal(ProtocolFault.BadChecksum, ex.Fault);
    }

    [Fact]
    public void N01_with_the_correct_checksum_42_is_N02()
    {
        byte[] frame = B("aa14ac00000000000303b10109000001003c0000ff");
        Assert.Equal(0x42, AaFrame.Checksum(frame.AsSpan(1, frame.Length - 2)));
    }

    [Fact]
    public void N02_B1_with_bad_crc_is_accepted()
    {
        AaFrame frame = AaFrame.Decode(B("aa14ac00000000000303b10109000001003c000042"));
        Assert.Equal(0xB1, frame.Id);
        Assert.Equal("b10109000001003c00", H(frame.Body));
    }

    [Fact]
    public void B0_with_bad_crc_is_accepted()
    {
        byte[] frame = AaFrame.Encode(FrameType.Set, B("b0020900011900"));
        frame[frame.Length - 2] ^= 0x5a;
        frame[frame.Length - 1] = AaFrame.Checksum(frame.AsSpan(1, frame.Length - 2));
        Assert.Equal(0xB0, AaFrame.Decode(frame).Id);
    }

    [Fact]
    public void N03_C0_with_bad_crc_is_rejected()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(B("aa22ac00000000000303c0014566000000300010045eff00000000000000000069aa0c")));
        Assert.Equal(ProtocolFault.BadCrc, ex.Fault);
    }

    [Fact]
    public void N04_four_bytes_are_truncated()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(B("01000000")));
        Assert.Equal(ProtocolFault.Truncated, ex.Fault);
    }

    [Fact]
    public void N05_commercial_ac_is_wrong_appliance_type()
    {
        byte[] frame = B("aa63cc0000000000000301fe00000043005000728c8000bc00728c728c808000010141ff010203000603010000000000000001000103010000000000000000000001000100010000000000000000000000000001000200000100000101000102ff02ffa2");
        var ex = Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(frame));
        Assert.Equal(ProtocolFault.WrongApplianceType, ex.Fault);
        // The checksum is valid: the type check is what rejects it.
        Assert.Equal(frame[frame.Length - 1], AaFrame.Checksum(frame.AsSpan(1, frame.Length - 2)));
    }

    [Fact]
    public void Bad_start_byte_is_bad_magic()
    {
        byte[] frame = B(F01);
        frame[0] = 0x55;
        var ex = Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(frame));
        Assert.Equal(ProtocolFault.BadMagic, ex.Fault);
    }

    [Fact]
    public void Twelve_bytes_are_truncated()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(B(F01).AsSpan(0, 12)));
        Assert.Equal(ProtocolFault.Truncated, ex.Fault);
    }

    [Fact]
    public void T06_sync_8d_frame_decodes()
    {
        byte[] frame = B(T06Frame);
        Assert.Equal(0x21 ^ 0xAC, frame[3]);
        AaFrame decoded = AaFrame.Decode(frame);
        Assert.Equal(0x41, decoded.Id);
        Assert.Equal(0x01, decoded.Body[decoded.Body.Length - 1]);
        Assert.Equal(0x69, frame[frame.Length - 2]);
        Assert.Equal(0x71, frame[frame.Length - 1]);
    }

    [Fact]
    public void DecodeRequest_accepts_sync_00_and_length_xor_type()
    {
        Assert.Equal(0x41, AaFrame.DecodeRequest(B(F02)).Id);
        Assert.Equal(0x41, AaFrame.DecodeRequest(B(T06Frame)).Id);
    }

    [Fact]
    public void DecodeRequest_requires_the_exact_crc()
    {
        // S01 carries the sum instead of the CRC: a client accepts it, the device side does not.
        var ex = Assert.Throws<MideaProtocolException>(() => AaFrame.DecodeRequest(B("aa1eac00000000000003c0004b1e7f7f000000000069630000000000000d33")));
        Assert.Equal(ProtocolFault.BadCrc, ex.Fault);
    }

    [Fact]
    public void DecodeRequest_rejects_a_wrong_length_byte()
    {
        byte[] frame = B(F02);
        frame[1] = 0x22;
        frame[frame.Length - 1] = AaFrame.Checksum(frame.AsSpan(1, frame.Length - 2));
        var ex = Assert.Throws<MideaProtocolException>(() => AaFrame.DecodeRequest(frame));
        Assert.Equal(ProtocolFault.BadLength, ex.Fault);
    }
}
