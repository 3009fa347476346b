using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Midea.Protocol.Provisioning;

/// <summary>
/// The provisioning payload (provisioning.md §1, from offset 16 of the captured command):
/// SSID, passphrase, BSSID, SSID again, a marker byte, then TLVs in tag order.
/// </summary>
public static class ProvisioningPayload
{
    private const byte PlanTag = 0x02, HostTag = 0x04, PortTag = 0x05;
    private static readonly byte[] KnownTags = { PlanTag, HostTag, PortTag };
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Checks what a unit would need; the message names the field and never contains the passphrase.</summary>
    /// <exception cref="ArgumentException">A field is missing or out of range.</exception>
    public static void Validate(WifiSettings settings)
    {
        if (settings is null) throw new ArgumentNullException(nameof(settings));
        int ssidBytes;
        try
        {
            ssidBytes = StrictUtf8.GetByteCount(settings.Ssid ?? "");
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException("Ssid is not valid Unicode text (it holds a lone surrogate).");
        }
        if (ssidBytes == 0) throw new ArgumentException("Ssid is required: the name of the network the unit should join.");
        if (ssidBytes > 32) throw new ArgumentException($"Ssid is {ssidBytes} bytes in UTF-8; a Wi-Fi network name is at most 32.");
        byte[] passphrase = settings.Passphrase ?? Array.Empty<byte>();
        if (passphrase.Length != 0 && (passphrase.Length < 8 || passphrase.Length > 63))
            throw new ArgumentException($"Passphrase must be empty (open network) or 8 to 63 characters; it has {passphrase.Length}.");
        if (passphrase.Any(b => b < 0x20 || b > 0x7e))
            throw new ArgumentException("Passphrase may contain printable ASCII characters only (WPA passphrase rules).");
        if (settings.Bssid is null || settings.Bssid.Length != 6) throw new ArgumentException("Bssid must be 6 bytes (a MAC address).");
        if (settings.ChannelPlan is null) throw new ArgumentException("ChannelPlan is required.");
        int hostBytes = Encoding.ASCII.GetByteCount(settings.CloudHost ?? "");
        if (hostBytes is 0 or > 255 || (settings.CloudHost ?? "").Any(c => c > 0x7e || c <= 0x20))
            throw new ArgumentException("CloudHost must be a host name of 1 to 255 ASCII characters.");
        if (settings.CloudPort is < 1 or > 65535) throw new ArgumentException("CloudPort must be 1 to 65535.");
        if (settings.OtherTlvs is null || settings.OtherTlvs.Any(t => t is null))
            throw new ArgumentException("OtherTlvs must be a list without null entries.");
        if (settings.OtherTlvs.Any(t => Array.IndexOf(KnownTags, t.Tag) >= 0))
            throw new ArgumentException("OtherTlvs must not repeat the channel plan, cloud host or port tags.");
    }

    /// <summary>The payload bytes for <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">The settings are invalid (see <see cref="Validate"/>).</exception>
    public static byte[] Encode(WifiSettings settings)
    {
        Validate(settings);
        byte[] ssid = Encoding.UTF8.GetBytes(settings.Ssid);
        using var output = new MemoryStream();
        WriteField(output, ssid);
        WriteField(output, settings.Passphrase);
        WriteField(output, settings.Bssid);
        WriteField(output, ssid);
        output.WriteByte(settings.Marker);
        var tlvs = new List<WifiTlv>(settings.OtherTlvs)
        {
            new(PlanTag, settings.ChannelPlan.Encode()),
            new(HostTag, Encoding.ASCII.GetBytes(settings.CloudHost)),
            new(PortTag, new[] { (byte)settings.CloudPort, (byte)(settings.CloudPort >> 8) }),
        };
        // Stable sort by tag keeps the order of unknown TLVs that share a tag.
        foreach (WifiTlv tlv in tlvs.Select((t, i) => (t, i)).OrderBy(p => p.t.Tag).ThenBy(p => p.i).Select(p => p.t))
        {
            output.WriteByte(tlv.Tag);
            WriteField(output, tlv.Value);
        }
        return output.ToArray();
    }

    /// <summary>Reads a payload back into settings; unknown TLVs are kept in <see cref="WifiSettings.OtherTlvs"/>.</summary>
    /// <exception cref="MideaProtocolException">Truncated, a field length is wrong, or a required TLV is missing.</exception>
    public static WifiSettings Decode(ReadOnlySpan<byte> payload)
    {
        int offset = 0;
        byte[] ssid = ReadField(payload, ref offset, "SSID");
        byte[] passphrase = ReadField(payload, ref offset, "passphrase");
        byte[] bssid = ReadField(payload, ref offset, "BSSID");
        if (bssid.Length != 6) throw new MideaProtocolException(ProtocolFault.BadLength, $"The BSSID field is {bssid.Length} bytes, not 6.");
        byte[] ssidAgain = ReadField(payload, ref offset, "second SSID");
        if (!ssid.AsSpan().SequenceEqual(ssidAgain))
            throw new MideaProtocolException(ProtocolFault.BadValue, "The two SSID fields differ; every capture repeats the same SSID.");
        if (offset >= payload.Length) throw new MideaProtocolException(ProtocolFault.Truncated, "The payload ends before the marker byte.");
        var settings = new WifiSettings
        {
            Ssid = DecodeUtf8(ssid),
            Passphrase = passphrase,
            Bssid = bssid,
            Marker = payload[offset++],
            OtherTlvs = new List<WifiTlv>(),
        };
        bool plan = false, host = false, port = false;
        while (offset < payload.Length)
        {
            byte tag = payload[offset++];
            byte[] value = ReadField(payload, ref offset, $"TLV {tag:x2}");
            switch (tag)
            {
                case PlanTag:
                    settings.ChannelPlan = ChannelPlan.Decode(value);
                    if (settings.ChannelPlan.Encode().AsSpan().SequenceEqual(ChannelPlans.Germany.Encode())) settings.ChannelPlan = ChannelPlans.Germany;
                    plan = true;
                    break;
                case HostTag:
                    if (value.Any(b => b > 0x7e)) throw new MideaProtocolException(ProtocolFault.BadValue, "The cloud host is not ASCII.");
                    settings.CloudHost = Encoding.ASCII.GetString(value);
                    host = true;
                    break;
                case PortTag:
                    if (value.Length != 2) throw new MideaProtocolException(ProtocolFault.BadLength, $"The cloud port TLV is {value.Length} bytes, not 2.");
                    settings.CloudPort = value[0] | value[1] << 8;
                    port = true;
                    break;
                default:
                    settings.OtherTlvs.Add(new WifiTlv(tag, value));
                    break;
            }
        }
        if (!plan || !host || !port)
            throw new MideaProtocolException(ProtocolFault.Truncated, "The payload lacks the channel plan, cloud host or cloud port TLV.");
        return settings;
    }

    private static void WriteField(Stream output, byte[] value)
    {
        output.WriteByte((byte)value.Length);
        output.Write(value, 0, value.Length);
    }

    private static byte[] ReadField(ReadOnlySpan<byte> payload, ref int offset, string what)
    {
        if (offset >= payload.Length) throw new MideaProtocolException(ProtocolFault.Truncated, $"The payload ends before the {what} length.");
        int length = payload[offset++];
        if (offset + length > payload.Length)
            throw new MideaProtocolException(ProtocolFault.Truncated, $"The {what} field claims {length} bytes; only {payload.Length - offset} remain.");
        byte[] value = payload.Slice(offset, length).ToArray();
        offset += length;
        return value;
    }

    private static string DecodeUtf8(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new MideaProtocolException(ProtocolFault.BadValue, "The SSID is not valid UTF-8.", ex);
        }
    }
}
