using System;

namespace Midea.Protocol.Codec;

/// <summary>The V3 handshake on both sides (protocol.md §3.2).</summary>
public static class Handshake
{
    /// <summary>Token length in bytes.</summary>
    public const int TokenSize = 64;
    /// <summary>Key length in bytes.</summary>
    public const int KeySize = 32;

    /// <summary>Client: the 72-byte request carrying the token.</summary>
    public static byte[] EncodeRequest(int packetId, byte[] token)
    {
        if (token.Length != TokenSize) throw new ArgumentException($"A token is {TokenSize} bytes, not {token.Length}.", nameof(token));
        return V3Packet.EncodePlain(V3PacketType.HandshakeRequest, packetId, token);
    }

    /// <summary>Client: verifies the device's reply under <paramref name="key"/> and returns the link key.</summary>
    /// <param name="key">The 32-byte V3 key that goes with the token sent.</param>
    /// <param name="packet">The whole V3 packet the device sent back.</param>
    /// <param name="unit">The unit as messages name it (the connection passes its endpoint), so an error tells which of many units refused.</param>
    /// <exception cref="AuthenticationFailedException">The device sent ERROR, or the reply does not verify under the key.</exception>
    /// <exception cref="MideaProtocolException">The reply is not a handshake packet.</exception>
    public static byte[] DecodeResponse(byte[] key, ReadOnlySpan<byte> packet, string unit = "The unit")
    {
        V3PacketType type = V3Packet.ReadType(packet);
        if (type == V3PacketType.Error) throw new AuthenticationFailedException($"{unit} rejected the token (it answered ERROR).");
        if (type != V3PacketType.HandshakeResponse)
            throw new MideaProtocolException(ProtocolFault.BadValue, $"Expected a handshake response, got V3 packet type {(byte)type:x}.");
        if (packet.Length != V3Packet.PrefixSize + 64)
            throw new MideaProtocolException(ProtocolFault.BadLength, $"Handshake response payload must be 64 bytes, not {packet.Length - V3Packet.PrefixSize}.");
        byte[] random = Crypto.AesCbcZeroIv(false, key, packet.Slice(8, 32).ToArray());
        if (!Crypto.FixedTimeEquals(Crypto.Sha256(random), packet.Slice(40, 32)))
            throw new AuthenticationFailedException($"The handshake reply of {unit} does not verify under this key: the token and key do not belong together or to this unit.");
        return Crypto.Xor(random, key);
    }

    /// <summary>Device: reads the token from a handshake request.</summary>
    /// <exception cref="MideaProtocolException">Not a handshake request, or the token is not 64 bytes.</exception>
    public static (int PacketId, byte[] Token) DecodeRequest(ReadOnlySpan<byte> packet)
    {
        V3PacketType type = V3Packet.ReadType(packet);
        if (type != V3PacketType.HandshakeRequest)
            throw new MideaProtocolException(ProtocolFault.BadValue, $"Expected a handshake request, got V3 packet type {(byte)type:x}.");
        if (packet.Length != V3Packet.PrefixSize + TokenSize)
            throw new MideaProtocolException(ProtocolFault.BadLength, $"Handshake token must be 64 bytes, not {packet.Length - V3Packet.PrefixSize}.");
        return (packet[6] << 8 | packet[7], packet.Slice(8).ToArray());
    }

    /// <summary>Device: the reply for an accepted token, and the link key both sides now share.</summary>
    /// <param name="packetId">The packet id of the request, repeated in the reply.</param>
    /// <param name="key">The 32-byte V3 key of the token the request carried.</param>
    /// <param name="random">The device's 32 secret random bytes R.</param>
    public static (byte[] Packet, byte[] LinkKey) EncodeResponse(int packetId, byte[] key, byte[] random)
    {
        var body = new byte[64];
        Buffer.BlockCopy(Crypto.AesCbcZeroIv(true, key, random), 0, body, 0, 32);
        Buffer.BlockCopy(Crypto.Sha256(random), 0, body, 32, 32);
        return (V3Packet.EncodePlain(V3PacketType.HandshakeResponse, packetId, body), Crypto.Xor(random, key));
    }
}
