using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>
    /// How many replaced pairs an entry keeps. A few: enough to step back over a bad import or a
    /// fresh cloud answer that broke the unit, not a log of every pair the unit ever had.
    /// </summary>
    public const int PreviousPairsKept = 3;

    /// <summary>The pairs this entry held before, newest first (at most <see cref="PreviousPairsKept"/>).</summary>
    public List<PreviousPair> PreviousPairs { get; set; } = new();

    /// <summary>
    /// Makes <paramref name="token"/> and <paramref name="key"/> the entry's pair. The pair it
    /// replaces goes first into <see cref="PreviousPairs"/>, so it can be restored; the same pair
    /// saved again changes nothing.
    /// </summary>
    public void ReplacePair(byte[] token, byte[] key)
    {
        if (HasPair(token, key)) return;
        if (Token != null && Key != null)
        {
            PreviousPairs.RemoveAll(p => p.Matches(Token, Key));
            PreviousPairs.Insert(0, new PreviousPair(Token, Key, DateTime.UtcNow));
        }
        // A pair saved again is current now, not history.
        PreviousPairs.RemoveAll(p => p.Matches(token, key));
        if (PreviousPairs.Count > PreviousPairsKept) PreviousPairs.RemoveRange(PreviousPairsKept, PreviousPairs.Count - PreviousPairsKept);
        Token = token;
        Key = key;
    }

    /// <summary>Brings back the newest previous pair; the current one becomes the newest previous, so a second restore undoes the first.</summary>
    /// <exception cref="InvalidOperationException">There is no previous pair.</exception>
    public void RestorePreviousPair()
    {
        if (PreviousPairs.Count == 0) throw new InvalidOperationException($"{Describe()} has no previous token and key to restore.");
        PreviousPair previous = PreviousPairs[0];
        PreviousPairs.RemoveAt(0);
        ReplacePair(previous.Token, previous.Key);
    }

    /// <summary>True when the entry holds exactly this token and key.</summary>
    public bool HasPair(byte[] token, byte[] key) => Token != null && Key != null && Token.AsSpan().SequenceEqual(token) && Key.AsSpan().SequenceEqual(key);

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
            PreviousPairs = PreviousPairs.Count,
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
        PreviousPairs = PreviousPairs.ConvertAll(p => new PreviousPair((byte[])p.Token.Clone(), (byte[])p.Key.Clone(), p.ReplacedUtc)),
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

/// <summary>A token and key an entry held before, and when it was replaced. Secrets: never put them in a message.</summary>
internal sealed class PreviousPair
{
    /// <summary>Records a replaced pair.</summary>
    public PreviousPair(byte[] token, byte[] key, DateTime replacedUtc)
    {
        Token = token;
        Key = key;
        ReplacedUtc = replacedUtc;
    }

    /// <summary>The token (<see cref="Handshake.TokenSize"/> bytes).</summary>
    public byte[] Token { get; }

    /// <summary>The key (<see cref="Handshake.KeySize"/> bytes).</summary>
    public byte[] Key { get; }

    /// <summary>When another pair replaced it (UTC).</summary>
    public DateTime ReplacedUtc { get; }

    /// <summary>True when this is exactly that token and key.</summary>
    public bool Matches(byte[] token, byte[] key) => Token.AsSpan().SequenceEqual(token) && Key.AsSpan().SequenceEqual(key);
}
