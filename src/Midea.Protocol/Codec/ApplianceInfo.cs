using System;

namespace Midea.Protocol.Codec;

/// <summary>
/// What a unit says of itself in its answer to the appliance query (frame type 0xA0, protocol.md
/// §5.11). No answer of a real unit has been captured: the layout is how the peers read it.
/// </summary>
public sealed class ApplianceInfo
{
    /// <summary>AA byte 2 of the answer: the appliance type the unit names.</summary>
    public byte ApplianceType { get; init; }

    /// <summary>
    /// AA byte 8 of the answer: the message-protocol version, which midea-local writes into byte 8
    /// of every request it sends afterwards. The one field every peer reads.
    /// </summary>
    public byte MessageProtocolVersion { get; init; }

    /// <summary>
    /// The subtype, body[2] | body[3] &lt;&lt; 8 ("product type" and "machine type" in the vendor's
    /// plugin); null when the body does not start with 00 or is too short to hold it.
    /// </summary>
    public int? Subtype { get; init; }

    /// <summary>The answer's body as received, without its check byte; the bytes beyond the subtype have no known meaning.</summary>
    public byte[] Body { get; init; } = Array.Empty<byte>();
}

/// <summary>
/// The appliance query and its answer (frame type 0xA0, protocol.md §5.11), for both sides. The
/// query is the same for every appliance type: only byte 2 names the type. Pure: bytes in, values out.
/// </summary>
public static class ApplianceInfoCodec
{
    /// <summary>The first body byte of the answer (and of the query), which the vendor's plugin requires before it reads the answer.</summary>
    public const byte AnswerId = 0x00;

    /// <summary>
    /// Body length of the query as midea-local and midea_ac_lan send it: 19 zero bytes, their last in
    /// the place of the CRC (a CRC-8 of zeros is zero, so the frame is a valid AA frame).
    /// </summary>
    public const int RequestBodyLength = 19;

    private const int HeaderSize = 10;
    // Body of the answer without its check byte: 00, type, subtype (2), 13 zero bytes, message id;
    // as long as the query's, since no capture says how long a unit's answer is.
    private const int AnswerBodyLength = 18;
    private const int SubtypeEnd = 4;

    /// <summary>
    /// Client side: the query exactly as midea-local sends it (message.py MessageQueryAppliance):
    /// header with byte 8 = 00 and byte 9 = A0, 19 zero bytes, checksum. It carries no message id:
    /// these are the bytes units have been asked with for years, so none is put in.
    /// </summary>
    /// <param name="applianceType">Byte 2: the type of the unit asked.</param>
    public static byte[] Request(byte applianceType = AaFrame.AirConditioner)
    {
        var frame = new byte[HeaderSize + RequestBodyLength + 1];
        frame[0] = 0xAA;
        frame[1] = (byte)(frame.Length - 1);
        frame[2] = applianceType;
        frame[9] = (byte)FrameType.QueryAppliance;
        frame[frame.Length - 1] = AaFrame.Checksum(frame.AsSpan(1, frame.Length - 2));
        return frame;
    }

    /// <summary>
    /// Device side: whether <paramref name="frame"/> is an appliance query for <paramref name="applianceType"/>:
    /// a well-formed AA frame (start byte, length byte, checksum) of type 0xA0. The body is not looked
    /// at and may be missing: the vendor's plugin also sends the query as a bare header with its
    /// checksum (11 bytes), and with 20 zero bytes, neither with a CRC of its own.
    /// </summary>
    public static bool IsRequest(ReadOnlySpan<byte> frame, byte applianceType = AaFrame.AirConditioner) =>
        frame.Length >= HeaderSize + 1
        && frame[0] == 0xAA
        && frame[1] == frame.Length - 1
        && frame[2] == applianceType
        && frame[9] == (byte)FrameType.QueryAppliance
        && frame[frame.Length - 1] == AaFrame.Checksum(frame.Slice(1, frame.Length - 2));

    /// <summary>
    /// Device side: the answer a simulated unit gives (assumed: no capture shows one). Byte 8 is the
    /// unit's message-protocol version, the body 00, the type, the subtype (LE) and zeros, then the
    /// message id; <see cref="AaFrame.Encode"/> adds a true CRC-8 and the checksum.
    /// </summary>
    /// <param name="applianceType">Byte 2, and body[1] (where midea_ac_lan 0.3.4 looked for the type).</param>
    /// <param name="messageProtocolVersion">Byte 8.</param>
    /// <param name="subtype">The subtype, 0 to 65535; body[2] low byte, body[3] high byte.</param>
    /// <param name="messageId">The byte in front of the check byte (the query's, echoed).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="subtype"/> does not fit two bytes.</exception>
    public static byte[] Answer(byte applianceType, byte messageProtocolVersion, int subtype, byte messageId = 0)
    {
        if (subtype is < 0 or > 0xFFFF) throw new ArgumentOutOfRangeException(nameof(subtype), "A subtype is 0 to 65535.");
        var body = new byte[AnswerBodyLength];
        body[0] = AnswerId;
        body[1] = applianceType;
        body[2] = (byte)subtype;
        body[3] = (byte)(subtype >> 8);
        body[AnswerBodyLength - 1] = messageId;
        return AaFrame.Encode(FrameType.QueryAppliance, body, messageProtocolVersion, applianceType);
    }

    /// <summary>
    /// The message id a query carries, for the answer to echo: the byte in front of its check byte,
    /// 0 for a query without a body. midea-local's is 0.
    /// </summary>
    public static byte MessageIdOf(ReadOnlySpan<byte> request) => request.Length >= HeaderSize + 3 ? request[request.Length - 3] : (byte)0;

    /// <summary>
    /// Client side: reads an answer the way the peers do. The version comes from the header (as
    /// midea-local takes it); the subtype from body[2..3] when body[0] is 00 (as the vendor's plugin
    /// requires), else it is null. Never throws for a short body: the answer is informational.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="answer"/> is null.</exception>
    /// <exception cref="MideaProtocolException">The frame is not of type 0xA0.</exception>
    public static ApplianceInfo Parse(AaFrame answer)
    {
        if (answer is null) throw new ArgumentNullException(nameof(answer));
        if (answer.FrameType != (byte)FrameType.QueryAppliance)
            throw new MideaProtocolException(ProtocolFault.BadValue, $"An appliance answer has frame type a0, not {answer.FrameType:x2}.");
        byte[] body = answer.Body;
        bool subtype = body.Length >= SubtypeEnd && body[0] == AnswerId;
        return new ApplianceInfo
        {
            ApplianceType = answer.ApplianceType,
            MessageProtocolVersion = answer.ProtocolVersion,
            Subtype = subtype ? body[2] | body[3] << 8 : null,
            Body = (byte[])body.Clone(),
        };
    }
}
