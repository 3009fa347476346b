using System;
using System.Text;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Provisioning;

/// <summary>
/// The local-key scheme (protocol.md §3.2.4): a unit that knows the network it joined can check
/// tokens minted from SHA256(ssid ‖ passphrase ‖ mac) without the cloud. Whether current
/// firmware accepts such tokens is unverified.
/// </summary>
public static class LocalKey
{
    /// <summary>L = SHA256(ssid_utf8 ‖ passphrase_utf8 ‖ mac).</summary>
    public static byte[] Derive(string ssid, byte[] passphrase, byte[] mac)
    {
        if (ssid is null) throw new ArgumentNullException(nameof(ssid));
        if (passphrase is null) throw new ArgumentNullException(nameof(passphrase));
        if (mac is null || mac.Length != 6) throw new ArgumentException("A MAC address is 6 bytes.", nameof(mac));
        return Crypto.Sha256(Encoding.UTF8.GetBytes(ssid), passphrase, mac);
    }

    /// <summary>A token/key pair the holder of <paramref name="localKey"/> accepts: K random, T = AES(L, K) ‖ SHA256(K).</summary>
    /// <param name="localKey">The unit's 32-byte local key L, from <see cref="Derive"/>.</param>
    /// <param name="random">32 bytes to use instead of fresh random ones (tests).</param>
    public static (byte[] Token, byte[] Key) Mint(byte[] localKey, byte[]? random = null)
    {
        CheckLength(localKey);
        if (random is null)
        {
            random = Crypto.RandomBytes(Handshake.KeySize);
        }
        else if (random.Length != Handshake.KeySize)
        {
            throw new ArgumentException("The random part is 32 bytes.", nameof(random));
        }
        byte[] key = Crypto.Xor(random, localKey);
        byte[] token = new byte[Handshake.TokenSize];
        Crypto.AesCbcZeroIv(true, localKey, key).CopyTo(token, 0);
        Crypto.Sha256(key).CopyTo(token, 32);
        return (token, key);
    }

    /// <summary>Device side: the key inside <paramref name="token"/> when it was minted from <paramref name="localKey"/>, else null.</summary>
    public static byte[]? Verify(byte[] localKey, byte[] token)
    {
        CheckLength(localKey);
        if (token is null || token.Length != Handshake.TokenSize) return null;
        byte[] key = Crypto.AesCbcZeroIv(false, localKey, token.AsSpan(0, 32).ToArray());
        return Crypto.FixedTimeEquals(Crypto.Sha256(key), token.AsSpan(32, 32)) ? key : null;
    }

    private static void CheckLength(byte[] localKey)
    {
        if (localKey is null || localKey.Length != 32) throw new ArgumentException("A local key is 32 bytes.", nameof(localKey));
    }
}
