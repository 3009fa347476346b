using System;
using System.Text;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Tests;

public class Crc8Tests
{
    [Fact]
    public void Check_value_of_123456789_is_a1()
    {
        Assert.Equal(0xa1, Crc8.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Crc_of_nothing_is_zero()
    {
        Assert.Equal(0x00, Crc8.Compute(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Single_bytes_give_the_table_of_section_4_3()
    {
        // With init 0, the CRC of one byte i is table entry i.
        byte[] expected = Hex.Decode("005ebce2613fdd83c29c7e20a3fd1f41");
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], Crc8.Compute(new[] { (byte)i }));
        }
    }

    [Theory]
    // Frames whose CRC (the byte before the checksum) is valid: F01, F02, F03, F04, F11, F12, F13, F14, F15, F16, S02, S03, S05.
    [InlineData("aa21ac00000000000003418100ff03ff00020000000000000000000000000311f463", 0xf4)]
    [InlineData("aa21ac00000000000003418100ff03ff0002000000000000000000000000030169fe", 0x69)]
    [InlineData("aa0fac00000000000003b5010001e5a6", 0xe5)]
    [InlineData("aa10ac00000000000003b5010101012365", 0x23)]
    [InlineData("aa21ac00000000000003414200ff020002000000000000000000000000000001e6c3", 0xe6)]
    [InlineData("aa24ac00000000000002404348667f7f003000000000000000000000002800000000014f57", 0x4f)]
    [InlineData("aa24ac000000000000024003963c7f7f003f2000020000000000000000280000000001f998", 0xf9)]
    [InlineData("aa24ac00000000000002404220287f7f003c00800500000000000000132800800000010cdd", 0x0c)]
    [InlineData("aa12ac00000000000003b10209000a00011761", 0x17)]
    [InlineData("aa16ac00000000000002b002090001191a000101012d1d", 0x2d)]
    [InlineData("aa22ac00000000000303c0014566000000300010045eff00000000000000000069fdb9", 0xfd)]
    [InlineData("aa23ac00000000000303c00145660000003c0010045c6b20000000000000000000020d79", 0x0d)]
    [InlineData("aa23ac00000000000303c00145660000003c0010045c6800000000000000000000018426", 0x84)]
    public void Crc_of_vector_bodies(string frame, int crc)
    {
        byte[] bytes = Hex.Decode(frame);
        Assert.Equal(crc, Crc8.Compute(bytes.AsSpan(10, bytes.Length - 12)));
    }

    [Fact]
    public void Appending_the_crc_gives_zero()
    {
        // A reflected CRC with no final XOR: data followed by its CRC has CRC 0.
        byte[] data = Encoding.ASCII.GetBytes("123456789");
        var withCrc = new byte[data.Length + 1];
        data.CopyTo(withCrc, 0);
        withCrc[data.Length] = Crc8.Compute(data);
        Assert.Equal(0, Crc8.Compute(withCrc));
    }
}
