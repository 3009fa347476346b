using System;
using System.Linq;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Inspection;

/// <summary>
/// Decodes a captured packet of any kind into its layers, for people debugging their own captures:
/// a discovery reply, a V2 packet, a V3 packet (decrypted with the session key when given), or an
/// AA frame of an AC or a 0xCC unit, down to the state, capability, property or group fields. Tokens and keys inside
/// handshakes are shown as their length only.
/// </summary>
public static class PacketInspector
{
    /// <exception cref="MideaProtocolException">The bytes are no packet this module knows, or do not decode.</exception>
    public static InspectedPacket Inspect(byte[] bytes, byte[]? sessionKey = null)
    {
        if (bytes is null) throw new ArgumentNullException(nameof(bytes));
        if (sessionKey != null && sessionKey.Length != Handshake.KeySize) throw new ArgumentException("A session key is 32 bytes (64 hex digits).", nameof(sessionKey));
        if (bytes.Length >= 2 && bytes[0] == 0x83 && bytes[1] == 0x70) return V3(bytes, sessionKey);
        if (bytes.Length >= 2 && bytes[0] == 0x5a && bytes[1] == 0x5a) return V2(bytes);
        if (bytes.Length >= 1 && bytes[0] == 0xAA) return Frame(bytes);
        throw new MideaProtocolException(ProtocolFault.BadMagic, "Not a Midea packet: it starts with neither 8370 (V3), 5a5a (V2) nor aa (appliance frame).");
    }

    private static InspectedPacket V3(byte[] bytes, byte[]? key)
    {
        V3PacketType type = V3Packet.ReadType(bytes);
        var packet = new InspectedPacket($"V3 {Describe(type)}")
            .Add("Size", bytes[2] << 8 | bytes[3])
            .Add("Type", (int)type)
            .Add("Pad", bytes[5] >> 4);
        // In encrypted packets bytes 6..7 are ciphertext; the packet id is inside.
        if (type is not (V3PacketType.EncryptedRequest or V3PacketType.EncryptedResponse)) packet.Add("PacketId", bytes[6] << 8 | bytes[7]);
        switch (type)
        {
            case V3PacketType.HandshakeRequest:
                packet.Add("Token", $"<{bytes.Length - V3Packet.PrefixSize} bytes, not shown>");
                break;
            case V3PacketType.HandshakeResponse:
                packet.Add("EncryptedRandom", $"<{Math.Max(0, bytes.Length - V3Packet.PrefixSize - 32)} bytes, not shown>");
                break;
            case V3PacketType.Error when bytes.Length == 13:
                packet.Add("Text", System.Text.Encoding.ASCII.GetString(bytes, 8, 5));
                break;
            case V3PacketType.Error when bytes.Length < V3Packet.PrefixSize + 16 + V2Packet.HeaderSize + V2Packet.SignSize:
                throw new MideaProtocolException(ProtocolFault.Truncated, $"A type F packet of {bytes.Length} bytes is neither ERROR (13 bytes) nor long enough for a discovery reply.");
            case V3PacketType.Error:
                packet.Note = "A V3 discovery reply: a V2 discovery packet and a 16-byte trailer.";
                packet.Add("Trailer", Hex.Encode(bytes.AsSpan(bytes.Length - 16)));
                packet.Inner = V2(bytes.AsSpan(V3Packet.PrefixSize, bytes.Length - V3Packet.PrefixSize - 16).ToArray());
                break;
            default:
                if (key is null)
                {
                    packet.Note = "Encrypted: give the session key (-Key) to decrypt.";
                    break;
                }
                (int id, byte[] data) = V3Packet.DecodeEncrypted(key, bytes);
                packet.Add("PacketId", id);
                packet.Inner = data.Length >= 2 && data[0] == 0x5a && data[1] == 0x5a ? V2(data) : new InspectedPacket("Data").Add("Hex", Hex.Encode(data));
                break;
        }
        return packet;
    }

    private static string Describe(V3PacketType type) => type switch
    {
        V3PacketType.HandshakeRequest => "handshake request",
        V3PacketType.HandshakeResponse => "handshake response",
        V3PacketType.EncryptedRequest => "encrypted request",
        V3PacketType.EncryptedResponse => "encrypted response",
        V3PacketType.Error => "type F (ERROR or discovery reply)",
        _ => $"type {(int)type:x}",
    };

    private static InspectedPacket V2(byte[] bytes)
    {
        V2Packet v2 = V2Packet.Decode(bytes);
        var packet = new InspectedPacket("V2 packet")
            .Add("MessageType", $"0x{v2.MessageType:x4}")
            .Add("Length", bytes.Length)
            .Add("Magic", Enum.IsDefined(typeof(V2Magic), v2.Magic) ? $"{(V2Magic)v2.Magic} (0x{v2.Magic:x4})" : $"0x{v2.Magic:x4}")
            .Add("DeviceId", v2.DeviceId)
            .Add("Timestamp", Hex.Encode(v2.Header.AsSpan(12, 8)))
            .Add("Reserved", Hex.Encode(v2.Header.AsSpan(28, 12)))
            .Add("PayloadLength", v2.Payload.Length);
        if (v2.Magic == (ushort)V2Magic.DiscoveryReply) packet.Inner = DiscoveryBody(bytes);
        else if (v2.Payload.Length > 0 && v2.Payload[0] == 0xAA) packet.Inner = Frame(v2.Payload);
        else if (v2.Payload.Length > 0) packet.Inner = new InspectedPacket("Payload").Add("Hex", Hex.Encode(v2.Payload));
        return packet;
    }

    private static InspectedPacket DiscoveryBody(byte[] v2)
    {
        DiscoveryInfo info = Discovery.ParseReply(v2);
        return new InspectedPacket("Discovery reply")
            .Add("DeviceId", info.DeviceId)
            .Add("Address", info.Address.ToString())
            .Add("Port", info.Port)
            .Add("SerialNumber", info.SerialNumber)
            .Add("Name", info.Name)
            .Add("ApplianceType", $"0x{info.ApplianceType:x2}")
            .Add("Subtype", info.Subtype)
            .Add("MacAddress", info.Mac is null ? null : Hex.FormatMac(info.Mac));
    }

    private static InspectedPacket Frame(byte[] bytes)
    {
        // A 0xCC frame is read as one; any other type must be an AC's (protocol.md §9.5).
        byte type = bytes.Length > 2 && bytes[2] == AaFrame.CommercialAirConditioner ? AaFrame.CommercialAirConditioner : AaFrame.AirConditioner;
        AaFrame frame = AaFrame.Decode(bytes, type);
        var packet = new InspectedPacket("AA frame")
            .Add("Length", bytes[1])
            .Add("ApplianceType", $"0x{frame.ApplianceType:x2}")
            .Add("ProtocolVersion", frame.ProtocolVersion)
            .Add("FrameType", Enum.IsDefined(typeof(FrameType), frame.FrameType) ? $"{(FrameType)frame.FrameType} (0x{frame.FrameType:x2})" : $"0x{frame.FrameType:x2}")
            .Add("BodyId", $"0x{frame.Id:x2}")
            .Add("Body", Hex.Encode(frame.Body));
        byte check = bytes[bytes.Length - 2];
        bool checkMatches = check == Crc8.Compute(frame.Body) || check == AaFrame.Checksum(frame.Body);
        if (type == AaFrame.CommercialAirConditioner)
        {
            if (!checkMatches) packet.Note = $"The check byte {check:x2} is no CRC-8: 0xCC units put none there, so it is not checked.";
            packet.Inner = CcBodies.Inspect(frame);
            return packet;
        }
        if (AaFrame.IsPush(frame.FrameType) && !checkMatches)
            packet.Note = $"The check byte {check:x2} matches neither the CRC-8 nor the sum of the body; pushed frames are read anyway, as units send such check bytes.";
        packet.Inner = FrameBodies.Inspect(frame);
        return packet;
    }
}
