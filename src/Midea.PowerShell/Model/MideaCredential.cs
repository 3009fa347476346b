using System.Security;

namespace Midea;

/// <summary>
/// A V3 token and key, with the unit they belong to when known. Token and Key are SecureStrings
/// and no view shows them; the object pipes into Get-MideaState, Save-MideaDevice and the others
/// by property name.
/// </summary>
public sealed class MideaCredential
{
    /// <summary>Address of the unit, when the input named one.</summary>
    public string? Address { get; internal set; }
    /// <summary>TCP port of the unit, when the input named one.</summary>
    public int Port { get; internal set; } = 6444;
    /// <summary>Name of the unit, when the input named one (kept so Save-MideaDevice can store it).</summary>
    public string? Name { get; internal set; }
    /// <summary>Device id, when the input named one (0 otherwise).</summary>
    public long Id { get; internal set; }
    /// <summary>Protocol version: 3 for minted or cloud pairs.</summary>
    public int ProtocolVersion { get; internal set; } = 3;
    /// <summary>Module MAC the pair was minted for.</summary>
    public string? MacAddress { get; internal set; }
    /// <summary>Where the pair came from: Minted (local key), NetHomePlus or SmartHome.</summary>
    public string Source { get; internal set; } = "";
    /// <summary>For cloud pairs: the udpid byte order that matched (LittleEndian or BigEndian).</summary>
    public string? ByteOrder { get; internal set; }
    /// <summary>True when the pair was tried against the unit and accepted.</summary>
    public bool Verified { get; internal set; }
    /// <summary>The 64-byte token as 128 hex digits.</summary>
    public SecureString? Token { get; internal set; }
    /// <summary>The 32-byte key as 64 hex digits.</summary>
    public SecureString? Key { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Source} credential{(Address is null ? "" : " for " + Address)}";
}
