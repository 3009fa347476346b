using System;

namespace Midea.Protocol.Codec;

/// <summary>The type nibble of byte 5 of a V3 ("8370") packet.</summary>
public enum V3PacketType : byte
{
    /// <summary>Client → device: packet id and the 64-byte token, in plain text.</summary>
    HandshakeRequest = 0x0,
    /// <summary>Device → client: packet id, AES-256-CBC(key, R) and SHA-256(R).</summary>
    HandshakeResponse = 0x1,
    /// <summary>Device → client, encrypted with the link key.</summary>
    EncryptedResponse = 0x3,
    /// <summary>Client → device, encrypted with the link key.</summary>
    EncryptedRequest = 0x6,
    /// <summary>"ERROR" after a failed handshake; also the discovery reply wrapper.</summary>
    Error = 0xF,
}

/// <summary>V3 packet framing and the encrypted request/response layer (protocol.md §3.1, §3.3).</summary>
public static class V3Packet
{
    /// <summary>Bytes of the visible prefix (magic, size, 0x20, pad/type, packet id).</summary>
    public const int PrefixSize = 8;
    private const int HashSize = 32;

    /// <summary>Total length of the packet starting at <paramref name="data"/>, from its size field.</summary>
    public static int TotalLength(ReadOnlySpan<byte> data) => (data[2] << 8 | data[3]) + PrefixSize;

    /// <summary>Reads the type nibble after checking magic, marker byte and length.</summary>
    /// <exception cref="MideaProtocolException">The bytes are not a V3 packet.</exception>
    public static V3PacketType ReadType(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 6) throw new MideaProtocolException(ProtocolFault.Truncated, $"V3 packet truncated: {packet.Length} bytes, the prefix needs 8.");
        if (packet[0] != 0x83 || packet[1] != 0x70) throw new MideaProtocolException(ProtocolFault.BadMagic, $"V3 packet must start with 8370, not {packet[0]:x2}{packet[1]:x2}.");
        if (packet[4] != 0x20) throw new MideaProtocolException(ProtocolFault.BadMagic, $"V3 byte 4 must be 20, not {packet[4]:x2}.");
        int total = TotalLength(packet);
        if (packet.Length < total) throw new MideaProtocolException(ProtocolFault.Truncated, $"V3 packet truncated: {packet.Length} of {total} bytes.");
        if (packet.Length > total) throw new MideaProtocolException(ProtocolFault.BadLength, $"V3 size field says {total} bytes but {packet.Length} were given.");
        return (V3PacketType)(packet[5] & 0x0F);
    }

    /// <summary>Encrypts one V2 packet for the link (type 0x6 from a client, 0x3 from a device).</summary>
    /// <param name="linkKey">The key both sides got from the handshake; it encrypts the packet.</param>
    /// <param name="type">EncryptedRequest from a client, EncryptedResponse from a device.</param>
    /// <param name="packetId">The sender's packet counter, written before the data.</param>
    /// <param name="data">The whole V2 packet to carry.</param>
    /// <param name="padding">Pad bytes to use; zeros when null (receivers never read them).</param>
    public static byte[] EncodeEncrypted(byte[] linkKey, V3PacketType type, int packetId, byte[] data, byte[]? padding = null)
    {
        int pad = (16 - (data.Length + 2) % 16) % 16;
        int size = data.Length + pad + HashSize;
        byte[] header = { 0x83, 0x70, (byte)(size >> 8), (byte)size, 0x20, (byte)(pad << 4 | (byte)type) };
        var plain = new byte[2 + data.Length + pad];
        plain[0] = (byte)(packetId >> 8);
        plain[1] = (byte)packetId;
        Buffer.BlockCopy(data, 0, plain, 2, data.Length);
        if (padding != null) Buffer.BlockCopy(padding, 0, plain, 2 + data.Length, Math.Min(pad, padding.Length));
        byte[] cipher = Crypto.AesCbcZeroIv(true, linkKey, plain);
        byte[] hash = Crypto.Sha256(header, plain);
        var packet = new byte[header.Length + cipher.Length + HashSize];
        Buffer.BlockCopy(header, 0, packet, 0, header.Length);
        Buffer.BlockCopy(cipher, 0, packet, header.Length, cipher.Length);
        Buffer.BlockCopy(hash, 0, packet, header.Length + cipher.Length, HashSize);
        return packet;
    }

    /// <summary>Decrypts and verifies an encrypted packet; returns its packet id and the inner V2 bytes.</summary>
    /// <exception cref="MideaProtocolException">Framing, hash or length is wrong.</exception>
    public static (int PacketId, byte[] Data) DecodeEncrypted(byte[] linkKey, ReadOnlySpan<byte> packet)
    {
        V3PacketType type = ReadType(packet);
        if (type is not (V3PacketType.EncryptedRequest or V3PacketType.EncryptedResponse))
            throw new MideaProtocolException(ProtocolFault.BadValue, $"V3 packet type {(byte)type:x} is not an encrypted request or response.");
        int pad = packet[5] >> 4;
        int cipherLength = packet.Length - 6 - HashSize;
        if (cipherLength < 16 || cipherLength % 16 != 0)
            throw new MideaProtocolException(ProtocolFault.BadLength, $"V3 ciphertext of {cipherLength} bytes is not whole AES blocks.");
        byte[] plain = Crypto.AesCbcZeroIv(false, linkKey, packet.Slice(6, cipherLength).ToArray());
        byte[] hash = Crypto.Sha256(packet.Slice(0, 6).ToArray(), plain);
        if (!Crypto.FixedTimeEquals(hash, packet.Slice(packet.Length - HashSize)))
            throw new MideaProtocolException(ProtocolFault.BadHash, "V3 packet SHA-256 does not match (wrong link key or corrupted data).");
        if (plain.Length < 2 + pad) throw new MideaProtocolException(ProtocolFault.BadLength, $"V3 pad {pad} exceeds the plaintext.");
        int id = plain[0] << 8 | plain[1];
        return (id, V2Packet.Slice(plain, 2, plain.Length - 2 - pad));
    }

    /// <summary>The 13-byte packet a device sends after refusing a token.</summary>
    public static byte[] EncodeError(int packetId) =>
        new byte[] { 0x83, 0x70, 0x00, 0x05, 0x20, 0x0F, (byte)(packetId >> 8), (byte)packetId, 0x45, 0x52, 0x52, 0x4f, 0x52 };

    /// <summary>Plain packet of the given type: prefix with packet id, then the body.</summary>
    internal static byte[] EncodePlain(V3PacketType type, int packetId, byte[] body)
    {
        int size = body.Length;
        var packet = new byte[PrefixSize + body.Length];
        packet[0] = 0x83;
        packet[1] = 0x70;
        packet[2] = (byte)(size >> 8);
        packet[3] = (byte)size;
        packet[4] = 0x20;
        packet[5] = (byte)type;
        packet[6] = (byte)(packetId >> 8);
        packet[7] = (byte)packetId;
        Buffer.BlockCopy(body, 0, packet, PrefixSize, body.Length);
        return packet;
    }
}
