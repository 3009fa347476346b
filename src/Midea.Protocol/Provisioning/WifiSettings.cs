using System;
using System.Collections.Generic;

namespace Midea.Protocol.Provisioning;

/// <summary>A tag-length-value entry of the provisioning payload whose meaning is not known; kept raw.</summary>
public sealed class WifiTlv
{
    /// <summary>Creates an entry.</summary>
    public WifiTlv(byte tag, byte[] value)
    {
        if (value is null || value.Length > 255) throw new ArgumentException("A TLV value is at most 255 bytes.", nameof(value));
        Tag = tag;
        Value = value;
    }

    /// <summary>Tag byte.</summary>
    public byte Tag { get; }
    /// <summary>Value bytes.</summary>
    public byte[] Value { get; }
}

/// <summary>
/// What a unit is told when it is provisioned: the network to join, the access point, the
/// regulatory domain and the cloud host. The security type (open, WPA, WPA2) is not sent: an
/// empty passphrase means an open network.
/// </summary>
public sealed class WifiSettings
{
    /// <summary>TLV 01, 03, 06, 07 as captured: meaning unknown, sent unchanged by the vendor app.</summary>
    public static IReadOnlyList<WifiTlv> CapturedUnknownTlvs => new[]
    {
        new WifiTlv(0x01, new byte[] { 0x01 }),
        new WifiTlv(0x03, new byte[] { 0x54, 0x3a, 0x00, 0x00 }),
        new WifiTlv(0x06, new byte[] { 0x02 }),
        new WifiTlv(0x07, new byte[] { 0x02, 0x06, 0x01 }),
    };

    /// <summary>Network name (1-32 bytes of UTF-8).</summary>
    public string Ssid { get; set; } = "";
    /// <summary>WPA passphrase as UTF-8 bytes: empty for an open network, else 8-63 printable ASCII characters.</summary>
    public byte[] Passphrase { get; set; } = Array.Empty<byte>();
    /// <summary>BSSID (MAC) of the access point to join; all zeros when unknown (what a unit does with zeros is unverified).</summary>
    public byte[] Bssid { get; set; } = new byte[6];
    /// <summary>Regulatory domain (TLV 02).</summary>
    public ChannelPlan ChannelPlan { get; set; } = ChannelPlans.Germany;
    /// <summary>Host of the vendor cloud the module will contact (TLV 04).</summary>
    public string CloudHost { get; set; } = "module.appsmb.com";
    /// <summary>That host's port (TLV 05).</summary>
    public int CloudPort { get; set; } = 443;
    /// <summary>The byte between the second SSID and the TLVs; 09 in every capture, meaning unknown.</summary>
    public byte Marker { get; set; } = 0x09;
    /// <summary>Other TLVs, written in tag order around the known ones (default: the captured constants).</summary>
    public IList<WifiTlv> OtherTlvs { get; set; } = new List<WifiTlv>(CapturedUnknownTlvs);
}
