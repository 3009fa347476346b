using System;

namespace Midea.Protocol.Codec;

/// <summary>The cloud lookup key of a device id (protocol.md §3.6).</summary>
public static class Udpid
{
    /// <summary>32 lowercase hex characters: SHA256(id6)[0:16] XOR SHA256(id6)[16:32].</summary>
    /// <param name="deviceId">The 48-bit device id.</param>
    /// <param name="bigEndian">Byte order of the 6 id bytes; msmart tries little-endian first.</param>
    public static string Compute(long deviceId, bool bigEndian)
    {
        var id = new byte[6];
        for (int i = 0; i < 6; i++) id[bigEndian ? 5 - i : i] = (byte)(deviceId >> (8 * i));
        return Hex.Encode(Raw(id));
    }

    internal static byte[] Raw(byte[] idBytes)
    {
        byte[] hash = Crypto.Sha256(idBytes);
        var result = new byte[16];
        for (int i = 0; i < 16; i++) result[i] = (byte)(hash[i] ^ hash[i + 16]);
        return result;
    }
}
