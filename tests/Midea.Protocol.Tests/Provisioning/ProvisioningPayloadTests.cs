using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Midea.Protocol.Codec;
using Midea.Protocol.Provisioning;

namespace Midea.Protocol.Tests;

/// <summary>The Wi-Fi provisioning payload (provisioning.md §1) against the three captures and on its own values.</summary>
public class ProvisioningPayloadTests
{
    // provisioning.md §1, "Capture vectors": the whole decrypted command. Bytes 0-15 are unknown
    // (0-1 presumably the V3 packet id, 2-15 the prefix); the payload starts at offset 16.
    private const string Wpa2Capture =
        "ee308e61ebdda41d67a79d2fee7c529f1664697374727573742e6c6f7373792e6e6574776f726b0b6368616e67656d65" +
        "31323306e6956e41f7a01664697374727573742e6c6f7373792e6e6574776f726b09010101021444450204010d140024" +
        "04170034041401640b1b010304543a000004116d6f64756c652e617070736d622e636f6d0502bb010601020703020601";

    private const string WpaTkipCapture =
        "35398e61ebdda41d67a79d2fee7c529f167770612d746b69702e6c6f7373792e6e6574776f726b0b6368616e67656d65" +
        "31323306e6956e41f7a0167770612d746b69702e6c6f7373792e6e6574776f726b09010101021444450204010d140024" +
        "04170034041401640b1b010304543a000004116d6f64756c652e617070736d622e636f6d0502bb010601020703020601";

    private const string OpenCapture =
        "9d4f6b647be579f749bf144a38396d95126f70656e2e6c6f7373792e6e6574776f726b0006e6956e41f7a0126f70656e" +
        "2e6c6f7373792e6e6574776f726b09010101021444450204010d14002404170034041401640b1b010304543a00000411" +
        "6d6f64756c652e617070736d622e636f6d0502bb010601020703020601";

    /// <summary>TLV 02 value of every capture: DE, 02, four EU sub-bands.</summary>
    private const string CapturedPlanValue = "44450204010d14002404170034041401640b1b01";

    private const string CapturedBssid = "e6:95:6e:41:f7:a0";
    private const string CapturedHost = "module.appsmb.com";
    private const int CapturedPort = 443;
    private const int PayloadOffset = 16;

    /// <summary>A passphrase distinctive enough that finding it in a message cannot be chance.</summary>
    private const string SecretPassphrase = "Sup3r-Secret!Passw0rd";

    /// <summary>Capture hex, SSID, PSK (empty for the open network), whole capture length.</summary>
    public static TheoryData<string, string, string, int> Captures => new()
    {
        { Wpa2Capture, "distrust.lossy.network", "changeme123", 144 },
        { WpaTkipCapture, "wpa-tkip.lossy.network", "changeme123", 144 },
        { OpenCapture, "open.lossy.network", "", 125 },
    };

    private static WifiSettings Documented(string ssid, string psk) => new()
    {
        Ssid = ssid,
        Passphrase = Encoding.UTF8.GetBytes(psk),
        Bssid = Hex.Decode(CapturedBssid),
        ChannelPlan = ChannelPlans.Germany,
        CloudHost = CapturedHost,
        CloudPort = CapturedPort,
    };

    private static WifiSettings Valid() => new()
    {
        Ssid = "Home-Net",
        Passphrase = Encoding.ASCII.GetBytes(SecretPassphrase),
        Bssid = Hex.Decode("02:11:22:33:44:55"),
    };

    private static byte[] PayloadOf(string captureHex) => Hex.Decode(captureHex).AsSpan(PayloadOffset).ToArray();

    private static void AssertSameTlvs(IEnumerable<(byte Tag, string Value)> expected, IEnumerable<WifiTlv> actual)
    {
        Assert.Equal(
            expected.Select(t => $"{t.Tag:x2}:{t.Value}").ToArray(),
            actual.Select(t => $"{t.Tag:x2}:{Hex.Encode(t.Value)}").ToArray());
    }

    private static readonly (byte Tag, string Value)[] CapturedUnknown =
    {
        (0x01, "01"), (0x03, "543a0000"), (0x06, "02"), (0x07, "020601"),
    };

    // ---- 1. The captures ------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Captures))]
    public void Capture_constants_have_the_documented_length(string capture, string ssid, string psk, int length)
    {
        byte[] bytes = Hex.Decode(capture);
        Assert.Equal(length, bytes.Length);
        // The payload starts with the SSID length, then the SSID.
        Assert.Equal(ssid, Encoding.UTF8.GetString(bytes, PayloadOffset + 1, bytes[PayloadOffset]));
        Assert.Equal(psk.Length, bytes[PayloadOffset + 1 + ssid.Length]);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Encode_reproduces_the_capture_from_offset_16(string capture, string ssid, string psk, int length)
    {
        byte[] payload = ProvisioningPayload.Encode(Documented(ssid, psk));
        Assert.Equal(length - PayloadOffset, payload.Length);
        Assert.Equal(Hex.Encode(PayloadOf(capture)), Hex.Encode(payload));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Decode_of_the_capture_gives_back_the_inputs(string capture, string ssid, string psk, int length)
    {
        WifiSettings settings = ProvisioningPayload.Decode(PayloadOf(capture));

        Assert.Equal(length - PayloadOffset, PayloadOf(capture).Length);
        Assert.Equal(ssid, settings.Ssid);
        Assert.Equal(Encoding.UTF8.GetBytes(psk), settings.Passphrase);
        Assert.Equal(Hex.Decode(CapturedBssid), settings.Bssid);
        Assert.Equal("DE", settings.ChannelPlan.Country);
        Assert.True(settings.ChannelPlan.Captured);
        Assert.Equal(0x02, settings.ChannelPlan.Unknown);
        Assert.Equal(
            new[] { new SubBand(1, 13, 20, false), new SubBand(36, 4, 23, false), new SubBand(52, 4, 20, true), new SubBand(100, 11, 27, true) },
            settings.ChannelPlan.Bands);
        Assert.Equal(CapturedPlanValue, Hex.Encode(settings.ChannelPlan.Encode()));
        Assert.Equal(CapturedHost, settings.CloudHost);
        Assert.Equal(CapturedPort, settings.CloudPort);
        Assert.Equal(0x09, settings.Marker);
        AssertSameTlvs(CapturedUnknown, settings.OtherTlvs);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Reencoding_the_decoded_capture_reproduces_it(string capture, string ssid, string psk, int length)
    {
        byte[] payload = PayloadOf(capture);
        WifiSettings settings = ProvisioningPayload.Decode(payload);
        Assert.Equal(ssid, settings.Ssid);
        Assert.Equal(psk.Length, settings.Passphrase.Length);
        Assert.Equal(length - PayloadOffset, payload.Length);
        Assert.Equal(Hex.Encode(payload), Hex.Encode(ProvisioningPayload.Encode(settings)));
    }

    [Fact]
    public void Wpa_and_wpa2_captures_differ_only_in_the_packet_id_and_the_ssid()
    {
        byte[] wpa2 = Hex.Decode(Wpa2Capture);
        byte[] wpa = Hex.Decode(WpaTkipCapture);
        Assert.Equal(wpa2.Length, wpa.Length);
        // Both SSIDs are 22 bytes, so every other byte lines up.
        int[] differing = Enumerable.Range(0, wpa2.Length).Where(i => wpa2[i] != wpa[i]).ToArray();
        Assert.All(differing, i => Assert.True(i < 2 || (i >= 17 && i < 17 + 22) || (i >= 59 && i < 59 + 22), $"byte {i}"));
    }

    [Fact]
    public void CapturedPrefix_is_bytes_2_to_15_of_the_wpa2_capture()
    {
        byte[] capture = Hex.Decode(Wpa2Capture);
        Assert.Equal(ProvisioningOptions.PrefixSize, ProvisioningOptions.CapturedPrefix.Length);
        Assert.Equal(Hex.Encode(capture.AsSpan(2, 14)), Hex.Encode(ProvisioningOptions.CapturedPrefix));
        Assert.Equal(ProvisioningOptions.CapturedPrefix, new ProvisioningOptions().Prefix);
    }

    [Fact]
    public void CommandData_of_the_wpa2_payload_is_the_capture_from_offset_2()
    {
        byte[] payload = ProvisioningPayload.Encode(Documented("distrust.lossy.network", "changeme123"));
        byte[] data = new ProvisioningOptions().CommandData(payload);
        Assert.Equal(Hex.Encode(Hex.Decode(Wpa2Capture).AsSpan(2)), Hex.Encode(data));
    }

    [Fact]
    public void CommandData_uses_a_custom_prefix_and_rejects_a_wrong_size()
    {
        byte[] payload = ProvisioningPayload.Encode(Valid());
        var options = new ProvisioningOptions { Prefix = Enumerable.Range(0xa0, 14).Select(i => (byte)i).ToArray() };
        Assert.Equal("a0a1a2a3a4a5a6a7a8a9aaabacad" + Hex.Encode(payload), Hex.Encode(options.CommandData(payload)));

        options.Prefix = new byte[13];
        Assert.Throws<ArgumentException>(() => options.CommandData(payload));
        options.Prefix = new byte[15];
        Assert.Throws<ArgumentException>(() => options.CommandData(payload));
    }

    [Fact]
    public void Default_settings_carry_the_captured_constants()
    {
        var settings = new WifiSettings();
        Assert.Same(ChannelPlans.Germany, settings.ChannelPlan);
        Assert.Equal(CapturedHost, settings.CloudHost);
        Assert.Equal(CapturedPort, settings.CloudPort);
        Assert.Equal(0x09, settings.Marker);
        Assert.Equal(new byte[6], settings.Bssid);
        Assert.Empty(settings.Passphrase);
        AssertSameTlvs(CapturedUnknown, settings.OtherTlvs);
        AssertSameTlvs(CapturedUnknown, WifiSettings.CapturedUnknownTlvs);
    }

    [Fact]
    public void Default_unknown_tlvs_are_not_shared_between_settings()
    {
        var first = new WifiSettings();
        first.OtherTlvs.Clear();
        first.OtherTlvs.Add(new WifiTlv(0x09, new byte[] { 0x99 }));
        AssertSameTlvs(CapturedUnknown, new WifiSettings().OtherTlvs);
        AssertSameTlvs(CapturedUnknown, WifiSettings.CapturedUnknownTlvs);
    }

    // ---- 2. Round trips ----------------------------------------------------------------------

    [Theory]
    [InlineData("x")]
    [InlineData("Küche Ölheizung äöüß")]
    [InlineData("Café \u2615 Gäste-WLAN")]
    [InlineData("\U0001F3E0\u2744\uFE0F Klima \U0001F321\uFE0F")]
    [InlineData("ääääääääääääääää")] // 16 × 2 bytes = 32
    [InlineData("\U0001F600\U0001F601\U0001F602\U0001F923\U0001F603\U0001F604\U0001F605\U0001F606")] // 8 × 4 bytes = 32
    [InlineData("0123456789abcdef0123456789ABCDEF")] // 32 ASCII
    [InlineData("€€€€€€€€€€")] // 10 × 3 bytes = 30
    [InlineData(" leading and trailing ")]
    public void Utf8_ssid_round_trips(string ssid)
    {
        WifiSettings settings = Valid();
        settings.Ssid = ssid;
        byte[] utf8 = Encoding.UTF8.GetBytes(ssid);
        Assert.InRange(utf8.Length, 1, 32);

        byte[] payload = ProvisioningPayload.Encode(settings);

        // Length-prefixed UTF-8 at the start and again after passphrase and BSSID.
        Assert.Equal(utf8.Length, payload[0]);
        Assert.Equal(utf8, payload.AsSpan(1, utf8.Length).ToArray());
        int second = 1 + utf8.Length + 1 + settings.Passphrase.Length + 1 + 6;
        Assert.Equal(utf8.Length, payload[second]);
        Assert.Equal(utf8, payload.AsSpan(second + 1, utf8.Length).ToArray());

        WifiSettings decoded = ProvisioningPayload.Decode(payload);
        Assert.Equal(ssid, decoded.Ssid);
        Assert.Equal(payload, ProvisioningPayload.Encode(decoded));
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("pass word")]
    [InlineData(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^")] // 63: 0x20..0x5e
    [InlineData("_`abcdefghijklmnopqrstuvwxyz{|}~")] // top of the printable range
    [InlineData("")]
    public void Passphrase_round_trips(string passphrase)
    {
        WifiSettings settings = Valid();
        settings.Passphrase = Encoding.ASCII.GetBytes(passphrase);

        byte[] payload = ProvisioningPayload.Encode(settings);
        int at = 1 + Encoding.UTF8.GetByteCount(settings.Ssid);
        Assert.Equal(passphrase.Length, payload[at]);
        Assert.Equal(passphrase, Encoding.ASCII.GetString(payload, at + 1, passphrase.Length));

        WifiSettings decoded = ProvisioningPayload.Decode(payload);
        Assert.Equal(Encoding.ASCII.GetBytes(passphrase), decoded.Passphrase);
        Assert.Equal(payload, ProvisioningPayload.Encode(decoded));
    }

    [Fact]
    public void Passphrase_of_8_and_63_characters_is_accepted()
    {
        foreach (int length in new[] { 8, 63 })
        {
            WifiSettings settings = Valid();
            settings.Passphrase = Enumerable.Range(0, length).Select(i => (byte)('!' + i % 94)).ToArray();
            WifiSettings decoded = ProvisioningPayload.Decode(ProvisioningPayload.Encode(settings));
            Assert.Equal(settings.Passphrase, decoded.Passphrase);
        }
    }

    [Fact]
    public void Empty_passphrase_is_an_empty_field()
    {
        WifiSettings settings = Valid();
        settings.Ssid = "open";
        settings.Passphrase = Array.Empty<byte>();
        settings.Bssid = Hex.Decode(CapturedBssid);
        byte[] payload = ProvisioningPayload.Encode(settings);
        Assert.StartsWith("046f70656e" + "00" + "06e6956e41f7a0" + "046f70656e" + "09", Hex.Encode(payload), StringComparison.Ordinal);
        Assert.Empty(ProvisioningPayload.Decode(payload).Passphrase);
    }

    [Fact]
    public void Zero_bssid_round_trips()
    {
        WifiSettings settings = Valid();
        settings.Bssid = new byte[6];
        byte[] payload = ProvisioningPayload.Encode(settings);
        int at = 1 + Encoding.UTF8.GetByteCount(settings.Ssid) + 1 + settings.Passphrase.Length;
        Assert.Equal("06000000000000", Hex.Encode(payload.AsSpan(at, 7)));
        Assert.Equal(new byte[6], ProvisioningPayload.Decode(payload).Bssid);
    }

    [Fact]
    public void Every_bssid_byte_value_round_trips()
    {
        WifiSettings settings = Valid();
        settings.Bssid = new byte[] { 0x00, 0x7f, 0x80, 0xfe, 0xff, 0x01 };
        Assert.Equal(settings.Bssid, ProvisioningPayload.Decode(ProvisioningPayload.Encode(settings)).Bssid);
    }

    public static TheoryData<string> Countries()
    {
        var data = new TheoryData<string>();
        foreach (string country in ChannelPlans.Countries) data.Add(country);
        return data;
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void Each_channel_plan_round_trips_through_the_payload(string country)
    {
        ChannelPlan plan = ChannelPlans.For(country)!;
        WifiSettings settings = Valid();
        settings.ChannelPlan = plan;

        byte[] payload = ProvisioningPayload.Encode(settings);
        WifiSettings decoded = ProvisioningPayload.Decode(payload);

        Assert.Equal(country, decoded.ChannelPlan.Country);
        Assert.Equal(plan.Unknown, decoded.ChannelPlan.Unknown);
        Assert.Equal(plan.Bands, decoded.ChannelPlan.Bands);
        Assert.Equal(country == "DE", decoded.ChannelPlan.Captured);
        Assert.Equal(plan.Encode(), decoded.ChannelPlan.Encode());
        Assert.Equal(payload, ProvisioningPayload.Encode(decoded));
    }

    [Fact]
    public void Decoded_plan_equal_to_the_capture_is_the_captured_plan()
    {
        // A plan built by hand with the captured bytes is recognised as the captured one on decode.
        WifiSettings settings = Valid();
        settings.ChannelPlan = new ChannelPlan("DE", ChannelPlans.Germany.Bands.ToArray(), captured: false);
        WifiSettings decoded = ProvisioningPayload.Decode(ProvisioningPayload.Encode(settings));
        Assert.True(decoded.ChannelPlan.Captured);
        Assert.Same(ChannelPlans.Germany, decoded.ChannelPlan);
    }

    [Fact]
    public void A_custom_plan_round_trips_with_its_unknown_byte()
    {
        WifiSettings settings = Valid();
        settings.ChannelPlan = new ChannelPlan("ZZ", new[] { new SubBand(1, 11, 17, false), new SubBand(149, 5, 30, true) }, unknown: 0x07);
        byte[] payload = ProvisioningPayload.Encode(settings);
        Assert.Contains("020c" + "5a5a" + "07" + "02" + "010b1100" + "9505" + "1e01", Hex.Encode(payload), StringComparison.Ordinal);
        ChannelPlan decoded = ProvisioningPayload.Decode(payload).ChannelPlan;
        Assert.Equal("ZZ", decoded.Country);
        Assert.Equal(0x07, decoded.Unknown);
        Assert.Equal(settings.ChannelPlan.Bands, decoded.Bands);
        Assert.False(decoded.Captured);
    }

    [Fact]
    public void Plan_with_no_sub_bands_round_trips()
    {
        WifiSettings settings = Valid();
        settings.ChannelPlan = new ChannelPlan("DE", Array.Empty<SubBand>());
        WifiSettings decoded = ProvisioningPayload.Decode(ProvisioningPayload.Encode(settings));
        Assert.Empty(decoded.ChannelPlan.Bands);
        Assert.False(decoded.ChannelPlan.Captured);
    }

    [Fact]
    public void Plan_with_62_sub_bands_fills_a_tlv_and_round_trips()
    {
        // 4 + 4 × 62 = 252 bytes, the largest plan whose length fits the one-byte TLV length.
        SubBand[] bands = Enumerable.Range(0, 62).Select(i => new SubBand((byte)(i * 4), 4, (byte)i, i % 2 == 0)).ToArray();
        WifiSettings settings = Valid();
        settings.ChannelPlan = new ChannelPlan("US", bands);
        byte[] payload = ProvisioningPayload.Encode(settings);
        Assert.Contains("02fc5553023e", Hex.Encode(payload), StringComparison.Ordinal);
        Assert.Equal(bands, ProvisioningPayload.Decode(payload).ChannelPlan.Bands);
    }

    [Fact]
    public void Ssid_with_a_lone_surrogate_is_rejected_naming_the_field()
    {
        WifiSettings settings = Valid();
        settings.Ssid = "net\ud800";
        AssertRejected(settings, "Ssid");
    }

    [Fact]
    public void Null_other_tlvs_are_rejected_naming_the_field()
    {
        WifiSettings settings = Valid();
        settings.OtherTlvs = null!;
        AssertRejected(settings, "OtherTlvs");
        settings.OtherTlvs = new List<WifiTlv> { null! };
        AssertRejected(settings, "OtherTlvs");
    }

    [Fact]
    public void Non_ascii_cloud_host_does_not_decode()
    {
        byte[] payload = ProvisioningPayload.Encode(Valid());
        int host = Hex.Encode(payload).IndexOf("6d6f64756c65", StringComparison.Ordinal) / 2;
        payload[host] = 0xe9;
        var ex = Assert.Throws<MideaProtocolException>(() => ProvisioningPayload.Decode(payload));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
    }

    [Fact]
    public void Extra_unknown_tlvs_are_kept_raw_and_in_tag_order()
    {
        WifiSettings settings = Valid();
        settings.OtherTlvs = new List<WifiTlv>
        {
            new(0x20, Encoding.ASCII.GetBytes("abc")),
            new(0x08, Array.Empty<byte>()),
            new(0x01, new byte[] { 0x01 }),
            new(0x08, new byte[] { 0xff, 0x00 }),
            new(0x00, new byte[] { 0x42 }),
            new(0xff, Enumerable.Repeat((byte)0xee, 255).ToArray()),
        };

        byte[] payload = ProvisioningPayload.Encode(settings);
        string hex = Hex.Encode(payload);
        int tlvStart = 2 * (1 + 8 + 1 + SecretPassphrase.Length + 1 + 6 + 1 + 8 + 1);
        string expectedTlvs =
            "000142" +
            "010101" +
            "0214" + CapturedPlanValue +
            "0411" + Hex.Encode(Encoding.ASCII.GetBytes(CapturedHost)) +
            "0502bb01" +
            "0800" +
            "0802ff00" +
            "2003616263" +
            "ffff" + string.Concat(Enumerable.Repeat("ee", 255));
        Assert.Equal(expectedTlvs, hex.Substring(tlvStart));

        WifiSettings decoded = ProvisioningPayload.Decode(payload);
        AssertSameTlvs(
            new (byte, string)[] { (0x00, "42"), (0x01, "01"), (0x08, ""), (0x08, "ff00"), (0x20, "616263"), (0xff, string.Concat(Enumerable.Repeat("ee", 255))) },
            decoded.OtherTlvs);
        Assert.Equal(payload, ProvisioningPayload.Encode(decoded));
    }

    [Fact]
    public void Decode_keeps_unknown_tlvs_in_the_order_received()
    {
        // Decoding does not sort: a payload from another encoder comes back as it was.
        byte[] payload = Build("ab", "", new byte[6], "ab", 0x09,
            (0x20, new byte[] { 0x01 }), (0x02, Hex.Decode("5a5a0200")), (0x08, new byte[] { 0x02 }),
            (0x04, Encoding.ASCII.GetBytes("h")), (0x05, new byte[] { 0x50, 0x00 }), (0x03, new byte[] { 0x03 }));
        WifiSettings decoded = ProvisioningPayload.Decode(payload);
        AssertSameTlvs(new (byte, string)[] { (0x20, "01"), (0x08, "02"), (0x03, "03") }, decoded.OtherTlvs);
        Assert.Equal("h", decoded.CloudHost);
        Assert.Equal(80, decoded.CloudPort);
    }

    [Fact]
    public void No_unknown_tlvs_gives_only_the_known_ones()
    {
        WifiSettings settings = Valid();
        settings.OtherTlvs = new List<WifiTlv>();
        byte[] payload = ProvisioningPayload.Encode(settings);
        Assert.EndsWith("0214" + CapturedPlanValue + "0411" + Hex.Encode(Encoding.ASCII.GetBytes(CapturedHost)) + "0502bb01", Hex.Encode(payload), StringComparison.Ordinal);
        Assert.Empty(ProvisioningPayload.Decode(payload).OtherTlvs);
    }

    [Theory]
    [InlineData("module.appsmb.com", 443, "bb01")]
    [InlineData("eu.example.org", 1, "0100")]
    [InlineData("h", 65535, "ffff")]
    [InlineData("127.0.0.2", 8443, "fb20")]
    [InlineData("cloud-gateway.midea.example.com", 256, "0001")]
    public void Cloud_host_and_port_round_trip(string host, int port, string portHex)
    {
        WifiSettings settings = Valid();
        settings.CloudHost = host;
        settings.CloudPort = port;

        byte[] payload = ProvisioningPayload.Encode(settings);
        string hex = Hex.Encode(payload);
        Assert.Contains("04" + host.Length.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + Hex.Encode(Encoding.ASCII.GetBytes(host)) + "0502" + portHex, hex, StringComparison.Ordinal);

        WifiSettings decoded = ProvisioningPayload.Decode(payload);
        Assert.Equal(host, decoded.CloudHost);
        Assert.Equal(port, decoded.CloudPort);
        Assert.Equal(payload, ProvisioningPayload.Encode(decoded));
    }

    [Fact]
    public void Host_of_255_characters_round_trips()
    {
        WifiSettings settings = Valid();
        settings.CloudHost = new string('a', 251) + ".com";
        Assert.Equal(settings.CloudHost, ProvisioningPayload.Decode(ProvisioningPayload.Encode(settings)).CloudHost);
    }

    [Fact]
    public void Marker_byte_round_trips()
    {
        WifiSettings settings = Valid();
        settings.Marker = 0xa5;
        byte[] payload = ProvisioningPayload.Encode(settings);
        Assert.Equal(0xa5, ProvisioningPayload.Decode(payload).Marker);
    }

    [Fact]
    public void Encode_does_not_change_the_settings()
    {
        WifiSettings settings = Valid();
        settings.OtherTlvs = new List<WifiTlv> { new(0x20, new byte[] { 1 }), new(0x01, new byte[] { 2 }) };
        ProvisioningPayload.Encode(settings);
        AssertSameTlvs(new (byte, string)[] { (0x20, "01"), (0x01, "02") }, settings.OtherTlvs);
        Assert.Equal(SecretPassphrase, Encoding.ASCII.GetString(settings.Passphrase));
    }

    // ---- 3. Validation -----------------------------------------------------------------------

    private static ArgumentException AssertRejected(WifiSettings settings, string field)
    {
        var ex = Assert.Throws<ArgumentException>(() => ProvisioningPayload.Encode(settings));
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        var validate = Assert.Throws<ArgumentException>(() => ProvisioningPayload.Validate(settings));
        Assert.Equal(ex.Message, validate.Message);

        string passphrase = Encoding.ASCII.GetString(settings.Passphrase ?? Array.Empty<byte>());
        if (passphrase.Length >= 4) Assert.DoesNotContain(passphrase, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPassphrase, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Hex.Encode(Encoding.ASCII.GetBytes(SecretPassphrase)), ex.Message, StringComparison.OrdinalIgnoreCase);
        return ex;
    }

    [Fact]
    public void Valid_settings_pass_validation()
    {
        ProvisioningPayload.Validate(Valid());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789ABCDEFx")] // 33 ASCII
    [InlineData("€€€€€€€€€€€")] // 11 characters, 33 bytes
    [InlineData("äääääääääääääääää")] // 17 characters, 34 bytes
    [InlineData("\U0001F600\U0001F601\U0001F602\U0001F923\U0001F603\U0001F604\U0001F605\U0001F606x")] // 33 bytes
    public void Ssid_empty_or_over_32_bytes_is_rejected(string ssid)
    {
        WifiSettings settings = Valid();
        settings.Ssid = ssid;
        AssertRejected(settings, "Ssid");
    }

    [Fact]
    public void Ssid_of_11_three_byte_characters_is_rejected_though_it_has_only_11_characters()
    {
        WifiSettings settings = Valid();
        settings.Ssid = new string('\u20ac', 11);
        Assert.Equal(11, settings.Ssid.Length);
        Assert.Equal(33, Encoding.UTF8.GetByteCount(settings.Ssid));
        ArgumentException ex = AssertRejected(settings, "Ssid");
        Assert.Contains("33", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_ssid_is_rejected()
    {
        WifiSettings settings = Valid();
        settings.Ssid = null!;
        AssertRejected(settings, "Ssid");
    }

    [Theory]
    [InlineData("Secret7")] // 7
    [InlineData("Sup3r-Secret!Passw0rd-Sup3r-Secret!Passw0rd-Sup3r-Secret!Passw0r")] // 64
    [InlineData("x")]
    public void Passphrase_of_wrong_length_is_rejected(string passphrase)
    {
        Assert.True(passphrase.Length is < 8 or > 63);
        WifiSettings settings = Valid();
        settings.Passphrase = Encoding.ASCII.GetBytes(passphrase);
        AssertRejected(settings, "Passphrase");
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x09)]
    [InlineData(0x1f)]
    [InlineData(0x7f)]
    [InlineData(0x80)]
    [InlineData(0xc3)]
    [InlineData(0xff)]
    public void Passphrase_with_a_non_printable_byte_is_rejected(int bad)
    {
        WifiSettings settings = Valid();
        byte[] passphrase = Encoding.ASCII.GetBytes(SecretPassphrase);
        passphrase[5] = (byte)bad;
        settings.Passphrase = passphrase;
        ArgumentException ex = AssertRejected(settings, "Passphrase");
        Assert.DoesNotContain("Secret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Passw0rd", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_utf8_passphrase_is_rejected()
    {
        WifiSettings settings = Valid();
        settings.Passphrase = Encoding.UTF8.GetBytes("Passwört-geheim");
        ArgumentException ex = AssertRejected(settings, "Passphrase");
        Assert.DoesNotContain("geheim", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    public void Bssid_that_is_not_6_bytes_is_rejected(int length)
    {
        WifiSettings settings = Valid();
        settings.Bssid = new byte[length];
        AssertRejected(settings, "Bssid");
    }

    [Fact]
    public void Null_bssid_is_rejected()
    {
        WifiSettings settings = Valid();
        settings.Bssid = null!;
        AssertRejected(settings, "Bssid");
    }

    [Fact]
    public void Null_channel_plan_is_rejected()
    {
        WifiSettings settings = Valid();
        settings.ChannelPlan = null!;
        AssertRejected(settings, "ChannelPlan");
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space.example")]
    [InlineData("mödule.appsmb.com")]
    [InlineData("tab\there")]
    public void Bad_cloud_host_is_rejected(string host)
    {
        WifiSettings settings = Valid();
        settings.CloudHost = host;
        AssertRejected(settings, "CloudHost");
    }

    [Fact]
    public void Cloud_host_over_255_characters_is_rejected()
    {
        WifiSettings settings = Valid();
        settings.CloudHost = new string('a', 256);
        AssertRejected(settings, "CloudHost");
    }

    [Fact]
    public void Null_cloud_host_is_rejected()
    {
        WifiSettings settings = Valid();
        settings.CloudHost = null!;
        AssertRejected(settings, "CloudHost");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Cloud_port_out_of_range_is_rejected(int port)
    {
        WifiSettings settings = Valid();
        settings.CloudPort = port;
        AssertRejected(settings, "CloudPort");
    }

    [Theory]
    [InlineData(0x02)]
    [InlineData(0x04)]
    [InlineData(0x05)]
    public void Unknown_tlv_with_a_known_tag_is_rejected(int tag)
    {
        WifiSettings settings = Valid();
        settings.OtherTlvs.Add(new WifiTlv((byte)tag, new byte[] { 0x00 }));
        AssertRejected(settings, "OtherTlvs");
    }

    [Fact]
    public void Null_settings_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ProvisioningPayload.Encode(null!));
        Assert.Throws<ArgumentNullException>(() => ProvisioningPayload.Validate(null!));
    }

    [Fact]
    public void Tlv_value_over_255_bytes_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new WifiTlv(0x08, new byte[256]));
        Assert.Throws<ArgumentException>(() => new WifiTlv(0x08, null!));
        Assert.Equal(255, new WifiTlv(0x08, new byte[255]).Value.Length);
    }

    // ---- 4. Decoder negatives ----------------------------------------------------------------

    /// <summary>A payload laid out by hand, so that fields can be wrong on purpose.</summary>
    private static byte[] Build(byte[] ssid, byte[] passphrase, byte[] bssid, byte[] ssidAgain, byte marker, params (byte Tag, byte[] Value)[] tlvs)
    {
        var bytes = new List<byte> { (byte)ssid.Length };
        bytes.AddRange(ssid);
        bytes.Add((byte)passphrase.Length);
        bytes.AddRange(passphrase);
        bytes.Add((byte)bssid.Length);
        bytes.AddRange(bssid);
        bytes.Add((byte)ssidAgain.Length);
        bytes.AddRange(ssidAgain);
        bytes.Add(marker);
        foreach ((byte tag, byte[] value) in tlvs)
        {
            bytes.Add(tag);
            bytes.Add((byte)value.Length);
            bytes.AddRange(value);
        }
        return bytes.ToArray();
    }

    private static byte[] Build(string ssid, string passphrase, byte[] bssid, string ssidAgain, byte marker, params (byte Tag, byte[] Value)[] tlvs) =>
        Build(Encoding.UTF8.GetBytes(ssid), Encoding.ASCII.GetBytes(passphrase), bssid, Encoding.UTF8.GetBytes(ssidAgain), marker, tlvs);

    private static (byte, byte[]) PlanTlv(string hex) => (0x02, Hex.Decode(hex));
    private static (byte, byte[]) HostTlv => (0x04, Encoding.ASCII.GetBytes(CapturedHost));
    private static (byte, byte[]) PortTlv => (0x05, new byte[] { 0xbb, 0x01 });

    private static MideaProtocolException AssertFault(ProtocolFault fault, byte[] payload)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => ProvisioningPayload.Decode(payload));
        Assert.Equal(fault, ex.Fault);
        return ex;
    }

    [Fact]
    public void Hand_built_payload_matches_the_encoder()
    {
        // Guards the negative tests below: Build with good fields is what Encode writes.
        byte[] built = Build("distrust.lossy.network", "changeme123", Hex.Decode(CapturedBssid), "distrust.lossy.network", 0x09,
            (0x01, new byte[] { 0x01 }), PlanTlv(CapturedPlanValue), (0x03, Hex.Decode("543a0000")), HostTlv, PortTlv,
            (0x06, new byte[] { 0x02 }), (0x07, Hex.Decode("020601")));
        Assert.Equal(Hex.Encode(PayloadOf(Wpa2Capture)), Hex.Encode(built));
    }

    public static TheoryData<string> ValidPayloads()
    {
        // Payloads whose last TLV is a required one (plan, host or port), so every shorter prefix lacks something.
        var data = new TheoryData<string>();
        WifiSettings plain = Valid();
        plain.OtherTlvs = new List<WifiTlv>();
        data.Add(Hex.Encode(ProvisioningPayload.Encode(plain)));

        WifiSettings open = Valid();
        open.Passphrase = Array.Empty<byte>();
        open.Ssid = "Küche \U0001F3E0";
        open.OtherTlvs = new List<WifiTlv> { new(0x01, new byte[] { 0x01 }), new(0x03, Hex.Decode("543a0000")) };
        data.Add(Hex.Encode(ProvisioningPayload.Encode(open)));

        WifiSettings us = Valid();
        us.ChannelPlan = ChannelPlans.For("US")!;
        us.OtherTlvs = new List<WifiTlv> { new(0x00, Array.Empty<byte>()) };
        data.Add(Hex.Encode(ProvisioningPayload.Encode(us)));

        // Hand-built: the plan comes last.
        data.Add(Hex.Encode(Build("ab", "12345678", new byte[6], "ab", 0x09, HostTlv, PortTlv, (0x07, Hex.Decode("020601")), PlanTlv(CapturedPlanValue))));
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidPayloads))]
    public void Every_truncation_of_a_valid_payload_is_a_protocol_exception(string hex)
    {
        byte[] payload = Hex.Decode(hex);
        ProvisioningPayload.Decode(payload); // the whole payload is valid
        for (int length = 0; length < payload.Length; length++)
        {
            byte[] prefix = payload.AsSpan(0, length).ToArray();
            MideaProtocolException? ex = null;
            try
            {
                ProvisioningPayload.Decode(prefix);
            }
            catch (MideaProtocolException caught)
            {
                ex = caught;
            }
            catch (Exception other)
            {
                Assert.Fail($"Prefix of {length} bytes threw {other.GetType().Name}: {other.Message}");
            }
            Assert.True(ex is not null, $"Prefix of {length} of {payload.Length} bytes decoded without error.");
            Assert.Equal(ProtocolFault.Truncated, ex!.Fault);
        }
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Every_truncation_of_a_capture_is_a_protocol_exception_unless_it_ends_after_an_optional_tlv(string capture, string ssid, string psk, int length)
    {
        // The payload has no overall length: cut after TLV 05 (port) or after TLV 06, it is a shorter
        // valid payload without the optional trailing TLVs 06/07. Every other cut must fail, and only
        // with MideaProtocolException.
        byte[] payload = PayloadOf(capture);
        Assert.Equal(length - PayloadOffset, payload.Length);
        var accepted = new List<int>();
        for (int cut = 0; cut < payload.Length; cut++)
        {
            byte[] prefix = payload.AsSpan(0, cut).ToArray();
            try
            {
                WifiSettings partial = ProvisioningPayload.Decode(prefix);
                accepted.Add(cut);
                Assert.Equal(ssid, partial.Ssid);
                Assert.Equal(psk.Length, partial.Passphrase.Length);
                Assert.Equal(CapturedPort, partial.CloudPort);
            }
            catch (MideaProtocolException ex)
            {
                Assert.Equal(ProtocolFault.Truncated, ex.Fault);
            }
            catch (Exception other)
            {
                Assert.Fail($"Prefix of {cut} bytes threw {other.GetType().Name}: {other.Message}");
            }
        }
        // TLV 07 is 5 bytes (07 03 02 06 01), TLV 06 is 3 bytes (06 01 02).
        Assert.Equal(new[] { payload.Length - 8, payload.Length - 5 }, accepted);
    }

    [Fact]
    public void Empty_payload_is_truncated()
    {
        AssertFault(ProtocolFault.Truncated, Array.Empty<byte>());
    }

    [Fact]
    public void Payload_ending_before_the_marker_is_truncated()
    {
        AssertFault(ProtocolFault.Truncated, Build("ab", "", new byte[6], "ab", 0x09).AsSpan(0, 14).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(16)]
    public void Bssid_length_field_other_than_6_is_bad_length(int length)
    {
        byte[] payload = Build("ab", "12345678", new byte[length], "ab", 0x09, PlanTlv(CapturedPlanValue), HostTlv, PortTlv);
        AssertFault(ProtocolFault.BadLength, payload);
    }

    [Theory]
    [InlineData("abc", "abd")]
    [InlineData("abc", "ab")]
    [InlineData("abc", "abcd")]
    [InlineData("abc", "ABC")]
    [InlineData("abc", "")]
    public void Differing_second_ssid_is_bad_value(string ssid, string second)
    {
        byte[] payload = Build(ssid, "12345678", new byte[6], second, 0x09, PlanTlv(CapturedPlanValue), HostTlv, PortTlv);
        AssertFault(ProtocolFault.BadValue, payload);
    }

    [Theory]
    [InlineData(0x02)]
    [InlineData(0x04)]
    [InlineData(0x05)]
    public void Missing_plan_host_or_port_tlv_is_truncated(int missing)
    {
        var tlvs = new List<(byte, byte[])> { (0x01, new byte[] { 0x01 }), PlanTlv(CapturedPlanValue), HostTlv, PortTlv, (0x06, new byte[] { 0x02 }) };
        tlvs.RemoveAll(t => t.Item1 == missing);
        byte[] payload = Build("ab", "12345678", new byte[6], "ab", 0x09, tlvs.ToArray());
        AssertFault(ProtocolFault.Truncated, payload);
    }

    [Fact]
    public void No_tlvs_at_all_is_truncated()
    {
        AssertFault(ProtocolFault.Truncated, Build("ab", "12345678", new byte[6], "ab", 0x09));
    }

    [Theory]
    [InlineData("44450204010d14002404170034041401640b1b")] // 19 bytes, count 4
    [InlineData("44450204010d14002404170034041401640b1b0100")] // 21 bytes, count 4
    [InlineData("44450205010d14002404170034041401640b1b01")] // 20 bytes, count 5
    [InlineData("44450203010d14002404170034041401640b1b01")] // 20 bytes, count 3
    [InlineData("4445020000")] // 5 bytes, count 0
    [InlineData("444502ff")] // 4 bytes, count 255
    public void Channel_plan_length_not_matching_the_band_count_is_bad_length(string plan)
    {
        byte[] payload = Build("ab", "12345678", new byte[6], "ab", 0x09, PlanTlv(plan), HostTlv, PortTlv);
        AssertFault(ProtocolFault.BadLength, payload);
    }

    [Theory]
    [InlineData("")]
    [InlineData("44")]
    [InlineData("444502")]
    public void Channel_plan_shorter_than_its_header_is_truncated(string plan)
    {
        // Fewer than 4 bytes cannot even hold the band count; ChannelPlan.Decode calls that Truncated.
        byte[] payload = Build("ab", "12345678", new byte[6], "ab", 0x09, PlanTlv(plan), HostTlv, PortTlv);
        AssertFault(ProtocolFault.Truncated, payload);
    }

    [Theory]
    [InlineData("44450204010d14022404170034041401640b1b01")] // band 1 flag 02
    [InlineData("44450204010d14002404170034041401640b1b02")] // band 4 flag 02
    [InlineData("44450204010d14002404170034041401640b1bff")] // band 4 flag ff
    public void Channel_plan_dfs_flag_other_than_0_or_1_is_bad_value(string plan)
    {
        byte[] payload = Build("ab", "12345678", new byte[6], "ab", 0x09, PlanTlv(plan), HostTlv, PortTlv);
        AssertFault(ProtocolFault.BadValue, payload);
    }

    [Theory]
    [InlineData("c445020100010100")]
    [InlineData("44c5020100010100")]
    public void Channel_plan_country_not_ascii_is_bad_value(string plan)
    {
        byte[] payload = Build("ab", "12345678", new byte[6], "ab", 0x09, PlanTlv(plan), HostTlv, PortTlv);
        AssertFault(ProtocolFault.BadValue, payload);
    }

    [Theory]
    [InlineData("ff")]
    [InlineData("c328")] // bad continuation
    [InlineData("c0af")] // overlong '/'
    [InlineData("eda080")] // UTF-16 surrogate
    [InlineData("616263e282")] // ends inside a sequence
    [InlineData("f4908080")] // above U+10FFFF
    public void Invalid_utf8_ssid_is_bad_value(string ssidHex)
    {
        byte[] ssid = Hex.Decode(ssidHex);
        byte[] payload = Build(ssid, Encoding.ASCII.GetBytes("12345678"), new byte[6], ssid, 0x09, PlanTlv(CapturedPlanValue), HostTlv, PortTlv);
        MideaProtocolException ex = AssertFault(ProtocolFault.BadValue, payload);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bb")]
    [InlineData("bb0100")]
    public void Port_tlv_that_is_not_2_bytes_is_bad_length(string port)
    {
        byte[] payload = Build("ab", "12345678", new byte[6], "ab", 0x09, PlanTlv(CapturedPlanValue), HostTlv, (0x05, Hex.Decode(port)));
        AssertFault(ProtocolFault.BadLength, payload);
    }

    [Fact]
    public void Tlv_claiming_more_bytes_than_remain_is_truncated()
    {
        byte[] good = Build("ab", "12345678", new byte[6], "ab", 0x09, PlanTlv(CapturedPlanValue), HostTlv, PortTlv, (0x07, Hex.Decode("020601")));
        byte[] payload = good.ToArray();
        payload[payload.Length - 4] = 0x04; // TLV 07 now claims 4 bytes; 3 remain
        AssertFault(ProtocolFault.Truncated, payload);
    }

    [Fact]
    public void Decode_error_messages_do_not_contain_the_passphrase()
    {
        byte[] payload = Build("ab", SecretPassphrase, new byte[5], "ab", 0x09, PlanTlv(CapturedPlanValue), HostTlv, PortTlv);
        MideaProtocolException ex = AssertFault(ProtocolFault.BadLength, payload);
        Assert.DoesNotContain(SecretPassphrase, ex.Message, StringComparison.Ordinal);
    }
}
