using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Midea.Protocol.Codec;
using Midea.Protocol.Provisioning;

namespace Midea.Protocol.Tests;

/// <summary>The local-key scheme of protocol.md §3.2.4, checked against the platform's own SHA-256 and AES.</summary>
public class LocalKeyTests
{
    private const string Ssid = "Home-Net";
    private const string Passphrase = "changeme123";
    private const string Mac = "e6:95:6e:41:f7:a0";

    private static byte[] Psk(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] L => LocalKey.Derive(Ssid, Psk(Passphrase), Hex.Decode(Mac));

    /// <summary>Fixed "random" part: 0x00..0x1f.</summary>
    private static byte[] FixedRandom => Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    /// <summary>SHA256(ssid ‖ passphrase ‖ mac) without the code under test.</summary>
    private static byte[] ExpectedLocalKey(string ssid, byte[] passphrase, byte[] mac)
    {
        byte[] ssidBytes = Encoding.UTF8.GetBytes(ssid);
        byte[] all = new byte[ssidBytes.Length + passphrase.Length + mac.Length];
        ssidBytes.CopyTo(all, 0);
        passphrase.CopyTo(all, ssidBytes.Length);
        mac.CopyTo(all, ssidBytes.Length + passphrase.Length);
        return SHA256.HashData(all);
    }

    /// <summary>AES-256-CBC with a zero IV and no padding, without the code under test.</summary>
    private static byte[] AesCbcEncrypt(byte[] key, byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptCbc(plain, new byte[16], PaddingMode.None);
    }

    [Theory]
    [InlineData("Home-Net", "changeme123", "e6956e41f7a0")]
    [InlineData("ExampleNet", "example-psk-123", "b88c29c963ba")]
    [InlineData("net_ac_6DCA", "12345678", "0011226dca00")]
    [InlineData("Küche \U0001F3E0", "pässwört-ok", "ffffffffffff")]
    [InlineData("x", "", "000000000000")]
    [InlineData("", "", "000000000000")]
    public void Derive_is_sha256_of_ssid_passphrase_and_mac(string ssid, string passphrase, string mac)
    {
        byte[] expected = ExpectedLocalKey(ssid, Psk(passphrase), Hex.Decode(mac));
        byte[] actual = LocalKey.Derive(ssid, Psk(passphrase), Hex.Decode(mac));
        Assert.Equal(32, actual.Length);
        Assert.Equal(Hex.Encode(expected), Hex.Encode(actual));
    }

    [Fact]
    public void Derive_matches_the_worked_example_of_protocol_md()
    {
        // §3.7: ssid ExampleNet, psk example-psk-123, mac b8:8c:29:c9:63:ba.
        Assert.Equal(Vectors.LocalKey, Hex.Encode(LocalKey.Derive("ExampleNet", Psk("example-psk-123"), Hex.Decode("b8:8c:29:c9:63:ba"))));
    }

    [Fact]
    public void Derive_is_a_plain_concatenation_without_separators()
    {
        // Plain concatenation: moving a byte from the SSID to the passphrase gives the same key.
        // This is what the scheme specifies, so the test pins it rather than judging it.
        byte[] mac = Hex.Decode(Mac);
        Assert.Equal(LocalKey.Derive("ab", Psk("cdefghij"), mac), LocalKey.Derive("abc", Psk("defghij"), mac));
        Assert.NotEqual(LocalKey.Derive("ab", Psk("cdefghij"), mac), LocalKey.Derive("ab", Psk("cdefghik"), mac));
    }

    [Fact]
    public void Derive_rejects_bad_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => LocalKey.Derive(null!, Psk(Passphrase), Hex.Decode(Mac)));
        Assert.Throws<ArgumentNullException>(() => LocalKey.Derive(Ssid, null!, Hex.Decode(Mac)));
        Assert.Throws<ArgumentException>(() => LocalKey.Derive(Ssid, Psk(Passphrase), null!));
        Assert.Throws<ArgumentException>(() => LocalKey.Derive(Ssid, Psk(Passphrase), new byte[5]));
        Assert.Throws<ArgumentException>(() => LocalKey.Derive(Ssid, Psk(Passphrase), new byte[7]));
    }

    [Fact]
    public void Mint_with_a_fixed_random_gives_a_token_that_verifies()
    {
        byte[] localKey = L;
        (byte[] token, byte[] key) = LocalKey.Mint(localKey, FixedRandom);
        Assert.Equal(64, token.Length);
        Assert.Equal(32, key.Length);
        Assert.Equal(Hex.Encode(key), Hex.Encode(LocalKey.Verify(localKey, token)!));
    }

    [Fact]
    public void Minted_key_is_random_xor_local_key()
    {
        byte[] localKey = L;
        byte[] random = FixedRandom;
        (_, byte[] key) = LocalKey.Mint(localKey, random);
        byte[] expected = new byte[32];
        for (int i = 0; i < 32; i++) expected[i] = (byte)(random[i] ^ localKey[i]);
        Assert.Equal(expected, key);
    }

    [Fact]
    public void Token_is_aes_of_the_key_then_sha256_of_the_key()
    {
        byte[] localKey = L;
        (byte[] token, byte[] key) = LocalKey.Mint(localKey, FixedRandom);
        Assert.Equal(Hex.Encode(SHA256.HashData(key)), Hex.Encode(token.AsSpan(32, 32)));
        Assert.Equal(Hex.Encode(AesCbcEncrypt(localKey, key)), Hex.Encode(token.AsSpan(0, 32)));
    }

    [Fact]
    public void Mint_matches_the_worked_example_of_protocol_md()
    {
        // §3.7: r = 00..1f under the worked-example local key.
        (byte[] token, byte[] key) = LocalKey.Mint(Hex.Decode(Vectors.LocalKey), FixedRandom);
        Assert.Equal(Vectors.Key, Hex.Encode(key));
        Assert.Equal(Vectors.Token, Hex.Encode(token));
        Assert.Equal(Vectors.Key, Hex.Encode(LocalKey.Verify(Hex.Decode(Vectors.LocalKey), Hex.Decode(Vectors.Token))!));
    }

    [Fact]
    public void Mint_does_not_change_its_inputs()
    {
        byte[] localKey = L;
        byte[] random = FixedRandom;
        LocalKey.Mint(localKey, random);
        Assert.Equal(L, localKey);
        Assert.Equal(FixedRandom, random);
    }

    [Theory]
    [InlineData("Home-Net2", Passphrase, Mac)]
    [InlineData("home-net", Passphrase, Mac)]
    [InlineData(Ssid, "changeme124", Mac)]
    [InlineData(Ssid, "", Mac)]
    [InlineData(Ssid, Passphrase, "e6:95:6e:41:f7:a1")]
    [InlineData(Ssid, Passphrase, "00:00:00:00:00:00")]
    public void Verify_with_another_local_key_returns_null(string ssid, string passphrase, string mac)
    {
        (byte[] token, _) = LocalKey.Mint(L, FixedRandom);
        byte[] other = LocalKey.Derive(ssid, Psk(passphrase), Hex.Decode(mac));
        Assert.NotEqual(L, other);
        Assert.Null(LocalKey.Verify(other, token));
    }

    [Fact]
    public void Verify_with_any_single_flipped_bit_returns_null()
    {
        byte[] localKey = L;
        (byte[] token, _) = LocalKey.Mint(localKey, FixedRandom);
        for (int bit = 0; bit < token.Length * 8; bit++)
        {
            byte[] damaged = (byte[])token.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.True(LocalKey.Verify(localKey, damaged) is null, $"token with bit {bit} flipped verified");
        }
        Assert.NotNull(LocalKey.Verify(localKey, token));
    }

    [Fact]
    public void Verify_with_a_flipped_local_key_bit_returns_null()
    {
        byte[] localKey = L;
        (byte[] token, _) = LocalKey.Mint(localKey, FixedRandom);
        for (int bit = 0; bit < 256; bit += 7)
        {
            byte[] other = (byte[])localKey.Clone();
            other[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Null(LocalKey.Verify(other, token));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(128)]
    public void Verify_with_a_token_of_the_wrong_length_returns_null(int length)
    {
        byte[] localKey = L;
        (byte[] token, _) = LocalKey.Mint(localKey, FixedRandom);
        byte[] wrong = new byte[length];
        Array.Copy(token, wrong, Math.Min(length, token.Length));
        Assert.Null(LocalKey.Verify(localKey, wrong));
    }

    [Fact]
    public void Verify_with_a_null_token_returns_null()
    {
        Assert.Null(LocalKey.Verify(L, null!));
    }

    [Fact]
    public void Verify_of_an_all_zero_token_returns_null()
    {
        Assert.Null(LocalKey.Verify(L, new byte[64]));
    }

    [Fact]
    public void Mint_without_a_random_gives_different_tokens_that_both_verify()
    {
        byte[] localKey = L;
        (byte[] token1, byte[] key1) = LocalKey.Mint(localKey);
        (byte[] token2, byte[] key2) = LocalKey.Mint(localKey);
        Assert.NotEqual(Hex.Encode(token1), Hex.Encode(token2));
        Assert.NotEqual(Hex.Encode(key1), Hex.Encode(key2));
        Assert.Equal(key1, LocalKey.Verify(localKey, token1));
        Assert.Equal(key2, LocalKey.Verify(localKey, token2));
        Assert.Equal(Hex.Encode(SHA256.HashData(key1)), Hex.Encode(token1.AsSpan(32, 32)));
        Assert.Equal(Hex.Encode(AesCbcEncrypt(localKey, key2)), Hex.Encode(token2.AsSpan(0, 32)));
    }

    [Fact]
    public void Minted_pair_is_accepted_by_the_handshake_verification_rule()
    {
        // §3.2.3 (b) written out with the platform's AES: K = AES-CBC-Decrypt(L, T[0:32]); accept iff SHA256(K) == T[32:64].
        byte[] localKey = L;
        (byte[] token, byte[] key) = LocalKey.Mint(localKey);
        using var aes = Aes.Create();
        aes.Key = localKey;
        byte[] k = aes.DecryptCbc(token.AsSpan(0, 32).ToArray(), new byte[16], PaddingMode.None);
        Assert.Equal(key, k);
        Assert.Equal(SHA256.HashData(k), token.AsSpan(32, 32).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void Mint_and_verify_reject_a_local_key_that_is_not_32_bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => LocalKey.Mint(new byte[length], FixedRandom));
        Assert.Throws<ArgumentException>(() => LocalKey.Verify(new byte[length], new byte[64]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Mint_rejects_a_random_that_is_not_32_bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => LocalKey.Mint(L, new byte[length]));
    }

    [Fact]
    public void Mint_and_verify_reject_a_null_local_key()
    {
        Assert.Throws<ArgumentException>(() => LocalKey.Mint(null!));
        Assert.Throws<ArgumentException>(() => LocalKey.Verify(null!, new byte[64]));
    }
}
