using System;
using System.Security;
using Midea.Protocol.Codec;

namespace Midea.PowerShell.Internal.Store;

/// <summary>
/// One entry of the per-user device store (<see cref="DeviceStore"/>): where a unit is, what it is,
/// and its V3 token and key as raw bytes. The bytes are secrets: never put them in a message.
/// </summary>
internal sealed class StoredDevice
{
    /// <summary>Device id (48 bits); the key of the store: one entry per id.</summary>
    public long Id { get; set; }

    /// <summary>IP address or host name of the unit.</summary>
    public string Address { get; set; } = "";

    /// <summary>TCP port of the LAN protocol.</summary>
    public int Port { get; set; } = 6444;

    /// <summary>Name the unit reports (net_ac_XXXX); empty when unknown.</summary>
    public string Name { get; set; } = "";

    /// <summary>Serial number; empty when unknown.</summary>
    public string SerialNumber { get; set; } = "";

    /// <summary>Appliance type as users name it: AirConditioner (the default, and what entries saved before 0xCC units were driven are) or CommercialAc.</summary>
    public string Type { get; set; } = nameof(Protocol.Appliances.AirConditioner);

    /// <summary>LAN protocol version, 2 or 3.</summary>
    public int ProtocolVersion { get; set; }

    /// <summary>Wi-Fi module MAC (aa:bb:cc:dd:ee:ff), or null when unknown.</summary>
    public string? MacAddress { get; set; }

    /// <summary>V3 token (<see cref="Handshake.TokenSize"/> bytes), or null.</summary>
    public byte[]? Token { get; set; }

    /// <summary>V3 key (<see cref="Handshake.KeySize"/> bytes), or null.</summary>
    public byte[]? Key { get; set; }

    /// <summary>When the entry was last saved (UTC).</summary>
    public DateTime SavedUtc { get; set; }

    /// <summary>True when both the token and the key are known.</summary>
    public bool HasCredentials => Token != null && Key != null;

    /// <summary>
    /// The public device object, with Token and Key as SecureString (hex text) when stored, so it
    /// pipes into Get-MideaState and the other device cmdlets.
    /// </summary>
    public MideaDevice ToPublic() => ToPublic(includeSecrets: true);

    /// <summary>The public device object, with or without the credentials.</summary>
    public MideaDevice ToPublic(bool includeSecrets) =>
        new(Address, Port, Id, Name, SerialNumber, Type, ProtocolVersion, MacAddress)
        {
            Token = includeSecrets && Token != null ? SecureHex(Token) : null,
            Key = includeSecrets && Key != null ? SecureHex(Key) : null,
        };

    /// <summary>A copy whose byte arrays are not shared with this entry.</summary>
    public StoredDevice Clone() => new()
    {
        Id = Id,
        Address = Address,
        Port = Port,
        Name = Name,
        SerialNumber = SerialNumber,
        ProtocolVersion = ProtocolVersion,
        Type = Type,
        MacAddress = MacAddress,
        Token = (byte[]?)Token?.Clone(),
        Key = (byte[]?)Key?.Clone(),
        SavedUtc = SavedUtc,
    };

    /// <summary>"name (id N, address)" for messages; never contains a secret.</summary>
    public string Describe() => Name.Length == 0 ? $"id {Id} ({Address})" : $"{Name} (id {Id}, {Address})";

    /// <inheritdoc/>
    public override string ToString() => Describe();

    /// <summary>Lowercase hex of <paramref name="bytes"/> built straight into a SecureString, with no plain string copy.</summary>
    internal static SecureString SecureHex(byte[] bytes)
    {
        const string digits = "0123456789abcdef";
        var secure = new SecureString();
        foreach (byte b in bytes)
        {
            secure.AppendChar(digits[b >> 4]);
            secure.AppendChar(digits[b & 0xF]);
        }
        secure.MakeReadOnly();
        return secure;
    }
}
