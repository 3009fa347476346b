using System;
using System.Collections.Generic;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Ac;

/// <summary>
/// The capabilities exchange, <c>B5</c> (protocol.md §5.7): the client's page requests, the reply parser, and the
/// device-side (simulator) reply encoder.
/// </summary>
/// <remarks>
/// The parser looks only at the body. A <c>B5</c> body is a capabilities reply only in a frame of type 0x03
/// (<see cref="FrameType.Query"/>); with type 0x05 (<see cref="FrameType.Notify"/>) it is an unsolicited notification
/// that must be ignored (§4.7, vector P03). Callers must check <see cref="AaFrame.FrameType"/> before calling
/// <see cref="ParsePage"/>.
/// </remarks>
public static class CapabilityCodec
{
    /// <summary>Command and response id of the capabilities exchange.</summary>
    public const byte Id = 0xB5;

    private const int EntryHeader = 3;

    /// <summary>The GetCapabilities frame (type 0x03) for one page: body <c>B5 01 00</c> for page 1, <c>B5 01 01 01</c> for page 2, then the message id.</summary>
    /// <param name="page">1, or 2 for the "additional" page asked for when page 1 says more pages exist.</param>
    /// <param name="messageId">The message id placed before the CRC.</param>
    /// <returns>The complete AA frame.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> is not 1 or 2.</exception>
    public static byte[] Request(int page, byte messageId)
    {
        byte[] body = page switch
        {
            1 => new byte[] { Id, 0x01, 0x00, messageId },
            2 => new byte[] { Id, 0x01, 0x01, 0x01, messageId },
            _ => throw new ArgumentOutOfRangeException(nameof(page), page, "Capability page must be 1 or 2."),
        };
        return AaFrame.Encode(FrameType.Query, body);
    }

    /// <summary>
    /// Parses a capabilities reply body: <c>B5 count</c>, then <c>count</c> × (<c>id_lo id_hi len value[len]</c>),
    /// then the trailer.
    /// </summary>
    /// <param name="body">The body from <c>B5</c> on, without the CRC (<see cref="AaFrame.Body"/>). Any extra byte
    /// left at the end, such as a CRC, simply becomes part of the trailer.</param>
    /// <remarks>
    /// Exactly <c>count</c> entries are read; reading stops early when fewer than 3 bytes remain. An entry with
    /// length 0 is skipped. Unknown ids are kept. Bytes after the entries form <see cref="CapabilityPage.Trailer"/>.
    /// The frame type is not checked here; see the class remarks.
    /// </remarks>
    /// <exception cref="MideaProtocolException">The body is empty or has only one byte (<see cref="ProtocolFault.Truncated"/>),
    /// does not start with <c>B5</c> (<see cref="ProtocolFault.BadValue"/>), or an entry's length runs past the end
    /// (<see cref="ProtocolFault.Truncated"/>).</exception>
    public static CapabilityPage ParsePage(ReadOnlySpan<byte> body)
    {
        if (body.Length == 0)
            throw new MideaProtocolException(ProtocolFault.Truncated, "Capabilities body is empty.");
        if (body[0] != Id)
            throw new MideaProtocolException(ProtocolFault.BadValue, $"Capabilities body must start with b5, not {body[0]:x2}.");
        if (body.Length < 2)
            throw new MideaProtocolException(ProtocolFault.Truncated, "Capabilities body truncated: it has no entry count.");

        int count = body[1];
        int pos = 2;
        var entries = new List<CapabilityEntry>(count);
        for (int i = 0; i < count; i++)
        {
            if (body.Length - pos < EntryHeader) break;
            ushort id = (ushort)(body[pos] | body[pos + 1] << 8);
            int length = body[pos + 2];
            pos += EntryHeader;
            if (length == 0) continue;
            if (body.Length - pos < length)
                throw new MideaProtocolException(ProtocolFault.Truncated,
                    $"Capability 0x{id:x4} declares {length} value bytes but only {body.Length - pos} remain.");
            entries.Add(new CapabilityEntry(id, body.Slice(pos, length).ToArray()));
            pos += length;
        }
        return new CapabilityPage(entries, body.Slice(pos).ToArray());
    }

    /// <summary>
    /// Device side (simulator): the reply body without the CRC, <c>B5 count entries… (01|00) messageId</c>.
    /// Frame it with <see cref="AaFrame.Encode"/> and <see cref="FrameType.Query"/>.
    /// </summary>
    /// <param name="entries">The entries, written in order.</param>
    /// <param name="morePages">True for a page 1 that has a page 2; the trailer then starts <c>01</c>, else <c>00</c>.</param>
    /// <param name="messageId">The last trailer byte; the simulator echoes the request's message id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">More than 255 entries, or a value longer than 255 bytes.</exception>
    public static byte[] EncodeReply(IReadOnlyList<CapabilityEntry> entries, bool morePages, byte messageId)
    {
        if (entries is null) throw new ArgumentNullException(nameof(entries));
        if (entries.Count > 255)
            throw new ArgumentException($"A capabilities page holds at most 255 entries, not {entries.Count}.", nameof(entries));
        int size = 2 + 2;
        foreach (CapabilityEntry? entry in entries)
        {
            if (entry is null) throw new ArgumentNullException(nameof(entries), "A capability entry is null.");
            if (entry.Value.Length > 255)
                throw new ArgumentException($"Capability 0x{entry.Id:x4} has {entry.Value.Length} value bytes; at most 255 fit.", nameof(entries));
            size += EntryHeader + entry.Value.Length;
        }

        var body = new byte[size];
        body[0] = Id;
        body[1] = (byte)entries.Count;
        int pos = 2;
        foreach (CapabilityEntry entry in entries)
        {
            body[pos] = (byte)entry.Id;
            body[pos + 1] = (byte)(entry.Id >> 8);
            body[pos + 2] = (byte)entry.Value.Length;
            Buffer.BlockCopy(entry.Value, 0, body, pos + EntryHeader, entry.Value.Length);
            pos += EntryHeader + entry.Value.Length;
        }
        body[pos] = morePages ? (byte)0x01 : (byte)0x00;
        body[pos + 1] = messageId;
        return body;
    }
}
