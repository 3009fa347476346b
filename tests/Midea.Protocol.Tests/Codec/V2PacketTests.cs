using System;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class V2PacketTests
{
    private static readonly DateTime T08Time = new(2024, 6, 15, 12, 45, 30, DateTimeKind.Utc);

    [Fact]
    public void Constants_match_section_2_2()
    {
        Assert.Equal("78686469776a6e6368656b6434643531326368646a783564386534633339344432443753", H(V2Packet.SignKey));
        Assert.Equal("6a92ef406bad2f0359baad994171ea6d", H(V2Packet.EncKey));
    }

    [Fact]
    public void T01_probe_decodes()
    {
        V2Packet packet = V2Packet.Decode(B(T01));
        Assert.Equal(0x1101, packet.MessageType);
        Assert.Equal((ushort)V2Magic.DiscoveryProbe, packet.Magic);
        Assert.Equal(0, packet.DeviceId);
        Assert.Equal("ff00", H(packet.Payload));
        Assert.Equal(new string('0', 64), H(packet.Header.AsSpan(8, 32).ToArray()));
    }

    [Fact]
    public void T04_device_response_decodes_to_S04()
    {
        V2Packet packet = V2Packet.Decode(B(T04));
        Assert.Equal(0x1101, packet.MessageType);
        Assert.Equal((ushort)V2Magic.Response, packet.Magic);
        Assert.Equal(V2DeviceId, packet.DeviceId);
        Assert.Equal(104, packet.Header[4] | packet.Header[5] << 8);
        Assert.Equal("0000000000000000", H(packet.Header.AsSpan(12, 8).ToArray()));
        Assert.Equal("000000000000000001000000", H(packet.Header.AsSpan(28, 12).ToArray()));
        Assert.Equal(S04, H(packet.Payload));
    }

    [Fact]
    public void T04_re_encodes_exactly()
    {
        V2Packet packet = V2Packet.Decode(B(T04));
        byte[] encoded = V2Packet.Encode(V2Magic.Response, packet.DeviceId, packet.Payload,
            reserved: packet.Header.AsSpan(28, 12).ToArray());
        Assert.Equal(T04, H(encoded));
    }

    [Fact]
    public void T05_inner_packet_decodes_to_S05()
    {
        V2Packet packet = V2Packet.Decode(B(T05Inner));
        Assert.Equal((ushort)V2Magic.Response, packet.Magic);
        Assert.Equal(V3DeviceId, packet.DeviceId);
        Assert.Equal("eaa908020c081714", H(packet.Header.AsSpan(12, 8).ToArray()));
        Assert.Equal(S05, H(packet.Payload));
    }

    [Fact]
    public void T06_round_trip_for_device_123456()
    {
        byte[] frame = B(T06Frame);
        byte[] packet = V2Packet.Encode(V2Magic.Request, 123456, frame);
        Assert.Equal(104, packet.Length);
        Assert.Equal("6800", H(packet.AsSpan(4, 2).ToArray()));
        Assert.Equal("2000", H(packet.AsSpan(6, 2).ToArray()));
        Assert.Equal("40e2010000000000", H(packet.AsSpan(20, 8).ToArray()));
        V2Packet decoded = V2Packet.Decode(packet);
        Assert.Equal(123456, decoded.DeviceId);
        Assert.Equal(T06Frame, H(decoded.Payload));
    }

    [Fact]
    public void T08_encode_with_timestamp_equals_vector()
    {
        byte[] packet = V2Packet.Encode(V2Magic.Request, V2DeviceId, B(F02), timestamp: B(T08Timestamp));
        Assert.Equal(T08, H(packet));
    }

    [Fact]
    public void T08_encode_with_computed_timestamp_equals_vector()
    {
        byte[] packet = V2Packet.Encode(V2Magic.Request, V2DeviceId, B(F02), timestamp: V2Packet.Timestamp(T08Time));
        Assert.Equal(T08, H(packet));
    }

    [Fact]
    public void T08_decodes_to_F02()
    {
        V2Packet packet = V2Packet.Decode(B(T08));
        Assert.Equal((ushort)V2Magic.Request, packet.Magic);
        Assert.Equal(V2DeviceId, packet.DeviceId);
        Assert.Equal(T08Timestamp, H(packet.Header.AsSpan(12, 8).ToArray()));
        Assert.Equal(F02, H(packet.Payload));
    }

    [Fact]
    public void Timestamp_layout_of_section_2_4()
    {
        Assert.Equal(T08Timestamp, H(V2Packet.Timestamp(T08Time)));
        Assert.Equal("4b3b3b171f0c6314", H(V2Packet.Timestamp(new DateTime(2099, 12, 31, 23, 59, 59, 750, DateTimeKind.Utc))));
        Assert.Equal("0000000001010014", H(V2Packet.Timestamp(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
    }

    [Fact]
    public void Heartbeat_without_payload_is_56_bytes_and_round_trips()
    {
        byte[] packet = V2Packet.Encode(V2Magic.Heartbeat, V2DeviceId, Array.Empty<byte>(), messageType: V2Packet.HeartbeatType);
        Assert.Equal(56, packet.Length);
        Assert.Equal("5a5a011038007b00", H(packet.AsSpan(0, 8).ToArray()));
        V2Packet decoded = V2Packet.Decode(packet);
        Assert.Equal(V2Packet.HeartbeatType, decoded.MessageType);
        Assert.Equal((ushort)V2Magic.Heartbeat, decoded.Magic);
        Assert.Empty(decoded.Payload);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(200)]
    public void Payload_lengths_round_trip(int length)
    {
        var payload = new byte[length];
        for (int i = 0; i < length; i++) payload[i] = (byte)(i * 7 + 3);
        byte[] packet = V2Packet.Encode(V2Magic.Request, 0xABCDEF123456, payload);
        Assert.Equal(56 + (length / 16 + 1) * 16, packet.Length);
        V2Packet decoded = V2Packet.Decode(packet);
        Assert.Equal(0xABCDEF123456, decoded.DeviceId);
        Assert.Equal(payload, decoded.Payload);
    }

    [Fact]
    public void Bytes_past_the_length_are_ignored()
    {
        byte[] packet = B(T04 + "5a5a0102030405");
        Assert.Equal(S04, H(V2Packet.Decode(packet).Payload));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Bad_magic(int index)
    {
        byte[] packet = B(T04);
        packet[index] = 0xa5;
        var ex = Assert.Throws<MideaProtocolException>(() => V2Packet.Decode(packet));
        Assert.Equal(ProtocolFault.BadMagic, ex.Fault);
    }

    [Theory]
    [InlineData(2)]    // message type
    [InlineData(8)]    // message id
    [InlineData(12)]   // timestamp
    [InlineData(20)]   // device id
    [InlineData(39)]   // reserved
    [InlineData(40)]   // first ciphertext byte
    [InlineData(87)]   // last ciphertext byte
    [InlineData(88)]   // first sign byte
    [InlineData(103)]  // last sign byte
    public void A_flipped_byte_is_a_bad_sign(int index)
    {
        byte[] packet = B(T04);
        packet[index] ^= 0x01;
        var ex = Assert.Throws<MideaProtocolException>(() => V2Packet.Decode(packet));
        Assert.Equal(ProtocolFault.BadSign, ex.Fault);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(40)]
    [InlineData(103)]
    public void Truncated(int length)
    {
        byte[] packet = B(T04).AsSpan(0, length).ToArray();
        var ex = Assert.Throws<MideaProtocolException>(() => V2Packet.Decode(packet));
        Assert.Equal(ProtocolFault.Truncated, ex.Fault);
    }

    [Theory]
    [InlineData(55)]
    [InlineData(0)]
    [InlineData(105)]
    public void Length_field_off_the_block_grid_is_bad_length(int length)
    {
        byte[] packet = B(T04 + "00");
        packet[4] = (byte)length;
        packet[5] = (byte)(length >> 8);
        var ex = Assert.Throws<MideaProtocolException>(() => V2Packet.Decode(packet));
        Assert.Equal(ProtocolFault.BadLength, ex.Fault);
    }

    [Fact]
    public void Bad_pkcs7_padding_is_bad_padding()
    {
        // A valid sign over ciphertext whose last block does not decrypt to PKCS#7 padding.
        byte[] packet = V2Packet.Encode(V2Magic.Request, 1, B("aa"));
        packet[40 + 15] ^= 0xff;
        byte[] sign = Crypto.Md5(packet.AsSpan(0, packet.Length - 16).ToArray(), V2Packet.SignKey);
        sign.CopyTo(packet, packet.Length - 16);
        var ex = Assert.Throws<MideaProtocolException>(() => V2Packet.Decode(packet));
        Assert.Equal(ProtocolFault.BadPadding, ex.Fault);
    }
}
