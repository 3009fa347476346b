using System;
using System.Collections.Generic;

namespace Midea.Protocol.Codec;

/// <summary>
/// Reassembles a TCP byte stream into whole V2 or V3 packets (protocol.md §2.6, §3.5): a read may
/// hold part of a packet, or several. Garbage before a marker is dropped and counted.
/// </summary>
public sealed class PacketBuffer
{
    private readonly List<byte> _buffer = new();
    private readonly byte _first;
    private readonly byte _second;
    private readonly int _maxPacket;

    /// <summary>Creates a buffer for one protocol.</summary>
    /// <param name="v3">8370 packets (BE size at 2) when true, 5a5a packets (LE length at 4) when false.</param>
    /// <param name="maxPacket">Longest packet accepted; a larger length field is treated as garbage so it cannot make us wait or allocate.</param>
    public PacketBuffer(bool v3, int maxPacket = 4096)
    {
        V3 = v3;
        _first = v3 ? (byte)0x83 : (byte)0x5a;
        _second = v3 ? (byte)0x70 : (byte)0x5a;
        _maxPacket = maxPacket;
    }

    /// <summary>True for 8370 framing.</summary>
    public bool V3 { get; }

    /// <summary>Bytes discarded because they were not inside any packet.</summary>
    public long DiscardedBytes { get; private set; }

    /// <summary>Bytes held, waiting for the rest of a packet.</summary>
    public int Pending => _buffer.Count;

    /// <summary>Adds received bytes.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data) _buffer.Add(b);
    }

    /// <summary>Takes the next whole packet, if one is complete.</summary>
    public bool TryTake(out byte[] packet)
    {
        while (true)
        {
            int start = FindMarker();
            if (start < 0)
            {
                // Keep a trailing first marker byte: the second may be in the next read.
                int keep = _buffer.Count > 0 && _buffer[_buffer.Count - 1] == _first ? 1 : 0;
                Discard(_buffer.Count - keep);
                packet = Array.Empty<byte>();
                return false;
            }
            Discard(start);
            if (_buffer.Count < 6)
            {
                packet = Array.Empty<byte>();
                return false;
            }
            int total = V3 ? (_buffer[2] << 8 | _buffer[3]) + V3Packet.PrefixSize : _buffer[4] | _buffer[5] << 8;
            // A V2 length is 56 plus whole AES blocks; anything else means this "5a5a" was not a
            // packet start (e.g. a stray 5a just before a real one), so slide past it.
            bool badV2 = !V3 && (total < V2Packet.HeaderSize + V2Packet.SignSize || (total - V2Packet.HeaderSize - V2Packet.SignSize) % 16 != 0);
            if ((V3 && total < V3Packet.PrefixSize) || badV2 || total > _maxPacket)
            {
                Discard(1);
                continue;
            }
            if (_buffer.Count < total)
            {
                packet = Array.Empty<byte>();
                return false;
            }
            packet = _buffer.GetRange(0, total).ToArray();
            _buffer.RemoveRange(0, total);
            return true;
        }
    }

    private int FindMarker()
    {
        for (int i = 0; i + 1 < _buffer.Count; i++)
        {
            if (_buffer[i] == _first && _buffer[i + 1] == _second) return i;
        }
        return -1;
    }

    private void Discard(int count)
    {
        if (count <= 0) return;
        _buffer.RemoveRange(0, count);
        DiscardedBytes += count;
    }
}
