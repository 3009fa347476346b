using System;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;
using Xunit;
using static Midea.Protocol.Tests.CcVectors;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

/// <summary>How AA frames of a 0xCC unit are decoded: the check byte rule of protocol.md §9.5.</summary>
public class CcFrameTests
{
    private const byte Cc = AaFrame.CommercialAirConditioner;

    [Theory]
    [InlineData(M02)]
    [InlineData(M03)]
    [InlineData(M09)]
    [InlineData(M38)]
    [InlineData(M39)]
    public void A_captured_0xCC_answer_decodes_though_its_check_byte_is_no_CRC(string hex)
    {
        byte[] frame = B(hex);
        AaFrame decoded = AaFrame.Decode(frame, Cc);
        Assert.Equal(Cc, decoded.ApplianceType);
        Assert.NotEqual(Crc8.Compute(decoded.Body), frame[frame.Length - 2]);
    }

    [Fact]
    public void The_same_bytes_as_an_AC_frame_fail_the_CRC()
    {
        // M02 with its type byte changed to AC and the checksum fixed: the AC rule still holds.
        byte[] frame = B(M02);
        frame[2] = AaFrame.AirConditioner;
        frame[frame.Length - 1] = AaFrame.Checksum(frame.AsSpan(1, frame.Length - 2));
        var e = Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(frame));
        Assert.Equal(ProtocolFault.BadCrc, e.Fault);
    }

    [Fact]
    public void A_0xCC_frame_is_refused_where_an_AC_frame_is_expected_and_the_other_way()
    {
        Assert.Equal(ProtocolFault.WrongApplianceType, Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(B(M02))).Fault);
        // P02 of §7.5, an AC frame, as msmart-ng's test_invalid_device_type uses it.
        Assert.Equal(ProtocolFault.WrongApplianceType, Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(B("aa18ac00000000000302b0020a0000013209001101000089a4"), Cc)).Fault);
    }

    [Fact]
    public void M42_fails_the_frame_checksum_which_still_applies()
    {
        Assert.Equal(ProtocolFault.BadChecksum, Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(B(M42), Cc)).Fault);
    }

    [Fact]
    public void N04_is_too_short_for_a_frame()
    {
        // §7.6 N04, which msmart-ng's 0xCC test_short_packet uses too.
        Assert.Equal(ProtocolFault.Truncated, Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(B("01000000"), Cc)).Fault);
    }

    [Fact]
    public void A_unit_requires_a_true_CRC_on_requests_as_clients_write_one()
    {
        Assert.Equal(Cc, AaFrame.DecodeRequest(B(M01), Cc).ApplianceType);
        Assert.Equal(Cc, AaFrame.DecodeRequest(B(M37), Cc).ApplianceType);
        byte[] bad = B(M37);
        bad[bad.Length - 2] ^= 0x01;
        bad[bad.Length - 1] = AaFrame.Checksum(bad.AsSpan(1, bad.Length - 2));
        Assert.Equal(ProtocolFault.BadCrc, Assert.Throws<MideaProtocolException>(() => AaFrame.DecodeRequest(bad, Cc)).Fault);
    }

    [Fact]
    public void Encode_writes_a_given_check_byte_instead_of_the_CRC()
    {
        byte[] frame = AaFrame.Encode(FrameType.Query, new byte[] { 0x01, 0x02 }, applianceType: Cc, checkByte: 0xFF);
        Assert.Equal("aa0dcc0000000000000301 02ff".Replace(" ", ""), H(frame.AsSpan(0, frame.Length - 1).ToArray()));
        Assert.Equal(AaFrame.Checksum(frame.AsSpan(1, frame.Length - 2)), frame[frame.Length - 1]);
    }
}
