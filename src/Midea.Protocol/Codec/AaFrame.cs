using System;

namespace Midea.Protocol.Codec;

/// <summary>Frame type (byte 9 of an AA frame, protocol.md §4.2).</summary>
public enum FrameType : byte
{
    /// <summary>Control: SetState, SetProperties and their replies.</summary>
    Set = 0x02,
    /// <summary>Query: GetState, capabilities, group data, properties, display toggle.</summary>
    Query = 0x03,
    /// <summary>Pushed by the unit unasked ("notify1"): sensor reports (A1) and bodies no peer decodes (protocol.md §5.10).</summary>
    Report = 0x04,
    /// <summary>Pushed by the unit unasked ("notify2"): state reports (A0) and property notifications (B5) (protocol.md §5.10).</summary>
    Notify = 0x05,
    /// <summary>
    /// The appliance query and its answer (midea-local's "query_appliance", protocol.md §5.11):
    /// the unit's message-protocol version and subtype.
    /// </summary>
    QueryAppliance = 0xA0,
}

/// <summary>
/// An AA appliance frame: 10-byte header, body ending in a CRC-8, then a checksum byte
/// (protocol.md §4). <see cref="Body"/> excludes the CRC, as every parser in §5 expects.
/// </summary>
public sealed class AaFrame
{
    /// <summary>Appliance type of an air conditioner.</summary>
    public const byte AirConditioner = 0xAC;
    /// <summary>Appliance type of a commercial (ducted, VRF) air conditioner (protocol.md §9).</summary>
    public const byte CommercialAirConditioner = 0xCC;
    private const int HeaderSize = 10;
    // Byte 1 holds the length minus one: 255 at most, so 255 + 1 - 10 header - CRC - checksum.
    private const int MaxBody = 244;

    private AaFrame(byte applianceType, byte frameType, byte protocolVersion, byte[] body)
    {
        ApplianceType = applianceType;
        FrameType = frameType;
        ProtocolVersion = protocolVersion;
        Body = body;
    }

    /// <summary>Byte 2.</summary>
    public byte ApplianceType { get; }
    /// <summary>Byte 9; compare with <see cref="Codec.FrameType"/>.</summary>
    public byte FrameType { get; }
    /// <summary>Byte 8, the device protocol version.</summary>
    public byte ProtocolVersion { get; }
    /// <summary>The body from the command id through the message id, without the CRC.</summary>
    public byte[] Body { get; }
    /// <summary>The command or response id, body[0].</summary>
    public byte Id => Body[0];

    /// <summary>Builds a frame: appends CRC-8 to <paramref name="body"/> (which ends with the message id) and the checksum.</summary>
    /// <param name="frameType">Byte 9.</param>
    /// <param name="body">The body from the command id through the message id.</param>
    /// <param name="protocolVersion">Byte 8, the device protocol version.</param>
    /// <param name="applianceType">Byte 2.</param>
    /// <param name="checkByte">
    /// The byte written where the CRC-8 goes; null writes the CRC-8. Only a device side uses it: 0xCC units
    /// answer with a byte there that is no CRC (protocol.md §9.5), and a simulated one does the same.
    /// </param>
    /// <exception cref="ArgumentException">The body is longer than the one-byte length field allows (244 bytes).</exception>
    public static byte[] Encode(FrameType frameType, byte[] body, byte protocolVersion = 0, byte applianceType = AirConditioner, byte? checkByte = null)
    {
        if (body is null || body.Length > MaxBody) throw new ArgumentException($"An AA frame carries at most {MaxBody} body bytes.", nameof(body));
        int length = HeaderSize + body.Length + 2;
        var frame = new byte[length];
        frame[0] = 0xAA;
        frame[1] = (byte)(length - 1);
        frame[2] = applianceType;
        frame[8] = protocolVersion;
        frame[9] = (byte)frameType;
        Buffer.BlockCopy(body, 0, frame, HeaderSize, body.Length);
        frame[length - 2] = checkByte ?? Crc8.Compute(body);
        frame[length - 1] = Checksum(frame.AsSpan(1, length - 2));
        return frame;
    }

    /// <summary>
    /// True for the frame types a unit pushes unasked, 0x04 and 0x05 (protocol.md §5.10); replies
    /// carry the type of their request, 0x02 or 0x03 (§5.2).
    /// </summary>
    public static bool IsPush(byte frameType) => frameType is (byte)Codec.FrameType.Report or (byte)Codec.FrameType.Notify;

    /// <summary>
    /// Decodes with the client's receive rules of protocol.md §4.6. A pushed frame's check byte is
    /// not verified: captured pushes carry one that is neither CRC-8 nor the sum (§5.10). Nor is a
    /// 0xCC frame's: 0xCC units answer with a byte there that is no CRC (§9.5). Nor is the appliance
    /// answer's (type 0xA0): no capture shows what units put there, and no peer checks it (§5.11).
    /// </summary>
    /// <exception cref="MideaProtocolException">Short, bad checksum, other appliance type, or bad body check.</exception>
    public static AaFrame Decode(ReadOnlySpan<byte> frame, byte expectedType = AirConditioner)
    {
        // Header, a body id, the CRC and the checksum.
        if (frame.Length < HeaderSize + 3)
            throw new MideaProtocolException(ProtocolFault.Truncated, $"AA frame truncated: {frame.Length} bytes, at least 13 needed.");
        if (frame[0] != 0xAA) throw new MideaProtocolException(ProtocolFault.BadMagic, $"AA frame must start with aa, not {frame[0]:x2}.");
        int n = frame.Length;
        byte expectedSum = Checksum(frame.Slice(1, n - 2));
        if (expectedSum != frame[n - 1])
            throw new MideaProtocolException(ProtocolFault.BadChecksum, $"AA frame checksum is {frame[n - 1]:x2}, expected {expectedSum:x2}.");
        if (frame[2] != expectedType)
            throw new MideaProtocolException(ProtocolFault.WrongApplianceType, $"AA frame is for appliance type {frame[2]:x2}, not {expectedType:x2}.");
        ReadOnlySpan<byte> body = frame.Slice(HeaderSize, n - HeaderSize - 2);
        byte check = frame[n - 2];
        // Some units send bad CRCs on B0/B1 replies; some V3 units send the sum instead of the CRC;
        // captured pushed frames carry a check byte that is neither (protocol.md §5.10, U01–U04);
        // 0xCC units put FF or 00 there (§9.5); nobody knows what a unit writes there in its appliance
        // answer, whose body only informs (§5.11).
        bool exempt = body[0] is 0xB0 or 0xB1 || IsPush(frame[9]) || frame[9] == (byte)Codec.FrameType.QueryAppliance
            || expectedType == CommercialAirConditioner;
        if (!exempt && check != Crc8.Compute(body) && check != Checksum(body))
            throw new MideaProtocolException(ProtocolFault.BadCrc, $"AA body check byte {check:x2} matches neither CRC-8 {Crc8.Compute(body):x2} nor the sum {Checksum(body):x2}.");
        return new AaFrame(frame[2], frame[9], frame[8], body.ToArray());
    }

    /// <summary>
    /// Device side: accepts sync 00 or length^type, and requires the exact CRC-8 (§4.6); clients
    /// write a true CRC-8 for 0xCC units too (§9.5).
    /// </summary>
    /// <exception cref="MideaProtocolException">The frame is malformed.</exception>
    public static AaFrame DecodeRequest(ReadOnlySpan<byte> frame, byte expectedType = AirConditioner)
    {
        AaFrame decoded = Decode(frame, expectedType);
        byte crc = Crc8.Compute(decoded.Body);
        if (frame[frame.Length - 2] != crc)
            throw new MideaProtocolException(ProtocolFault.BadCrc, $"AA request CRC-8 is {frame[frame.Length - 2]:x2}, expected {crc:x2}.");
        if (frame[1] != frame.Length - 1)
            throw new MideaProtocolException(ProtocolFault.BadLength, $"AA length byte {frame[1]} does not match the {frame.Length}-byte frame.");
        return decoded;
    }

    /// <summary>Two's complement of the byte sum.</summary>
    public static byte Checksum(ReadOnlySpan<byte> data)
    {
        int sum = 0;
        foreach (byte b in data) sum += b;
        return (byte)(-sum & 0xFF);
    }
}
