using System;
using System.Text;

namespace Midea.Protocol.Codec;

/// <summary>Lowercase hex conversion; netstandard2.0 has no Convert.FromHexString.</summary>
public static class Hex
{
    /// <summary>Lowercase hex text of <paramref name="bytes"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length * 2);
        foreach (byte b in bytes)
        {
            text.Append(Digits[b >> 4]).Append(Digits[b & 0xF]);
        }
        return text.ToString();
    }

    /// <summary>Bytes of a hex string; spaces, colons and dashes between pairs are allowed.</summary>
    /// <exception cref="FormatException">The text is not an even number of hex digits.</exception>
    public static byte[] Decode(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var digits = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is ' ' or ':' or '-' or '\t' or '\r' or '\n') continue;
            digits.Append(c);
        }
        if (digits.Length % 2 != 0) throw new FormatException("Hex text must have an even number of digits.");
        var bytes = new byte[digits.Length / 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((Nibble(digits[2 * i]) << 4) | Nibble(digits[2 * i + 1]));
        }
        return bytes;
    }

    /// <summary>A MAC address as people write it: lowercase hex pairs joined by colons.</summary>
    public static string FormatMac(ReadOnlySpan<byte> mac)
    {
        var text = new StringBuilder(mac.Length * 3);
        foreach (byte b in mac)
        {
            if (text.Length > 0) text.Append(':');
            text.Append(Digits[b >> 4]).Append(Digits[b & 0xF]);
        }
        return text.ToString();
    }

    private const string Digits = "0123456789abcdef";

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => throw new FormatException($"'{c}' is not a hex digit."),
    };
}
