using System;
using System.Linq;
using System.Net;
using System.Text;

namespace Midea.Protocol.Codec;

/// <summary>What a unit says about itself in its discovery reply (protocol.md §1.4).</summary>
public sealed class DiscoveryInfo
{
    /// <summary>1 (XML, unsupported), 2 or 3.</summary>
    public int ProtocolVersion { get; set; }
    /// <summary>48-bit device id.</summary>
    public long DeviceId { get; set; }
    /// <summary>The address the unit reports for itself (clients prefer the UDP source).</summary>
    public IPAddress Address { get; set; } = IPAddress.Any;
    /// <summary>TCP port of the LAN protocol, usually 6444.</summary>
    public int Port { get; set; } = 6444;
    /// <summary>Serial number, 32 ASCII characters on current units.</summary>
    public string SerialNumber { get; set; } = "";
    /// <summary>Name, which is also the unit's SoftAP SSID (net_ac_XXXX).</summary>
    public string Name { get; set; } = "";
    /// <summary>Appliance type: the extended body byte when present, else the name's second token.</summary>
    public byte ApplianceType { get; set; } = AaFrame.AirConditioner;
    /// <summary>Appliance subtype (extended body only; 0 when absent).</summary>
    public int Subtype { get; set; }
    /// <summary>Module MAC: the extended body, else SN[16..28] of a 32-character serial; null when unknown.</summary>
    public byte[]? Mac { get; set; }
    /// <summary>Header bytes 28..39 as the device sent them (unexplained; the simulator copies real units).</summary>
    internal byte[]? Reserved { get; set; }
}

/// <summary>Discovery probe and reply codec (protocol.md §1).</summary>
public static class Discovery
{
    /// <summary>The UDP ports a unit listens on for probes.</summary>
    public static readonly int[] Ports = { 6445, 20086 };

    private static readonly byte[] XmlStart = Encoding.ASCII.GetBytes("<?xml ");

    /// <summary>The 72-byte probe: an ordinary V2 packet whose payload is ff 00.</summary>
    public static byte[] CreateProbe() => V2Packet.Encode(V2Magic.DiscoveryProbe, 0, new byte[] { 0xff, 0x00 });

    /// <summary>True when <paramref name="datagram"/> looks like a probe (device side; the sign is not required).</summary>
    public static bool IsProbe(ReadOnlySpan<byte> datagram) => datagram.Length >= 2 && datagram[0] == 0x5a && datagram[1] == 0x5a;

    /// <summary>Classifies and decodes a reply. V1 replies return version 1 and nothing else.</summary>
    /// <exception cref="MideaProtocolException">The reply is malformed or of no known kind.</exception>
    public static DiscoveryInfo ParseReply(ReadOnlySpan<byte> reply)
    {
        if (reply.Length >= XmlStart.Length && reply.Slice(0, XmlStart.Length).SequenceEqual(XmlStart))
            return new DiscoveryInfo { ProtocolVersion = 1 };
        if (reply.Length >= 2 && reply[0] == 0x5a && reply[1] == 0x5a) return ParseV2(reply, 2);
        if (reply.Length >= 2 && reply[0] == 0x83 && reply[1] == 0x70)
        {
            V3PacketType type = V3Packet.ReadType(reply);
            if (type != V3PacketType.Error)
                throw new MideaProtocolException(ProtocolFault.BadValue, $"V3 discovery reply must be type f, not {(byte)type:x}.");
            if (reply.Length < V3Packet.PrefixSize + 16 + V2Packet.HeaderSize + V2Packet.SignSize)
                throw new MideaProtocolException(ProtocolFault.Truncated, $"V3 discovery reply of {reply.Length} bytes is too short to hold a V2 packet.");
            return ParseV2(reply.Slice(V3Packet.PrefixSize, reply.Length - V3Packet.PrefixSize - 16), 3);
        }
        throw new MideaProtocolException(ProtocolFault.BadMagic, "Discovery reply is neither XML, 5a5a nor 8370.");
    }

    /// <summary>Device side: the reply a unit of <paramref name="info"/>'s version sends.</summary>
    public static byte[] EncodeReply(DiscoveryInfo info)
    {
        byte[] body = EncodeBody(info);
        byte[] reserved = info.Reserved ?? V2Packet.DeviceReserved(info.ProtocolVersion);
        byte[] v2 = V2Packet.Encode(V2Magic.DiscoveryReply, info.DeviceId, body, reserved: reserved);
        if (info.ProtocolVersion != 3) return v2;
        byte[] trailer = Hex.Decode(Udpid.Compute(info.DeviceId, bigEndian: true));
        var inner = new byte[v2.Length + trailer.Length];
        Buffer.BlockCopy(v2, 0, inner, 0, v2.Length);
        Buffer.BlockCopy(trailer, 0, inner, v2.Length, trailer.Length);
        return V3Packet.EncodePlain(V3PacketType.Error, 0, inner);
    }

    private static DiscoveryInfo ParseV2(ReadOnlySpan<byte> data, int version)
    {
        V2Packet packet = V2Packet.Decode(data);
        byte[] body = packet.Payload;
        if (body.Length < 41) throw new MideaProtocolException(ProtocolFault.Truncated, $"Discovery body of {body.Length} bytes is shorter than its 41-byte fixed part.");
        int port = body[4] | body[5] << 8;
        // The field is 16 bits, so 0 is the one value no TCP service can have: such a reply would
        // send a client nowhere, and is refused here rather than passed on as a device.
        if (port == 0) throw new MideaProtocolException(ProtocolFault.BadValue, "The discovery reply announces TCP port 0, where no unit can listen.");
        int n = body[40];
        if (body.Length < 41 + n) throw new MideaProtocolException(ProtocolFault.Truncated, $"Discovery body of {body.Length} bytes cannot hold a {n}-byte name.");
        var info = new DiscoveryInfo
        {
            ProtocolVersion = version,
            DeviceId = packet.DeviceId,
            Address = new IPAddress(new[] { body[3], body[2], body[1], body[0] }),
            Port = port,
            SerialNumber = Ascii(body, 8, 32),
            Name = Ascii(body, 41, n),
            Reserved = V2Packet.Slice(packet.Header, 28, 12),
        };
        info.ApplianceType = TypeFromName(info.Name);
        if (body.Length >= 69 + n)
        {
            if (body[55 + n] != 0) info.ApplianceType = body[55 + n];
            info.Subtype = body[57 + n] | body[58 + n] << 8;
            info.Mac = V2Packet.Slice(body, 63 + n, 6);
        }
        else if (info.SerialNumber.Length == 32)
        {
            // Exactly twelve hex digits: Hex.Decode would skip separators and give a short MAC.
            string digits = info.SerialNumber.Substring(16, 12);
            info.Mac = digits.All(Uri.IsHexDigit) ? Hex.Decode(digits) : null;
        }
        return info;
    }

    private static byte[] EncodeBody(DiscoveryInfo info)
    {
        byte[] name = Encoding.ASCII.GetBytes(info.Name);
        int n = name.Length;
        var body = new byte[Math.Max(122, 94 + n)];
        byte[] ip = info.Address.GetAddressBytes();
        for (int i = 0; i < 4; i++) body[i] = ip[3 - i];
        body[4] = (byte)info.Port;
        body[5] = (byte)(info.Port >> 8);
        byte[] serial = Encoding.ASCII.GetBytes(info.SerialNumber.PadRight(32, '0'));
        Buffer.BlockCopy(serial, 0, body, 8, 32);
        body[40] = (byte)n;
        Buffer.BlockCopy(name, 0, body, 41, n);
        // Constants copied from the captured V3 reply (meaning unknown, §1.4).
        body[43 + n] = 0x87;
        body[45 + n] = 0x02;
        body[55 + n] = info.ApplianceType;
        body[57 + n] = (byte)info.Subtype;
        body[58 + n] = (byte)(info.Subtype >> 8);
        if (info.Mac != null) Buffer.BlockCopy(info.Mac, 0, body, 63 + n, 6);
        byte[] version = { 0x15, 0x00, 0x23, 0x08, 0x21, 0x22, 0x00, 0x03, 0x01 };
        Buffer.BlockCopy(version, 0, body, 69 + n, version.Length);
        return body;
    }

    /// <summary>msmart's rule: the second '_'-separated token of the name, as hex (net_ac_F7B4 → 0xAC).</summary>
    private static byte TypeFromName(string name)
    {
        string[] parts = name.Split('_');
        return parts.Length > 1 && byte.TryParse(parts[1], System.Globalization.NumberStyles.HexNumber, null, out byte type) ? type : (byte)0;
    }

    private static string Ascii(byte[] data, int offset, int count) =>
        Encoding.ASCII.GetString(data, offset, count).TrimEnd('\0');
}
