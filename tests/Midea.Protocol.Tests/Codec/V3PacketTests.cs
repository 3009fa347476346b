using System;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class V3PacketTests
{
    [Fact]
    public void T05_decodes_with_its_link_key()
    {
        byte[] packet = B(T05);
        Assert.Equal(150, packet.Length);
        Assert.Equal(V3PacketType.EncryptedResponse, V3Packet.ReadType(packet));
        Assert.Equal(150, V3Packet.TotalLength(packet));
        Assert.Equal(6, packet[5] >> 4);
        (int id, byte[] data) = V3Packet.DecodeEncrypted(B(T05LinkKey), packet);
        Assert.Equal(0, id);
        Assert.Equal(T05Inner, H(data));
        Assert.Equal(S05, H(V2Packet.Decode(data).Payload));
    }

    [Fact]
    public void T05_re_encodes_exactly_with_its_own_pad_bytes()
    {
        byte[] key = B(T05LinkKey);
        byte[] packet = B(T05);
        byte[] plain = Crypto.AesCbcZeroIv(false, key, packet.AsSpan(6, packet.Length - 6 - 32).ToArray());
        byte[] pad = plain.AsSpan(plain.Length - 6).ToArray();
        Assert.Equal(T05, H(V3Packet.EncodeEncrypted(key, V3PacketType.EncryptedResponse, 0, B(T05Inner), pad)));
    }

    [Fact]
    public void T07_round_trip_with_packet_id_5555()
    {
        byte[] key = B(T05LinkKey);
        byte[] v2 = V2Packet.Encode(V2Magic.Request, 123456, B(S05));
        Assert.Equal(104, v2.Length);
        byte[] packet = V3Packet.EncodeEncrypted(key, V3PacketType.EncryptedRequest, 5555, v2);
        Assert.Equal(150, packet.Length);
        Assert.Equal("8370008e2066", H(packet.AsSpan(0, 6).ToArray()));
        byte[] plain = Crypto.AesCbcZeroIv(false, key, packet.AsSpan(6, packet.Length - 38).ToArray());
        Assert.Equal("15b3", H(plain.AsSpan(0, 2).ToArray()));
        (int id, byte[] data) = V3Packet.DecodeEncrypted(key, packet);
        Assert.Equal(5555, id);
        Assert.Equal(H(v2), H(data));
        Assert.Equal(S05, H(V2Packet.Decode(data).Payload));
    }

    [Fact]
    public void Worked_example_encrypted_request_is_exact()
    {
        byte[] packet = V3Packet.EncodeEncrypted(B(LinkKey), V3PacketType.EncryptedRequest, 1, B(T08), new byte[6]);
        Assert.Equal(EncryptedRequest, H(packet));
    }

    [Fact]
    public void Worked_example_encrypted_request_with_default_padding_is_exact()
    {
        byte[] packet = V3Packet.EncodeEncrypted(B(LinkKey), V3PacketType.EncryptedRequest, 1, B(T08));
        Assert.Equal(EncryptedRequest, H(packet));
    }

    [Fact]
    public void Worked_example_encrypted_response_is_exact()
    {
        byte[] packet = V3Packet.EncodeEncrypted(B(LinkKey), V3PacketType.EncryptedResponse, 1, B(T04), new byte[6]);
        Assert.Equal(EncryptedResponse, H(packet));
    }

    [Fact]
    public void Worked_example_request_decodes_to_T08_and_F02()
    {
        (int id, byte[] data) = V3Packet.DecodeEncrypted(B(LinkKey), B(EncryptedRequest));
        Assert.Equal(1, id);
        Assert.Equal(T08, H(data));
        Assert.Equal(F02, H(V2Packet.Decode(data).Payload));
        Assert.Equal(V3PacketType.EncryptedRequest, V3Packet.ReadType(B(EncryptedRequest)));
    }

    [Fact]
    public void Worked_example_response_decodes_to_T04_and_its_frame()
    {
        (int id, byte[] data) = V3Packet.DecodeEncrypted(B(LinkKey), B(EncryptedResponse));
        Assert.Equal(1, id);
        Assert.Equal(T04, H(data));
        Assert.Equal("aa22ac00000000000303c0014566000000300010045cff2070000000000000008bed19", H(V2Packet.Decode(data).Payload));
    }

    [Theory]
    [InlineData(0, 14)]
    [InlineData(1, 13)]
    [InlineData(13, 1)]
    [InlineData(14, 0)]
    [InlineData(15, 15)]
    [InlineData(104, 6)]
    [InlineData(184, 6)]
    public void Pad_and_size_follow_section_3_3(int dataLength, int pad)
    {
        var data = new byte[dataLength];
        for (int i = 0; i < dataLength; i++) data[i] = (byte)(255 - i);
        byte[] key = B(LinkKey);
        byte[] packet = V3Packet.EncodeEncrypted(key, V3PacketType.EncryptedResponse, 0x0fff, data);
        int size = dataLength + pad + 32;
        Assert.Equal(size + 8, packet.Length);
        Assert.Equal(size, packet[2] << 8 | packet[3]);
        Assert.Equal(0x20, packet[4]);
        Assert.Equal(pad << 4 | 0x3, packet[5]);
        (int id, byte[] decoded) = V3Packet.DecodeEncrypted(key, packet);
        Assert.Equal(0x0fff, id);
        Assert.Equal(data, decoded);
    }

    [Theory]
    [InlineData(6)]     // first ciphertext byte
    [InlineData(117)]   // last ciphertext byte
    [InlineData(118)]   // first hash byte
    [InlineData(149)]   // last hash byte
    public void A_flipped_byte_is_a_bad_hash(int index)
    {
        byte[] packet = B(EncryptedRequest);
        packet[index] ^= 0x80;
        var ex = Assert.Throws<MideaProtocolException>(() => V3Packet.DecodeEncrypted(B(LinkKey), packet));
        Assert.Equal(ProtocolFault.BadHash, ex.Fault);
    }

    [Fact]
    public void Flipped_pad_nibble_is_a_bad_hash()
    {
        // The header is covered by the hash.
        byte[] packet = B(EncryptedRequest);
        packet[5] = 0x56;
        var ex = Assert.Throws<MideaProtocolException>(() => V3Packet.DecodeEncrypted(B(LinkKey), packet));
        Assert.Equal(ProtocolFault.BadHash, ex.Fault);
    }

    [Fact]
    public void Wrong_link_key_is_a_bad_hash()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => V3Packet.DecodeEncrypted(B(T05LinkKey), B(EncryptedRequest)));
        Assert.Equal(ProtocolFault.BadHash, ex.Fault);
    }

    [Theory]
    [InlineData(0, 0x84)]
    [InlineData(1, 0x71)]
    [InlineData(4, 0x21)]
    public void Bad_magic(int index, byte value)
    {
        byte[] packet = B(EncryptedRequest);
        packet[index] = value;
        var ex = Assert.Throws<MideaProtocolException>(() => V3Packet.DecodeEncrypted(B(LinkKey), packet));
        Assert.Equal(ProtocolFault.BadMagic, ex.Fault);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(149)]
    public void Truncated(int length)
    {
        byte[] packet = B(EncryptedRequest).AsSpan(0, length).ToArray();
        var ex = Assert.Throws<MideaProtocolException>(() => V3Packet.DecodeEncrypted(B(LinkKey), packet));
        Assert.Equal(ProtocolFault.Truncated, ex.Fault);
    }

    [Fact]
    public void Extra_bytes_are_bad_length()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => V3Packet.DecodeEncrypted(B(LinkKey), B(EncryptedRequest + "00")));
        Assert.Equal(ProtocolFault.BadLength, ex.Fault);
    }

    [Fact]
    public void Ciphertext_off_the_block_grid_is_bad_length()
    {
        // 6-byte header, 17 bytes of "ciphertext", 32-byte hash.
        byte[] packet = new byte[6 + 17 + 32];
        B("8370002f2066").CopyTo(packet);
        var ex = Assert.Throws<MideaProtocolException>(() => V3Packet.DecodeEncrypted(B(LinkKey), packet));
        Assert.Equal(ProtocolFault.BadLength, ex.Fault);
    }

    [Fact]
    public void Handshake_packet_is_not_an_encrypted_packet()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => V3Packet.DecodeEncrypted(B(LinkKey), B(HandshakeResponse)));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
    }

    [Fact]
    public void EncodeError_is_the_13_byte_ERROR_packet()
    {
        Assert.Equal("83700005200f0000" + "4552524f52", H(V3Packet.EncodeError(0)));
        Assert.Equal("83700005200f0abc4552524f52", H(V3Packet.EncodeError(0x0abc)));
        Assert.Equal(V3PacketType.Error, V3Packet.ReadType(V3Packet.EncodeError(7)));
    }

    [Fact]
    public void ReadType_of_each_kind()
    {
        Assert.Equal(V3PacketType.HandshakeRequest, V3Packet.ReadType(B("8370004020000000" + Token)));
        Assert.Equal(V3PacketType.HandshakeResponse, V3Packet.ReadType(B(HandshakeResponse)));
        Assert.Equal(V3PacketType.EncryptedResponse, V3Packet.ReadType(B(EncryptedResponse)));
        Assert.Equal(V3PacketType.Error, V3Packet.ReadType(B(T03)));
    }
}
