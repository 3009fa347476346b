using System;
using System.Text;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class HandshakeTests
{
    private static byte[] R => Run(0x40, 32);

    [Fact]
    public void Worked_example_local_key_pair_is_consistent()
    {
        // §3.2.4: L = SHA256(ssid ‖ psk ‖ mac), K = r XOR L, T = AES256_CBC(L, K) ‖ SHA256(K).
        byte[] l = Crypto.Sha256(Encoding.UTF8.GetBytes("ExampleNet"), Encoding.UTF8.GetBytes("example-psk-123"), B("b88c29c963ba"));
        Assert.Equal(LocalKey, H(l));
        byte[] k = Crypto.Xor(Run(0x00, 32), l);
        Assert.Equal(Key, H(k));
        byte[] t = new byte[64];
        Crypto.AesCbcZeroIv(true, l, k).CopyTo(t, 0);
        Crypto.Sha256(k).CopyTo(t, 32);
        Assert.Equal(Token, H(t));
    }

    [Fact]
    public void Worked_example_token_verifies_under_the_local_key()
    {
        // §3.2.3 (b): K = AES256_CBC_Decrypt(L, T[0:32]); accept iff SHA256(K) == T[32:64].
        byte[] t = B(Token);
        byte[] k = Crypto.AesCbcZeroIv(false, B(LocalKey), t.AsSpan(0, 32).ToArray());
        Assert.Equal(Key, H(k));
        Assert.Equal(H(t.AsSpan(32, 32).ToArray()), H(Crypto.Sha256(k)));
    }

    [Fact]
    public void EncodeRequest_is_prefix_and_token()
    {
        byte[] request = Handshake.EncodeRequest(0, B(Token));
        Assert.Equal(72, request.Length);
        Assert.Equal("8370004020000000" + Token, H(request));
    }

    [Fact]
    public void EncodeRequest_carries_the_packet_id_big_endian()
    {
        Assert.Equal("8370004020000abc" + Token, H(Handshake.EncodeRequest(0x0abc, B(Token))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    public void EncodeRequest_rejects_a_token_that_is_not_64_bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => Handshake.EncodeRequest(0, new byte[length]));
    }

    [Fact]
    public void DecodeRequest_gives_id_and_token()
    {
        (int id, byte[] token) = Handshake.DecodeRequest(B("8370004020000123" + Token));
        Assert.Equal(0x0123, id);
        Assert.Equal(Token, H(token));
    }

    [Fact]
    public void DecodeRequest_rejects_other_types_and_sizes()
    {
        var type = Assert.Throws<MideaProtocolException>(() => Handshake.DecodeRequest(B(HandshakeResponse)));
        Assert.Equal(ProtocolFault.BadValue, type.Fault);
        var size = Assert.Throws<MideaProtocolException>(() => Handshake.DecodeRequest(B(string.Concat("8370003f20000000", Token.AsSpan(0, 126)))));
        Assert.Equal(ProtocolFault.BadLength, size.Fault);
    }

    [Fact]
    public void EncodeResponse_equals_the_worked_example()
    {
        (byte[] packet, byte[] linkKey) = Handshake.EncodeResponse(0, B(Key), R);
        Assert.Equal(HandshakeResponse, H(packet));
        Assert.Equal(LinkKey, H(linkKey));
    }

    [Fact]
    public void DecodeResponse_gives_the_link_key()
    {
        Assert.Equal(LinkKey, H(Handshake.DecodeResponse(B(Key), B(HandshakeResponse))));
    }

    [Fact]
    public void DecodeResponse_ignores_the_packet_id()
    {
        byte[] response = B(HandshakeResponse);
        response[6] = 0x0f;
        response[7] = 0xff;
        Assert.Equal(LinkKey, H(Handshake.DecodeResponse(B(Key), response)));
    }

    [Fact]
    public void Wrong_key_fails_authentication()
    {
        byte[] wrong = B(Key);
        wrong[31] ^= 0x01;
        Assert.Throws<AuthenticationFailedException>(() => Handshake.DecodeResponse(wrong, B(HandshakeResponse)));
        Assert.Throws<AuthenticationFailedException>(() => Handshake.DecodeResponse(B(LocalKey), B(HandshakeResponse)));
    }

    [Fact]
    public void Corrupted_hash_fails_authentication()
    {
        byte[] response = B(HandshakeResponse);
        response[71] ^= 0x01;
        Assert.Throws<AuthenticationFailedException>(() => Handshake.DecodeResponse(B(Key), response));
    }

    [Fact]
    public void ERROR_packet_fails_authentication()
    {
        Assert.Throws<AuthenticationFailedException>(() => Handshake.DecodeResponse(B(Key), V3Packet.EncodeError(0)));
        Assert.Throws<AuthenticationFailedException>(() => Handshake.DecodeResponse(B(Key), B("83700005200f00004552524f52")));
    }

    [Fact]
    public void Non_handshake_packet_is_a_protocol_error()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => Handshake.DecodeResponse(B(Key), B(EncryptedResponse)));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
    }

    [Fact]
    public void Short_handshake_response_is_bad_length()
    {
        byte[] shortResponse = B(string.Concat("8370003f20010000", HandshakeResponse.AsSpan(16, 126)));
        var ex = Assert.Throws<MideaProtocolException>(() => Handshake.DecodeResponse(B(Key), shortResponse));
        Assert.Equal(ProtocolFault.BadLength, ex.Fault);
    }

    [Fact]
    public void Truncated_handshake_response_is_truncated()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => Handshake.DecodeResponse(B(Key), B(HandshakeResponse.Substring(0, 100))));
        Assert.Equal(ProtocolFault.Truncated, ex.Fault);
    }

    [Fact]
    public void Both_sides_agree_for_random_keys()
    {
        var rng = new Random(1234);
        for (int i = 0; i < 20; i++)
        {
            var key = new byte[32];
            var random = new byte[32];
            rng.NextBytes(key);
            rng.NextBytes(random);
            (byte[] packet, byte[] deviceLink) = Handshake.EncodeResponse(i, key, random);
            Assert.Equal(H(deviceLink), H(Handshake.DecodeResponse(key, packet)));
            Assert.Equal(H(Crypto.Xor(random, key)), H(deviceLink));
        }
    }
}
