using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Midea.Protocol.Provisioning;

/// <summary>One run of channels with the same limits: first channel, how many, max power, radar detection.</summary>
public readonly struct SubBand : IEquatable<SubBand>
{
    /// <summary>Creates a sub-band.</summary>
    public SubBand(byte firstChannel, byte channelCount, byte maxPowerDbm, bool dfs)
    {
        FirstChannel = firstChannel;
        ChannelCount = channelCount;
        MaxPowerDbm = maxPowerDbm;
        Dfs = dfs;
    }

    /// <summary>First channel number.</summary>
    public byte FirstChannel { get; }
    /// <summary>Number of channels from the first.</summary>
    public byte ChannelCount { get; }
    /// <summary>Maximum transmit power, dBm.</summary>
    public byte MaxPowerDbm { get; }
    /// <summary>True when dynamic frequency selection (radar detection) applies.</summary>
    public bool Dfs { get; }

    /// <inheritdoc/>
    public bool Equals(SubBand other) => FirstChannel == other.FirstChannel && ChannelCount == other.ChannelCount && MaxPowerDbm == other.MaxPowerDbm && Dfs == other.Dfs;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SubBand other && Equals(other);
    /// <inheritdoc/>
    public override int GetHashCode() => FirstChannel << 24 | ChannelCount << 16 | MaxPowerDbm << 8 | (Dfs ? 1 : 0);
    /// <summary>Equality.</summary>
    public static bool operator ==(SubBand left, SubBand right) => left.Equals(right);
    /// <summary>Inequality.</summary>
    public static bool operator !=(SubBand left, SubBand right) => !left.Equals(right);
    /// <inheritdoc/>
    public override string ToString() => $"ch {FirstChannel}x{ChannelCount} @ {MaxPowerDbm} dBm{(Dfs ? " DFS" : "")}";
}

/// <summary>
/// The regulatory domain of provisioning TLV 02 (provisioning.md §1): a country code, one byte
/// of unknown meaning (02 in every capture), then the sub-bands.
/// </summary>
public sealed class ChannelPlan
{
    /// <summary>Creates a plan.</summary>
    /// <param name="country">The two-letter ASCII country code.</param>
    /// <param name="bands">The sub-bands the unit may use; at most <see cref="MaxBands"/>.</param>
    /// <param name="captured">True only for plans seen in a capture; the others are derived from public rules.</param>
    /// <param name="unknown">The byte of unknown meaning after the country code; 02 in every capture.</param>
    public ChannelPlan(string country, IReadOnlyList<SubBand> bands, bool captured = false, byte unknown = 0x02)
    {
        if (country is null || country.Length != 2 || country[0] > 0x7f || country[1] > 0x7f)
            throw new ArgumentException("The country must be a two-letter ASCII code.", nameof(country));
        // 4 + 4 × bands must fit the one-byte TLV length.
        if (bands is null || bands.Count > MaxBands) throw new ArgumentException($"A channel plan has at most {MaxBands} sub-bands.", nameof(bands));
        Country = country;
        Bands = bands.ToArray();
        Captured = captured;
        Unknown = unknown;
    }

    /// <summary>Most sub-bands a plan can carry in one TLV.</summary>
    public const int MaxBands = 62;

    /// <summary>Two-letter country code as sent (upper case in the capture).</summary>
    public string Country { get; }
    /// <summary>The byte after the country; 02 in every capture, meaning unknown.</summary>
    public byte Unknown { get; }
    /// <summary>Sub-bands in the order sent.</summary>
    public IReadOnlyList<SubBand> Bands { get; }
    /// <summary>True when this plan reproduces a capture byte for byte; false when derived from regulatory rules.</summary>
    public bool Captured { get; }

    /// <summary>The TLV value: country, unknown byte, band count, four bytes per band.</summary>
    public byte[] Encode()
    {
        var value = new byte[4 + 4 * Bands.Count];
        Encoding.ASCII.GetBytes(Country, 0, 2, value, 0);
        value[2] = Unknown;
        value[3] = (byte)Bands.Count;
        for (int i = 0; i < Bands.Count; i++)
        {
            SubBand band = Bands[i];
            value[4 + 4 * i] = band.FirstChannel;
            value[5 + 4 * i] = band.ChannelCount;
            value[6 + 4 * i] = band.MaxPowerDbm;
            value[7 + 4 * i] = band.Dfs ? (byte)1 : (byte)0;
        }
        return value;
    }

    /// <summary>Reads a TLV 02 value.</summary>
    /// <exception cref="MideaProtocolException">The length does not match the band count, or a flag is not 0/1.</exception>
    public static ChannelPlan Decode(ReadOnlySpan<byte> value)
    {
        if (value.Length < 4) throw new MideaProtocolException(ProtocolFault.Truncated, $"A channel plan needs at least 4 bytes, not {value.Length}.");
        int count = value[3];
        if (value.Length != 4 + 4 * count)
            throw new MideaProtocolException(ProtocolFault.BadLength, $"A channel plan with {count} sub-bands is {4 + 4 * count} bytes, not {value.Length}.");
        if (count > MaxBands) throw new MideaProtocolException(ProtocolFault.BadValue, $"A channel plan of {count} sub-bands cannot be sent; at most {MaxBands} fit a TLV.");
        if (value[0] > 0x7f || value[1] > 0x7f) throw new MideaProtocolException(ProtocolFault.BadValue, "The channel plan's country code is not ASCII.");
        var bands = new SubBand[count];
        for (int i = 0; i < count; i++)
        {
            byte dfs = value[7 + 4 * i];
            if (dfs > 1) throw new MideaProtocolException(ProtocolFault.BadValue, $"Sub-band {i + 1} has DFS flag {dfs:x2}; only 00 and 01 are known.");
            bands[i] = new SubBand(value[4 + 4 * i], value[5 + 4 * i], value[6 + 4 * i], dfs == 1);
        }
        string country = Encoding.ASCII.GetString(value.Slice(0, 2).ToArray());
        return new ChannelPlan(country, bands, captured: false, unknown: value[2]);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Country}: {string.Join(", ", Bands)}{(Captured ? "" : " (derived)")}";
}
