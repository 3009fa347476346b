using System;
using System.Globalization;
using System.Text;
using Midea.PowerShell.Internal.Store;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;

namespace Midea.PowerShell.Internal.Import;

/// <summary>
/// The value rules every reader shares (docs/import-formats.md §1): ids, ports, versions, types,
/// tokens and keys, and how they become a <see cref="StoredDevice"/>. A bad value raises an
/// <see cref="ImportFormatException"/> that describes the value and never quotes it, since a
/// shifted column or a mistyped key could put a secret where an id belongs.
/// </summary>
internal static class ImportValues
{
    /// <summary>The largest device id: ids are 6 bytes.</summary>
    public const long MaxId = 0xFFFFFFFFFFFFL;

    /// <summary>The LAN port when a format names none (Homebridge) or an entry leaves it out.</summary>
    public const int DefaultPort = 6444;

    /// <summary>The device id in <paramref name="value"/>: a whole number, or decimal text (old midea_ac entries, CSV).</summary>
    /// <param name="context">The file being read.</param>
    /// <param name="entry">The entry, for the message.</param>
    /// <param name="value">A long, a string or null (missing).</param>
    /// <param name="name">The key's name in the format, for the message.</param>
    /// <exception cref="ImportFormatException">Missing, not a whole number, or outside 1 to 2^48-1.</exception>
    public static long Id(ImportContext context, string entry, object? value, string name)
    {
        long id;
        switch (value)
        {
            case null:
                throw context.Error(entry, $"it has no {name}");
            case long number:
                id = number;
                break;
            case string text when long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long parsed):
                id = parsed;
                break;
            default:
                throw context.Error(entry, $"the {name} is not a whole number");
        }
        if (id < 1 || id > MaxId) throw context.Error(entry, $"the {name} is outside 1 to {MaxId} (device ids are 6 bytes)");
        return id;
    }

    /// <summary>The TCP port in <paramref name="value"/>; <see cref="DefaultPort"/> when missing or empty.</summary>
    /// <param name="context">The file being read.</param>
    /// <param name="entry">The entry, for the message.</param>
    /// <param name="value">A long, a string or null.</param>
    /// <param name="name">The key's name in the format.</param>
    /// <exception cref="ImportFormatException">Not a whole number from 1 to 65535.</exception>
    public static int Port(ImportContext context, string entry, object? value, string name)
    {
        long? port = OptionalNumber(context, entry, value, name, 1, 65535);
        return port is null ? DefaultPort : (int)port.Value;
    }

    /// <summary>The protocol version in <paramref name="value"/> (1, 2 or 3), or null when missing or empty.</summary>
    /// <param name="context">The file being read.</param>
    /// <param name="entry">The entry, for the message.</param>
    /// <param name="value">A long, a string or null.</param>
    /// <param name="name">The key's name in the format.</param>
    /// <exception cref="ImportFormatException">Not 1, 2 or 3.</exception>
    public static int? Version(ImportContext context, string entry, object? value, string name)
    {
        long? version = OptionalNumber(context, entry, value, name, 1, 3);
        return version is null ? null : (int)version.Value;
    }

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/> in <paramref name="value"/>
    /// (a long or decimal text), or null when it is missing or empty text.
    /// </summary>
    /// <param name="context">The file being read.</param>
    /// <param name="entry">The entry, for the message.</param>
    /// <param name="value">A long, a string or null.</param>
    /// <param name="name">The key's name in the format.</param>
    /// <param name="min">Smallest value allowed.</param>
    /// <param name="max">Largest value allowed.</param>
    /// <exception cref="ImportFormatException">Anything else.</exception>
    public static long? OptionalNumber(ImportContext context, string entry, object? value, string name, long min, long max)
    {
        long number;
        switch (value)
        {
            case null:
            case string empty when empty.Trim().Length == 0:
                return null;
            case long l:
                number = l;
                break;
            case string text when long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed):
                number = parsed;
                break;
            default:
                throw context.Error(entry, $"the {name} is not a whole number from {min} to {max}");
        }
        if (number < min || number > max) throw context.Error(entry, $"the {name} is not a whole number from {min} to {max}");
        return number;
    }

    /// <summary>Text in <paramref name="value"/>, trimmed; null when missing or empty.</summary>
    /// <param name="context">The file being read.</param>
    /// <param name="entry">The entry, for the message.</param>
    /// <param name="value">A string or null.</param>
    /// <param name="name">The key's name in the format.</param>
    /// <exception cref="ImportFormatException">A value that is not text (a number, an object).</exception>
    public static string? Text(ImportContext context, string entry, object? value, string name) => value switch
    {
        null => null,
        string text => text.Trim().Length == 0 ? null : text.Trim(),
        _ => throw context.Error(entry, $"the {name} is not text"),
    };

    /// <summary>An appliance type number (JSON number or Python int) as its byte.</summary>
    /// <param name="context">The file being read.</param>
    /// <param name="entry">The entry, for the message.</param>
    /// <param name="value">The number.</param>
    /// <param name="name">The key's name in the format.</param>
    /// <exception cref="ImportFormatException">Outside 0 to 255.</exception>
    public static byte TypeByte(ImportContext context, string entry, long value, string name) =>
        value is >= 0 and <= 255 ? (byte)value : throw context.Error(entry, $"the {name} is not an appliance type (0 to 255)");

    /// <summary>An appliance type written as hex text ("AC", "ac", "0xCC"), or null when the text is not that.</summary>
    /// <param name="text">The text.</param>
    public static byte? HexType(string text)
    {
        string digits = text.Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) digits = digits.Substring(2);
        return digits.Length is 1 or 2 && byte.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte type) ? type : null;
    }

    /// <summary>True for the appliance types this module drives: 0xAC and 0xCC.</summary>
    /// <param name="type">The appliance type.</param>
    public static bool Drives(byte type) => type is AirConditioner.ApplianceType or CommercialAc.ApplianceType;

    /// <summary>The note for an entry of an appliance type this module does not drive.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="type">Its appliance type.</param>
    public static string OtherTypeNote(string entry, byte type) =>
        $"{entry} is appliance type 0x{type:X2}, which this module does not drive (it drives air conditioners, 0xAC, and commercial air conditioners, 0xCC): skipped";

    /// <summary>The note for an entry of protocol version 1, which this module does not speak.</summary>
    /// <param name="entry">The entry.</param>
    public static string VersionOneNote(string entry) =>
        $"{entry} is a protocol version 1 unit, which this module does not drive (it speaks versions 2 and 3): skipped";

    /// <summary>
    /// A V3 token or key as bytes: <paramref name="size"/> * 2 hex digits in either case (white space
    /// between them ignored); null when missing, null or empty, which every format uses for "none".
    /// </summary>
    /// <param name="context">The file being read.</param>
    /// <param name="entry">The entry, for the message.</param>
    /// <param name="value">A string or null.</param>
    /// <param name="size">Bytes expected (64 for a token, 32 for a key).</param>
    /// <param name="name">The key's name in the format.</param>
    /// <exception cref="ImportFormatException">Not text, a character that is not a hex digit, or the wrong number of digits; the message gives neither the value nor the character.</exception>
    public static byte[]? Secret(ImportContext context, string entry, object? value, int size, string name)
    {
        if (value is null) return null;
        if (value is not string text) throw context.Error(entry, $"the {name} is not text ({size * 2} hex digits)");
        var digits = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (!Uri.IsHexDigit(c)) throw context.Error(entry, $"the {name} contains a character that is not a hex digit (it must be {size * 2} hex digits)");
            digits.Append(c);
        }
        if (digits.Length == 0) return null;
        if (digits.Length != size * 2) throw context.Error(entry, $"the {name} has {digits.Length} hex digits, not {size * 2}");
        byte[] bytes = Hex.Decode(digits.ToString());
        digits.Clear();
        return bytes;
    }

    /// <summary>
    /// A MAC address in the store's form (aa:bb:cc:dd:ee:ff) from 12 hex digits with or without
    /// separators; null, with a note, for anything else, since a MAC is a detail not worth failing a file for.
    /// </summary>
    /// <param name="context">The file being read (for the note).</param>
    /// <param name="entry">The entry.</param>
    /// <param name="value">A string or null.</param>
    public static string? Mac(ImportContext context, string entry, object? value)
    {
        if (value is not string text || text.Trim().Length == 0) return null;
        var digits = new StringBuilder(12);
        foreach (char c in text)
        {
            if (c is ':' or '-' or '.' || char.IsWhiteSpace(c)) continue;
            digits.Append(c);
        }
        if (digits.Length == 12)
        {
            try
            {
                return Hex.FormatMac(Hex.Decode(digits.ToString()));
            }
            catch (FormatException)
            {
                // Falls through to the note.
            }
        }
        context.Note($"{entry}: the MAC address is not 12 hex digits; imported without it");
        return null;
    }

    /// <summary>
    /// The store entry for one unit. The version is the file's when it names one; otherwise 3 when
    /// the entry has a token and key and 2 when it has none (docs/import-formats.md §1.3).
    /// </summary>
    /// <param name="context">The file being read.</param>
    /// <param name="entry">The entry, for the message.</param>
    /// <param name="id">Device id.</param>
    /// <param name="address">Address or host name; empty when the file has none (Homebridge).</param>
    /// <param name="port">TCP port.</param>
    /// <param name="type">Appliance type (0xAC or 0xCC).</param>
    /// <param name="version">Protocol version the file names (2 or 3), or null.</param>
    /// <param name="token">Token bytes or null.</param>
    /// <param name="key">Key bytes or null.</param>
    /// <param name="name">Name or null.</param>
    /// <param name="serialNumber">Serial number or null.</param>
    /// <param name="mac">MAC address (aa:bb:cc:dd:ee:ff) or null.</param>
    /// <exception cref="ImportFormatException">A token without a key or a key without a token: one alone cannot authenticate, and guessing which is wrong could hide a damaged file.</exception>
    public static StoredDevice Device(ImportContext context, string entry, long id, string address, int port, byte type, int? version,
        byte[]? token, byte[]? key, string? name, string? serialNumber, string? mac)
    {
        if ((token is null) != (key is null))
        {
            if (token != null) Array.Clear(token, 0, token.Length);
            if (key != null) Array.Clear(key, 0, key.Length);
            throw context.Error(entry, token is null ? "it has a key but no token (a V3 unit needs both)" : "it has a token but no key (a V3 unit needs both)");
        }
        if (version == 3 && token is null)
            context.Note($"{entry}: a protocol version 3 unit without a token and key; imported without them (Get-MideaToken can look them up)");
        return new StoredDevice
        {
            Id = id,
            Address = address,
            Port = port,
            Name = name ?? "",
            SerialNumber = serialNumber ?? "",
            Type = Appliance.TypeName(type),
            ProtocolVersion = version ?? (token is null ? 2 : 3),
            MacAddress = mac,
            Token = token,
            Key = key,
        };
    }

    /// <summary>Line and column (both from 1) of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="offset">A character offset into it.</param>
    public static (int Line, int Column) Position(string text, int offset)
    {
        int line = 1, start = 0;
        int end = Math.Min(offset, text.Length);
        for (int i = 0; i < end; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        }
        return (line, end - start + 1);
    }
}
