using System;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Cloud;

/// <summary>
/// One entry of a getToken reply: the V3 token and key the cloud holds for a udpid.
/// <see cref="object.ToString"/> deliberately shows the udpid only.
/// </summary>
public sealed class CloudToken
{
    /// <summary>Length of <see cref="Token"/> in bytes.</summary>
    public const int TokenLength = 64;

    /// <summary>Length of <see cref="Key"/> in bytes.</summary>
    public const int KeyLength = 32;

    private readonly byte[] _token;
    private readonly byte[] _key;

    /// <summary>Creates the entry.</summary>
    /// <param name="udpId">The udpid the entry belongs to (32 hex characters, §3.6); kept in lowercase.</param>
    /// <param name="token">The 64-byte V3 token.</param>
    /// <param name="key">The 32-byte V3 key.</param>
    /// <exception cref="ArgumentException">A value has the wrong length.</exception>
    public CloudToken(string udpId, byte[] token, byte[] key)
    {
        if (udpId is null) throw new ArgumentNullException(nameof(udpId));
        if (token is null) throw new ArgumentNullException(nameof(token));
        if (key is null) throw new ArgumentNullException(nameof(key));
        if (token.Length != TokenLength) throw new ArgumentException($"A V3 token has {TokenLength} bytes.", nameof(token));
        if (key.Length != KeyLength) throw new ArgumentException($"A V3 key has {KeyLength} bytes.", nameof(key));
        UdpId = udpId.ToLowerInvariant();
        _token = (byte[])token.Clone();
        _key = (byte[])key.Clone();
    }

    /// <summary>The udpid (32 lowercase hex characters) this entry belongs to.</summary>
    public string UdpId { get; }

    /// <summary>A copy of the 64-byte V3 token.</summary>
    public byte[] Token => (byte[])_token.Clone();

    /// <summary>A copy of the 32-byte V3 key.</summary>
    public byte[] Key => (byte[])_key.Clone();

    /// <summary>The token as 128 lowercase hex characters.</summary>
    public string TokenHex => Hex.Encode(_token);

    /// <summary>The key as 64 lowercase hex characters.</summary>
    public string KeyHex => Hex.Encode(_key);

    /// <summary>The udpid only; the token and key are secrets and never appear in text.</summary>
    public override string ToString() => "udpid " + UdpId;
}
