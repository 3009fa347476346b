using System;
using System.Globalization;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Ac;

/// <summary>
/// One capability of a <c>B5</c> reply (protocol.md §5.7): a raw 16-bit id and its value bytes.
/// Unknown ids are kept as they arrived.
/// </summary>
public sealed class CapabilityEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="id">The 16-bit capability id (sent little-endian on the wire).</param>
    /// <param name="value">The value bytes; the array is copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CapabilityEntry(ushort id, byte[] value)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        Id = id;
        Value = (byte[])value.Clone();
    }

    /// <summary>The capability id, for example <c>0x0214</c> for the supported modes.</summary>
    public ushort Id { get; }

    /// <summary>The value bytes as sent by the device.</summary>
    public byte[] Value { get; }

    /// <summary>A short name for a known id, such as <c>"Eco"</c>, <c>"Modes"</c> or <c>"TemperatureRanges"</c>; null when the id is unknown.</summary>
    public string? Name => CapabilityNames.Of(Id);

    /// <summary>The id, its name when known, and the value in hex.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "0x{0:x4} {1} = {2}", Id, Name ?? "?", Hex.Encode(Value));
}
