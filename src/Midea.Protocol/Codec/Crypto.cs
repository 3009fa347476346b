using System;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Midea.Protocol.Codec;

/// <summary>
/// The primitives the protocol uses, from BouncyCastle so one code path serves every platform
/// PowerShell runs on (Windows PowerShell 5.1 included).
/// </summary>
internal static class Crypto
{
    public static byte[] Md5(params byte[][] parts) => Digest(new MD5Digest(), parts);

    public static byte[] Sha256(params byte[][] parts) => Digest(new Sha256Digest(), parts);

    /// <summary>AES-128-ECB over whole blocks; padding is the caller's business.</summary>
    public static byte[] AesEcb(bool encrypt, byte[] key, byte[] data) =>
        Blocks(new AesEngine(), encrypt, new KeyParameter(key), data);

    /// <summary>AES-CBC with an all-zero IV and no padding, as both V3 layers use it.</summary>
    public static byte[] AesCbcZeroIv(bool encrypt, byte[] key, byte[] data) =>
        Blocks(new CbcBlockCipher(new AesEngine()), encrypt, new ParametersWithIV(new KeyParameter(key), new byte[16]), data);

    public static byte[] Pkcs7Pad(byte[] data)
    {
        int pad = 16 - data.Length % 16;
        var padded = new byte[data.Length + pad];
        Buffer.BlockCopy(data, 0, padded, 0, data.Length);
        for (int i = data.Length; i < padded.Length; i++) padded[i] = (byte)pad;
        return padded;
    }

    /// <summary>Strips PKCS#7 padding; null when the padding is not valid.</summary>
    public static byte[]? Pkcs7Unpad(byte[] data)
    {
        if (data.Length == 0 || data.Length % 16 != 0) return null;
        int pad = data[data.Length - 1];
        if (pad < 1 || pad > 16) return null;
        for (int i = data.Length - pad; i < data.Length; i++)
        {
            if (data[i] != pad) return null;
        }
        var result = new byte[data.Length - pad];
        Buffer.BlockCopy(data, 0, result, 0, result.Length);
        return result;
    }

    public static bool FixedTimeEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) return false;
        int diff = 0;
        for (int i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
        return diff == 0;
    }

    /// <summary>Fresh random bytes from the system's cryptographic source: keys, tokens, nonces.</summary>
    public static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        using var source = System.Security.Cryptography.RandomNumberGenerator.Create();
        source.GetBytes(bytes);
        return bytes;
    }

    public static byte[] Xor(byte[] a, byte[] b)
    {
        var result = new byte[a.Length];
        for (int i = 0; i < a.Length; i++) result[i] = (byte)(a[i] ^ b[i]);
        return result;
    }

    private static byte[] Digest(IDigest digest, byte[][] parts)
    {
        foreach (byte[] part in parts) digest.BlockUpdate(part, 0, part.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }

    private static byte[] Blocks(IBlockCipher cipher, bool encrypt, ICipherParameters parameters, byte[] data)
    {
        if (data.Length % 16 != 0) throw new ArgumentException("AES input must be whole 16-byte blocks.", nameof(data));
        cipher.Init(encrypt, parameters);
        var output = new byte[data.Length];
        for (int offset = 0; offset < data.Length; offset += 16)
        {
            cipher.ProcessBlock(data, offset, output, offset);
        }
        return output;
    }
}
