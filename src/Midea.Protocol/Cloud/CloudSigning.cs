using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Midea.Protocol.Codec;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Midea.Protocol.Cloud;

/// <summary>
/// The signatures and password hashes of both vendor clouds (protocol.md §6). Shared by the client
/// and the simulator's fake cloud, which checks them the way the real clouds do.
/// </summary>
internal static class CloudSigning
{
    /// <summary>NetHome Plus APP_KEY (§6.1).</summary>
    public const string NetHomeAppKey = "3742e9e5842d4ad59c2db887e12449f9";

    /// <summary>SmartHome HMAC key (§6.2).</summary>
    public const string SmartHomeHmacKey = "PROD_VnoClJI9aikS8dyy";

    /// <summary>SmartHome IOT_KEY, the prefix of every signed message (§6.2, not China).</summary>
    public const string SmartHomeIotKey = "meicloud";

    /// <summary>SmartHome LOGIN_KEY (§6.2, not China).</summary>
    public const string SmartHomeLoginKey = "ac21b9f9cbfe4ca5a88562ef25e2b768";

    /// <summary>
    /// NetHome Plus sign: hexSHA256(urlPath + "k1=v1&amp;k2=v2…" + APP_KEY) over every field except
    /// <c>sign</c>, sorted by key (ordinal), with raw (not URL-encoded) values.
    /// </summary>
    public static string NetHomeSign(string urlPath, IEnumerable<KeyValuePair<string, string>> fields)
    {
        if (urlPath is null) throw new ArgumentNullException(nameof(urlPath));
        if (fields is null) throw new ArgumentNullException(nameof(fields));
        string joined = string.Join("&", fields
            .Where(f => f.Key != "sign")
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + "=" + f.Value));
        return HexSha256(urlPath + joined + NetHomeAppKey);
    }

    /// <summary>NetHome Plus password field: hexSHA256(loginId + hexSHA256(password) + APP_KEY).</summary>
    public static string NetHomePassword(string loginId, string password) =>
        HexSha256(loginId + HexSha256(password) + NetHomeAppKey);

    /// <summary>SmartHome sign header: hex HMAC-SHA256(key = HMAC key, message = IOT_KEY + body + random).</summary>
    public static string SmartHomeSign(string body, string random)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
        if (random is null) throw new ArgumentNullException(nameof(random));
        var mac = new HMac(new Sha256Digest());
        mac.Init(new KeyParameter(Encoding.ASCII.GetBytes(SmartHomeHmacKey)));
        byte[] message = Encoding.UTF8.GetBytes(SmartHomeIotKey + body + random);
        mac.BlockUpdate(message, 0, message.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return Hex.Encode(output);
    }

    /// <summary>SmartHome password field: hexSHA256(loginId + hexSHA256(password) + LOGIN_KEY).</summary>
    public static string SmartHomePassword(string loginId, string password) =>
        HexSha256(loginId + HexSha256(password) + SmartHomeLoginKey);

    /// <summary>SmartHome iampwd field: hexSHA256(loginId + hexMD5(hexMD5(password)) + LOGIN_KEY).</summary>
    public static string SmartHomeIamPassword(string loginId, string password) =>
        HexSha256(loginId + HexMd5(HexMd5(password)) + SmartHomeLoginKey);

    /// <summary>Compares two hex strings in time independent of where they differ (case-insensitive).</summary>
    public static bool HexEquals(string? a, string? b)
    {
        if (a is null || b is null || a.Length != b.Length) return false;
        int diff = 0;
        for (int i = 0; i < a.Length; i++) diff |= char.ToLowerInvariant(a[i]) ^ char.ToLowerInvariant(b[i]);
        return diff == 0;
    }

    internal static string HexSha256(string text) => Hex.Encode(Crypto.Sha256(Encoding.UTF8.GetBytes(text)));

    internal static string HexMd5(string text) => Hex.Encode(Crypto.Md5(Encoding.UTF8.GetBytes(text)));
}
