using System;
using System.Text;

namespace Midea.Protocol.Codec;

/// <summary>Known values of the V2 header's magic field (bytes 6..7, read as LE).</summary>
public enum V2Magic : ushort
{
    /// <summary>Client request.</summary>
    Request = 0x0020,
    /// <summary>Device response.</summary>
    Response = 0x8020,
    /// <summary>Discovery probe.</summary>
    DiscoveryProbe = 0x0092,
    /// <summary>Discovery reply.</summary>
    DiscoveryReply = 0x807a,
    /// <summary>midea-local heartbeat.</summary>
    Heartbeat = 0x007b,
}

/// <summary>
/// A decoded V2 ("5a5a") packet: a 40-byte header, an AES-128-ECB payload and an MD5 sign
/// (protocol.md §2).
/// </summary>
public sealed class V2Packet
{
    /// <summary>Header size in bytes.</summary>
    public const int HeaderSize = 40;
    /// <summary>Sign size in bytes.</summary>
    public const int SignSize = 16;
    /// <summary>Message type of appliance data.</summary>
    public const ushort ApplianceData = 0x1101;
    /// <summary>Message type of the heartbeat.</summary>
    public const ushort HeartbeatType = 0x1001;

    internal static readonly byte[] SignKey = Encoding.ASCII.GetBytes("xhdiwjnchekd4d512chdjx5d8e4c394D2D7S");
    internal static readonly byte[] EncKey = Crypto.Md5(SignKey);

    private V2Packet(ushort messageType, ushort magic, long deviceId, byte[] header, byte[] payload)
    {
        MessageType = messageType;
        Magic = magic;
        DeviceId = deviceId;
        Header = header;
        Payload = payload;
    }

    /// <summary>Bytes 2..3 as LE (0x1101 for appliance data).</summary>
    public ushort MessageType { get; }
    /// <summary>Bytes 6..7 as LE; compare with <see cref="V2Magic"/>.</summary>
    public ushort Magic { get; }
    /// <summary>The 48-bit device id from bytes 20..25.</summary>
    public long DeviceId { get; }
    /// <summary>The raw 40-byte header.</summary>
    public byte[] Header { get; }
    /// <summary>The decrypted payload with PKCS#7 padding removed (an AA frame, or a discovery body).</summary>
    public byte[] Payload { get; }

    /// <summary>Builds a packet. <paramref name="timestamp"/> and <paramref name="reserved"/> default to zero.</summary>
    public static byte[] Encode(V2Magic magic, long deviceId, byte[] payload, byte[]? timestamp = null,
        byte[]? reserved = null, ushort messageType = ApplianceData)
    {
        byte[] encrypted = payload.Length == 0 ? payload : Crypto.AesEcb(true, EncKey, Crypto.Pkcs7Pad(payload));
        int length = HeaderSize + encrypted.Length + SignSize;
        var packet = new byte[length];
        packet[0] = 0x5a;
        packet[1] = 0x5a;
        WriteLe(packet, 2, messageType, 2);
        WriteLe(packet, 4, length, 2);
        WriteLe(packet, 6, (ushort)magic, 2);
        if (timestamp != null) Buffer.BlockCopy(timestamp, 0, packet, 12, Math.Min(8, timestamp.Length));
        WriteLe(packet, 20, deviceId, 8);
        if (reserved != null) Buffer.BlockCopy(reserved, 0, packet, 28, Math.Min(12, reserved.Length));
        Buffer.BlockCopy(encrypted, 0, packet, HeaderSize, encrypted.Length);
        byte[] sign = Crypto.Md5(Slice(packet, 0, length - SignSize), SignKey);
        Buffer.BlockCopy(sign, 0, packet, length - SignSize, SignSize);
        return packet;
    }

    /// <summary>
    /// Header bytes 28..39 as captured units send them (meaning unknown): V2 has 01 at 36,
    /// V3 has 01 80 at 34..35 (T02, T03, T04, T05).
    /// </summary>
    public static byte[] DeviceReserved(int protocolVersion) => protocolVersion == 3
        ? new byte[] { 0, 0, 0, 0, 0, 0, 1, 0x80, 0, 0, 0, 0 }
        : new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 };

    /// <summary>msmart's timestamp layout: centiseconds, s, min, h, day, month, yy, cc (binary, UTC).</summary>
    public static byte[] Timestamp(DateTime utc) => new[]
    {
        (byte)(utc.Millisecond / 10), (byte)utc.Second, (byte)utc.Minute, (byte)utc.Hour,
        (byte)utc.Day, (byte)utc.Month, (byte)(utc.Year % 100), (byte)(utc.Year / 100),
    };

    /// <summary>Decodes and verifies a packet; bytes past the length field are ignored.</summary>
    /// <exception cref="MideaProtocolException">The bytes are not a valid V2 packet.</exception>
    public static V2Packet Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < 6) throw new MideaProtocolException(ProtocolFault.Truncated, $"V2 packet truncated: {data.Length} bytes, the header needs 40.");
        if (data[0] != 0x5a || data[1] != 0x5a) throw new MideaProtocolException(ProtocolFault.BadMagic, $"V2 packet must start with 5a5a, not {data[0]:x2}{data[1]:x2}.");
        int length = data[4] | data[5] << 8;
        if (length < HeaderSize + SignSize || (length - HeaderSize - SignSize) % 16 != 0)
            throw new MideaProtocolException(ProtocolFault.BadLength, $"V2 length field {length} is not 56 plus whole AES blocks.");
        if (data.Length < length) throw new MideaProtocolException(ProtocolFault.Truncated, $"V2 packet truncated: {data.Length} of {length} bytes.");
        byte[] packet = data.Slice(0, length).ToArray();
        byte[] expected = Crypto.Md5(Slice(packet, 0, length - SignSize), SignKey);
        if (!Crypto.FixedTimeEquals(expected, packet.AsSpan(length - SignSize)))
            throw new MideaProtocolException(ProtocolFault.BadSign, "V2 packet MD5 sign does not match.");
        byte[] encrypted = Slice(packet, HeaderSize, length - HeaderSize - SignSize);
        byte[] payload = Array.Empty<byte>();
        if (encrypted.Length > 0)
        {
            payload = Crypto.Pkcs7Unpad(Crypto.AesEcb(false, EncKey, encrypted))
                ?? throw new MideaProtocolException(ProtocolFault.BadPadding, "V2 payload has invalid PKCS#7 padding.");
        }
        ushort type = (ushort)(packet[2] | packet[3] << 8);
        ushort magic = (ushort)(packet[6] | packet[7] << 8);
        long id = 0;
        for (int i = 5; i >= 0; i--) id = id << 8 | packet[20 + i];
        return new V2Packet(type, magic, id, Slice(packet, 0, HeaderSize), payload);
    }

    internal static byte[] Slice(byte[] source, int offset, int count)
    {
        var result = new byte[count];
        Buffer.BlockCopy(source, offset, result, 0, count);
        return result;
    }

    private static void WriteLe(byte[] target, int offset, long value, int size)
    {
        for (int i = 0; i < size; i++) target[offset + i] = (byte)(value >> (8 * i));
    }
}
