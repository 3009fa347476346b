using System;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Tests;

public class HexTests
{
    [Fact]
    public void Encode_gives_lowercase_pairs()
    {
        Assert.Equal("00017f80abff", Hex.Encode(new byte[] { 0x00, 0x01, 0x7f, 0x80, 0xab, 0xff }));
    }

    [Fact]
    public void Encode_of_nothing_is_empty()
    {
        Assert.Equal("", Hex.Encode(Array.Empty<byte>()));
    }

    [Theory]
    [InlineData("00017f80abff")]
    [InlineData("00017F80ABFF")]
    [InlineData("00 01 7f 80 ab ff")]
    [InlineData("00:01:7f:80:ab:ff")]
    [InlineData("00-01-7f-80-ab-ff")]
    [InlineData("0001\t7f80\r\nabff")]
    public void Decode_accepts_case_and_separators(string text)
    {
        Assert.Equal(new byte[] { 0x00, 0x01, 0x7f, 0x80, 0xab, 0xff }, Hex.Decode(text));
    }

    [Fact]
    public void Decode_of_empty_text_is_empty()
    {
        Assert.Empty(Hex.Decode(""));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0g")]
    [InlineData("zz")]
    [InlineData("0x12")]
    public void Decode_rejects_bad_text(string text)
    {
        Assert.Throws<FormatException>(() => Hex.Decode(text));
    }

    [Fact]
    public void Decode_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => Hex.Decode(null!));
    }

    [Fact]
    public void Round_trip_of_every_byte_value()
    {
        var all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte)i;
        string text = Hex.Encode(all);
        Assert.Equal(512, text.Length);
        Assert.Equal(all, Hex.Decode(text));
        Assert.Equal(all, Hex.Decode(text.ToUpperInvariant()));
    }

    [Fact]
    public void A_mac_is_lowercase_pairs_joined_by_colons_and_reads_back()
    {
        // The MAC of the captured V3 discovery reply (docs/protocol.md §7.1).
        byte[] mac = { 0xb8, 0x8c, 0x29, 0xc9, 0x63, 0xba };
        Assert.Equal("b8:8c:29:c9:63:ba", Hex.FormatMac(mac));
        Assert.Equal(mac, Hex.Decode(Hex.FormatMac(mac)));
        Assert.Equal("", Hex.FormatMac(Array.Empty<byte>()));
    }
}
