using System;

namespace Midea.Protocol.Codec;

/// <summary>Dallas/Maxim CRC-8 (reflected polynomial 0x8C, init 0), the AA body check (protocol.md §4.3).</summary>
public static class Crc8
{
    private static readonly byte[] Table = BuildTable();

    /// <summary>CRC-8 of <paramref name="data"/>.</summary>
    public static byte Compute(ReadOnlySpan<byte> data)
    {
        byte crc = 0;
        foreach (byte b in data) crc = Table[crc ^ b];
        return crc;
    }

    private static byte[] BuildTable()
    {
        var table = new byte[256];
        for (int i = 0; i < 256; i++)
        {
            int c = i;
            for (int bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? (c >> 1) ^ 0x8C : c >> 1;
            table[i] = (byte)c;
        }
        return table;
    }
}
