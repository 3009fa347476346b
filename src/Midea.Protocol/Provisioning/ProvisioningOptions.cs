using System;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Provisioning;

/// <summary>Where the credentials for the AP-mode session come from (provisioning.md §2: unverified).</summary>
public enum WifiCredentialSource
{
    /// <summary>A given token/key if there is one; V2 for a V2 unit; else minted from the AP.</summary>
    Auto,
    /// <summary>The unit's own token/key (the cloud pair for its udpid), given by the user.</summary>
    Token,
    /// <summary>A pair minted from the local key SHA256(AP SSID ‖ AP password ‖ MAC).</summary>
    MintedFromAp,
    /// <summary>No handshake: the command travels in a V2 packet, as for V2 units.</summary>
    V2,
}

/// <summary>
/// Every choice of the provisioning transport that no capture proves, in one place, so a user
/// with hardware can try alternatives (provisioning.md §2). The defaults are the working hypothesis.
/// </summary>
public sealed class ProvisioningOptions
{
    /// <summary>The 14 bytes after the packet id in the WPA2 capture (meaning unknown).</summary>
    public static byte[] CapturedPrefix => Hex.Decode("8e61ebdda41d67a79d2fee7c529f");

    /// <summary>Address of a unit in AP mode.</summary>
    public string Address { get; set; } = "192.168.1.1";
    /// <summary>TCP port of the session.</summary>
    public int Port { get; set; } = 6444;
    /// <summary>Where the session's credentials come from.</summary>
    public WifiCredentialSource CredentialSource { get; set; } = WifiCredentialSource.Auto;
    /// <summary>Password of the unit's own access point, for <see cref="WifiCredentialSource.MintedFromAp"/>; commonly reported, unverified.</summary>
    public string ApPassword { get; set; } = "12345678";
    /// <summary>The 14 unknown bytes sent before the payload.</summary>
    public byte[] Prefix { get; set; } = CapturedPrefix;
    /// <summary>V2 message type that carries the command when <see cref="WifiCredentialSource.V2"/> is used (a guess: appliance data).</summary>
    public ushort V2MessageType { get; set; } = V2Packet.ApplianceData;

    /// <summary>The data of the encrypted request: prefix ‖ payload.</summary>
    public byte[] CommandData(byte[] payload)
    {
        if (Prefix is null || Prefix.Length != PrefixSize) throw new ArgumentException($"The provisioning prefix must be {PrefixSize} bytes.", nameof(payload));
        var data = new byte[PrefixSize + payload.Length];
        Prefix.CopyTo(data, 0);
        payload.CopyTo(data, PrefixSize);
        return data;
    }

    /// <summary>Length of the unknown prefix.</summary>
    public const int PrefixSize = 14;
}
