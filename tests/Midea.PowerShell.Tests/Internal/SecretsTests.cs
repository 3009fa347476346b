using System;
using System.Security;
using Midea.PowerShell.Internal;

namespace Midea.PowerShell.Tests;

/// <summary>SecureString conversions of the token and key parameters: a refused value is never quoted.</summary>
public class SecretsTests
{
    /// <summary>Distinctive enough that finding it in a message cannot be chance.</summary>
    private const string TokenLike = "c0ffee5ec2e7c0ffee5ec2e7c0ffee5ec2e7c0ffee5ec2e7c0ffee5ec2e7";

    [Fact]
    public void A_string_goes_in_and_comes_out_unchanged_and_the_SecureString_is_read_only()
    {
        using SecureString secure = Secrets.FromString("pa55 wörd\u20ac");
        Assert.True(secure.IsReadOnly());
        Assert.Equal(10, secure.Length);
        Assert.Equal("pa55 wörd\u20ac", Secrets.ToPlain(secure));
    }

    [Fact]
    public void An_empty_SecureString_is_an_empty_string()
    {
        using var secure = new SecureString();
        Assert.Equal("", Secrets.ToPlain(secure));
    }

    [Theory]
    [InlineData("000102030405060708090a0b0c0d0e0f")]
    [InlineData("000102030405060708090A0B0C0D0E0F")]
    [InlineData("00:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f")]
    [InlineData(" 00010203 04050607 08090a0b 0c0d0e0f ")]
    public void Hex_text_of_the_right_length_gives_its_bytes(string text)
    {
        using SecureString secure = Secrets.FromString(text);
        byte[] bytes = Secrets.HexBytes(secure, 16, "key");
        Assert.Equal(16, bytes.Length);
        for (int i = 0; i < bytes.Length; i++) Assert.Equal(i, bytes[i]);
    }

    [Fact]
    public void Text_that_is_not_hex_is_refused_without_quoting_it()
    {
        string value = TokenLike + "zz";
        using SecureString secure = Secrets.FromString(value);
        var error = Assert.Throws<ArgumentException>(() => Secrets.HexBytes(secure, 31, "token"));
        Assert.Equal("The token must be hex text (62 hex digits).", error.Message);
        AssertNotQuoted(error, value);
    }

    [Fact]
    public void Hex_of_the_wrong_length_is_refused_with_both_lengths_and_without_quoting_it()
    {
        using SecureString secure = Secrets.FromString(TokenLike);
        var error = Assert.Throws<ArgumentException>(() => Secrets.HexBytes(secure, 64, "token"));
        Assert.Equal("The token must be 64 bytes (128 hex digits), not 30 bytes.", error.Message);
        AssertNotQuoted(error, TokenLike);
    }

    [Fact]
    public void An_odd_number_of_digits_is_refused_without_quoting_any_of_them()
    {
        using SecureString secure = Secrets.FromString(TokenLike + "c");
        var error = Assert.Throws<ArgumentException>(() => Secrets.HexBytes(secure, 32, "key"));
        Assert.Equal("The key must be hex text (64 hex digits).", error.Message);
        AssertNotQuoted(error, TokenLike);
    }

    private static void AssertNotQuoted(Exception error, string value)
    {
        // Nothing below the message either: no inner exception that could quote a digit.
        Assert.Null(error.InnerException);
        Assert.DoesNotContain(value, error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(value.Substring(0, 8), error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
