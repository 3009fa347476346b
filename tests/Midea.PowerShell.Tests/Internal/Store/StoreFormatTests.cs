using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Tests;

/// <summary>The XML of the device store and of exports: what is written reads back, and a damaged file is refused by name.</summary>
public class StoreFormatTests
{
    private const string StorePath = "/home/someone/.config/midea/devices.xml";

    /// <summary>A token and key distinctive enough that finding them in a message cannot be chance.</summary>
    private static readonly byte[] Token = Enumerable.Range(0, 64).Select(i => (byte)(0xA0 ^ i * 7)).ToArray();
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(0x5C ^ i * 13)).ToArray();

    private static string TokenHex => Convert.ToHexStringLower(Token);
    private static string KeyHex => Convert.ToHexStringLower(Key);

    private static StoredDevice V3() => new()
    {
        Id = 147334558165565,
        Address = "127.0.0.3",
        Port = 6444,
        Name = "net_ac_F7A0",
        SerialNumber = "000000P0000000Q1F0C9D153F7A00000",
        ProtocolVersion = 3,
        MacAddress = "f0:c9:d1:53:f7:a0",
        Token = (byte[])Token.Clone(),
        Key = (byte[])Key.Clone(),
        SavedUtc = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc),
    };

    private static StoredDevice V2() => new()
    {
        Id = 15393162840672,
        Address = "ac-livingroom",
        Port = 6445,
        Name = "",
        SerialNumber = "",
        ProtocolVersion = 2,
        SavedUtc = new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc),
    };

    private static void AssertSame(StoredDevice expected, StoredDevice actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Address, actual.Address);
        Assert.Equal(expected.Port, actual.Port);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.SerialNumber, actual.SerialNumber);
        Assert.Equal(expected.ProtocolVersion, actual.ProtocolVersion);
        Assert.Equal(expected.MacAddress, actual.MacAddress);
        Assert.Equal(expected.Token, actual.Token);
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.SavedUtc, actual.SavedUtc);
        Assert.Equal(DateTimeKind.Utc, actual.SavedUtc.Kind);
    }

    [Fact]
    public void Devices_written_as_hex_read_back_field_for_field_and_in_order()
    {
        byte[] xml = StoreFormat.Serialize(new[] { V3(), V2() }, SecretEncoding.Hex);
        List<StoredDevice> read = StoreFormat.Parse(xml, StorePath, isStore: true);
        Assert.Equal(2, read.Count);
        AssertSame(V3(), read[0]);
        AssertSame(V2(), read[1]);
        Assert.True(read[0].HasCredentials);
        Assert.False(read[1].HasCredentials);
    }

    [Fact]
    public void The_file_is_utf8_without_a_byte_order_mark_with_root_MideaDevices_version_1()
    {
        byte[] xml = StoreFormat.Serialize(new[] { V3() }, SecretEncoding.Hex);
        Assert.Equal((byte)'<', xml[0]);
        XDocument document = XDocument.Parse(Encoding.UTF8.GetString(xml));
        Assert.Equal("MideaDevices", document.Root!.Name.LocalName);
        Assert.Equal("1", (string?)document.Root.Attribute("formatVersion"));
        XElement device = Assert.Single(document.Root.Elements("Device"));
        Assert.Equal("147334558165565", (string?)device.Attribute("id"));
        Assert.Equal("2026-01-02T03:04:05.6780000Z", (string?)device.Attribute("savedUtc"));
        Assert.Equal(TokenHex, device.Element("Token")!.Value);
        Assert.Equal("hex", (string?)device.Element("Key")!.Attribute("encoding"));
    }

    [Fact]
    public void Omitting_secrets_writes_no_token_or_key_and_reads_back_without_them()
    {
        byte[] xml = StoreFormat.Serialize(new[] { V3() }, SecretEncoding.Omit);
        string text = Encoding.UTF8.GetString(xml);
        Assert.DoesNotContain(TokenHex, text, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyHex, text, StringComparison.Ordinal);
        StoredDevice read = Assert.Single(StoreFormat.Parse(xml, StorePath, isStore: false));
        Assert.Null(read.Token);
        Assert.Null(read.Key);
        Assert.Equal("net_ac_F7A0", read.Name);
    }

    [Fact]
    public void An_empty_list_is_a_valid_file()
    {
        byte[] xml = StoreFormat.Serialize(Array.Empty<StoredDevice>(), SecretEncoding.Hex);
        Assert.Empty(StoreFormat.Parse(xml, StorePath, isStore: true));
    }

    [Fact]
    public void Elements_and_attributes_of_a_later_version_are_ignored_and_optional_ones_may_be_missing()
    {
        string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <MideaDevices formatVersion="1" writer="a later module">
              <Comment>kept by a later version</Comment>
              <Device id="42" address=" 127.0.0.5 " port="6444" protocolVersion="2" colour="blue">
                <Room>kitchen</Room>
              </Device>
            </MideaDevices>
            """;
        StoredDevice read = Assert.Single(StoreFormat.Parse(Encoding.UTF8.GetBytes(xml), StorePath, isStore: true));
        Assert.Equal(42, read.Id);
        Assert.Equal("127.0.0.5", read.Address);
        Assert.Equal("", read.Name);
        Assert.Equal("", read.SerialNumber);
        Assert.Null(read.MacAddress);
        Assert.Equal(default(DateTime), read.SavedUtc);
    }

    [Fact]
    public void Hex_secrets_may_be_uppercase_and_wrapped()
    {
        string wrapped = string.Join("\n      ", Enumerable.Range(0, 4).Select(i => TokenHex.Substring(i * 32, 32).ToUpperInvariant()));
        string xml = $"""
            <MideaDevices formatVersion="1">
              <Device id="1" address="127.0.0.3" port="6444" protocolVersion="3">
                <Token>
                  {wrapped}
                </Token>
                <Key encoding="hex">{KeyHex}</Key>
              </Device>
            </MideaDevices>
            """;
        StoredDevice read = Assert.Single(StoreFormat.Parse(Encoding.UTF8.GetBytes(xml), StorePath, isStore: true));
        Assert.Equal(Token, read.Token);
        Assert.Equal(Key, read.Key);
    }

    /// <summary>A device element, with <paramref name="attributes"/> replacing the defaults and <paramref name="inner"/> inside.</summary>
    private static string OneDevice(string attributes = "id=\"1\" address=\"127.0.0.3\" port=\"6444\" protocolVersion=\"3\"", string inner = "") =>
        $"<MideaDevices formatVersion=\"1\">\n  <Device {attributes}>{inner}</Device>\n</MideaDevices>";

    public static TheoryData<string, string> Damaged() => new()
    {
        { "", "the file is empty" },
        { "<MideaDevices formatVersion=\"1\"><Device", "it is not well-formed XML (the parser stopped at line 1, position 40)" },
        { "<Devices formatVersion=\"1\"/>", "the root element is 'Devices', not 'MideaDevices'" },
        { "<MideaDevices/>", "the root element has no formatVersion attribute" },
        { "<MideaDevices formatVersion=\"2\"/>", "format version '2' is not supported by this version of the module (it reads version 1)" },
        { OneDevice("address=\"127.0.0.3\" port=\"6444\" protocolVersion=\"3\""), "device #1 (line 2): the attribute 'id' is missing" },
        { OneDevice("id=\"0\" address=\"127.0.0.3\" port=\"6444\" protocolVersion=\"3\""), "device #1 (line 2): id '0' is not a whole number from 1 to 281474976710655" },
        { OneDevice("id=\"281474976710656\" address=\"127.0.0.3\" port=\"6444\" protocolVersion=\"3\""), "device #1 (line 2): id '281474976710656' is not a whole number from 1 to 281474976710655" },
        { OneDevice("id=\"-5\" address=\"127.0.0.3\" port=\"6444\" protocolVersion=\"3\""), "device #1 (line 2): id '-5' is not a whole number from 1 to 281474976710655" },
        { OneDevice("id=\"1\" address=\"  \" port=\"6444\" protocolVersion=\"3\""), "device #1 (line 2): the address is empty" },
        { OneDevice("id=\"1\" address=\"127.0.0.3\" port=\"65536\" protocolVersion=\"3\""), "device #1 (line 2): port '65536' is not a whole number from 1 to 65535" },
        { OneDevice("id=\"1\" address=\"127.0.0.3\" port=\"6444\" protocolVersion=\"1\""), "device #1 (line 2): protocolVersion '1' is not a whole number from 2 to 3" },
        { OneDevice("id=\"1\" address=\"127.0.0.3\" port=\"6444\" protocolVersion=\"3\" savedUtc=\"yesterday\""), "device #1 (line 2): savedUtc 'yesterday' is not a date and time" },
        { OneDevice(inner: "<Token encoding=\"rot13\">00</Token>"), "device #1 (line 2): the token has the unknown encoding 'rot13'" },
        {
            "<MideaDevices formatVersion=\"1\">\n  <Device id=\"7\" address=\"127.0.0.3\" port=\"6444\" protocolVersion=\"3\"/>\n  <Device id=\"7\" address=\"127.0.0.4\" port=\"6444\" protocolVersion=\"3\"/>\n</MideaDevices>",
            "device #2 (line 3): id 7 appears more than once"
        },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void A_damaged_store_is_refused_naming_the_file_and_the_defect(string xml, string problem)
    {
        var error = Assert.Throws<StoreCorruptException>(() => StoreFormat.Parse(Encoding.UTF8.GetBytes(xml), StorePath, isStore: true));
        Assert.Equal(problem, error.Problem);
        Assert.Equal(StorePath, error.FilePath);
        Assert.True(error.IsStore);
        Assert.Equal($"The device store '{StorePath}' is corrupt: {problem}. It was left unchanged; repair it, move it away, or point MIDEA_STORE_PATH at another file.", error.Message);
    }

    [Fact]
    public void A_damaged_import_file_is_refused_as_a_device_file_not_as_the_store()
    {
        var error = Assert.Throws<StoreCorruptException>(() => StoreFormat.Parse(Encoding.UTF8.GetBytes("<MideaDevices/>"), "/tmp/backup.xml", isStore: false));
        Assert.False(error.IsStore);
        Assert.Equal("'/tmp/backup.xml' is not a valid Midea device file: the root element has no formatVersion attribute.", error.Message);
    }

    public static TheoryData<string, string> DamagedSecrets() => new()
    {
        // One byte short, one byte long, not hex: the message names the defect and never the value.
        { OneDevice(inner: $"<Token>{TokenHex.Substring(2)}</Token>"), "device #1 (line 2): the token is 63 bytes, not 64 (128 hex digits)" },
        { OneDevice(inner: $"<Key>{KeyHex}00</Key>"), "device #1 (line 2): the key is 33 bytes, not 32 (64 hex digits)" },
        { OneDevice(inner: $"<Token>{TokenHex.Substring(0, 126)}zz</Token>"), "device #1 (line 2): the token is not hex text (128 hex digits)" },
        { OneDevice(inner: $"<Key>{KeyHex}0</Key>"), "device #1 (line 2): the key is not hex text (64 hex digits)" },
    };

    [Fact]
    public void A_token_damaged_by_one_character_shows_that_character_nowhere_in_the_error()
    {
        // The one character that is not hex must not reach any message, inner ones included.
        string xml = OneDevice(inner: $"<Token>{TokenHex.Substring(0, 64)}§{TokenHex.Substring(65)}</Token>");
        var error = Assert.Throws<StoreCorruptException>(() => StoreFormat.Parse(Encoding.UTF8.GetBytes(xml), StorePath, isStore: true));
        Assert.DoesNotContain("§", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DamagedSecrets))]
    public void A_damaged_token_or_key_is_refused_without_quoting_it(string xml, string problem)
    {
        var error = Assert.Throws<StoreCorruptException>(() => StoreFormat.Parse(Encoding.UTF8.GetBytes(xml), StorePath, isStore: true));
        Assert.Equal(problem, error.Problem);
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(TokenHex.Substring(2, 40), e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(KeyHex.Substring(2, 40), e.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Xml_that_is_not_well_formed_is_refused_by_position_without_quoting_the_content()
    {
        // The parser's own message would quote the broken text: here, a token.
        string xml = $"<MideaDevices formatVersion=\"1\"><Device id=\"1\" address=\"127.0.0.3\" port=\"6444\" protocolVersion=\"3\"><Token>{TokenHex}</Tokn></Device></MideaDevices>";
        var error = Assert.Throws<StoreCorruptException>(() => StoreFormat.Parse(Encoding.UTF8.GetBytes(xml), StorePath, isStore: true));
        Assert.StartsWith("it is not well-formed XML (the parser stopped at line 1, position ", error.Problem, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.DoesNotContain(TokenHex.Substring(0, 16), error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Tokn", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_type_is_refused_so_no_entity_is_ever_expanded()
    {
        using var folder = new TempFolder();
        string secret = folder.Combine("secret.txt");
        System.IO.File.WriteAllText(secret, "must never be read");
        string xml = $"<?xml version=\"1.0\"?>\n<!DOCTYPE MideaDevices [ <!ENTITY leak SYSTEM \"file://{secret}\"> ]>\n"
            + "<MideaDevices formatVersion=\"1\"><Device id=\"1\" address=\"&leak;\" port=\"6444\" protocolVersion=\"2\"/></MideaDevices>";
        var error = Assert.Throws<StoreCorruptException>(() => StoreFormat.Parse(Encoding.UTF8.GetBytes(xml), StorePath, isStore: true));
        Assert.StartsWith("it is not well-formed XML", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("must never be read", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_on_Linux_and_macOS_keeps_secrets_as_hex_and_on_Windows_with_DPAPI()
    {
        Assert.Equal(OperatingSystem.IsWindows() ? SecretEncoding.Dpapi : SecretEncoding.Hex, StoreFormat.StoreEncoding);
    }

    [UnixFact]
    public void A_secret_encrypted_with_DPAPI_is_refused_off_Windows_with_the_reason()
    {
        string xml = OneDevice(inner: "<Token encoding=\"dpapi\">AQAAANCMnd8BFdERjHoAwE/Cl+s=</Token>");
        var error = Assert.Throws<StoreCorruptException>(() => StoreFormat.Parse(Encoding.UTF8.GetBytes(xml), StorePath, isStore: true));
        Assert.Equal("device #1 (line 2): the token is encrypted with Windows DPAPI, which only the Windows user who saved it can read", error.Problem);
    }

    [Fact]
    public void Ids_lists_the_ids_for_messages()
    {
        Assert.Equal("147334558165565, 15393162840672", StoreFormat.Ids(new[] { V3(), V2() }));
        Assert.Equal("", StoreFormat.Ids(Array.Empty<StoredDevice>()));
    }
}
