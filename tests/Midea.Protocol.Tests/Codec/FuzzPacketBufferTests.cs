using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CsCheck;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

/// <summary>Property-based tests of stream reassembly (protocol.md §2.6, §3.5): random splits, garbage, and bounded growth.</summary>
public class FuzzPacketBufferTests
{
    private static readonly byte[] LinkKeyBytes = B(LinkKey);

    private static readonly Gen<byte[]> V2Packets = Gen.Select(Gen.OneOf(V2Magic.Request, V2Magic.Response, V2Magic.Heartbeat), Gen.Long[0, 0xFFFF_FFFF_FFFF], Gen.Byte.Array[0, 200],
        (magic, id, payload) => V2Packet.Encode(magic, id, payload));

    private static readonly Gen<byte[]> V3Packets = Gen.OneOf(
        Gen.Select(Gen.Int[0, 0xFFFF], Gen.Byte.Array[0, 200], (id, data) => V3Packet.EncodeEncrypted(LinkKeyBytes, V3PacketType.EncryptedResponse, id, data)),
        Gen.Select(Gen.Int[0, 0xFFFF], Gen.Byte.Array[64], Handshake.EncodeRequest),
        Gen.Int[0, 0xFFFF].Select(V3Packet.EncodeError),
        Gen.Select(Gen.OneOf(V3PacketType.HandshakeResponse, V3PacketType.Error), Gen.Int[0, 0xFFFF], Gen.Byte.Array[0, 200], V3Packet.EncodePlain));

    /// <summary>Garbage that holds no first marker byte, so it can never be mistaken for a packet start.</summary>
    private static Gen<byte[]> Garbage(bool v3) => Gen.Frequency(
        (3, Gen.Const(Array.Empty<byte>())),
        (1, Gen.Byte.Where(b => b != (v3 ? 0x83 : 0x5a)).Array[1, 40]));

    private static List<byte[]> Drain(PacketBuffer buffer)
    {
        var packets = new List<byte[]>();
        while (buffer.TryTake(out byte[] packet)) packets.Add(packet);
        return packets;
    }

    private static void Reassembles(bool v3, byte[][] packets, byte[][] garbage, int[] cuts)
    {
        var stream = new List<byte>();
        for (int i = 0; i < packets.Length; i++)
        {
            stream.AddRange(garbage[i % garbage.Length]);
            stream.AddRange(packets[i]);
        }
        byte[] bytes = stream.ToArray();
        var buffer = new PacketBuffer(v3);
        var taken = new List<byte[]>();
        int pos = 0;
        int cut = 0;
        while (pos < bytes.Length)
        {
            int size = Math.Min(cuts[cut++ % cuts.Length], bytes.Length - pos);
            buffer.Append(bytes.AsSpan(pos, size));
            pos += size;
            taken.AddRange(Drain(buffer));
        }
        Assert.Equal(packets.Select(Fuzz.Print), taken.Select(Fuzz.Print));
        Assert.Equal(0, buffer.Pending);
        Assert.Equal(Enumerable.Range(0, packets.Length).Sum(i => (long)garbage[i % garbage.Length].Length), buffer.DiscardedBytes);
    }

    [Fact]
    public void Fuzz_random_splits_of_a_V2_stream_reassemble_the_same_packets()
    {
        Gen.Select(V2Packets.Array[1, 8], Garbage(false).Array[1, 4], Gen.Int[1, 300].Array[1, 10])
            .Sample((packets, garbage, cuts) => Reassembles(false, packets, garbage, cuts), iter: Fuzz.RoundTrip);
    }

    [Fact]
    public void Fuzz_random_splits_of_a_V3_stream_reassemble_the_same_packets()
    {
        Gen.Select(V3Packets.Array[1, 8], Garbage(true).Array[1, 4], Gen.Int[1, 300].Array[1, 10])
            .Sample((packets, garbage, cuts) => Reassembles(true, packets, garbage, cuts), iter: Fuzz.RoundTrip);
    }

    /// <summary>Bytes rich in marker and length bytes, so the buffer keeps finding false packet starts.</summary>
    private static readonly Gen<byte> NastyByte = Gen.Frequency(
        (4, Gen.OneOf<byte>(0x5a, 0x83, 0x70, 0x20, 0x00, 0x01, 0x10, 0x48)),
        (3, Gen.Byte));

    [Fact]
    public void Fuzz_garbage_never_throws_and_the_buffer_stays_below_the_largest_packet()
    {
        Gen.Select(Gen.Bool, Gen.OneOf(0, 8, 64, 256, 4096), NastyByte.Array[0, 2048].Array[1, 12]).Sample((v3, maxPacket, chunks) =>
        {
            var buffer = new PacketBuffer(v3, maxPacket);
            long appended = 0, taken = 0;
            foreach (byte[] chunk in chunks)
            {
                buffer.Append(chunk);
                appended += chunk.Length;
                foreach (byte[] packet in Drain(buffer))
                {
                    taken += packet.Length;
                    Assert.True(packet.Length <= maxPacket, $"took a {packet.Length}-byte packet, more than {maxPacket}");
                    Assert.Equal(v3 ? 0x83 : 0x5a, packet[0]);
                    Assert.Equal(v3 ? 0x70 : 0x5a, packet[1]);
                    Assert.Equal(packet.Length, v3 ? V3Packet.TotalLength(packet) : packet[4] | packet[5] << 8);
                }
                // Whatever waits is the start of one packet of at most maxPacket bytes (or a header of under 6).
                Assert.True(buffer.Pending < Math.Max(maxPacket, 6), $"{buffer.Pending} bytes pending with maxPacket {maxPacket}");
            }
            Assert.Equal(appended, taken + buffer.DiscardedBytes + buffer.Pending);
        }, iter: 300);
    }

    [Theory]
    [InlineData(false, (byte)0x5a)]
    [InlineData(true, (byte)0x83)]
    [InlineData(false, (byte)0x00)]
    public void Fuzz_one_MB_of_garbage_in_connection_sized_reads_is_consumed_quickly(bool v3, byte fill)
    {
        // MideaConnection reads 2048 bytes at a time and drains after each read.
        var random = new Random(1);
        var chunk = new byte[2048];
        var buffer = new PacketBuffer(v3);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 512; i++)
        {
            if (fill == 0) random.NextBytes(chunk);
            else chunk.AsSpan().Fill(fill);
            buffer.Append(chunk);
            Drain(buffer);
            Assert.True(buffer.Pending < 4096);
        }
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"1 MB took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(false, (byte)0x5a)]
    [InlineData(true, (byte)0x83)]
    public void Fuzz_one_large_append_of_marker_bytes_is_consumed_quickly(bool v3, byte fill)
    {
        // Every position is a false packet start; dropping them one at a time from the front of a List is quadratic.
        byte[] bytes = Enumerable.Repeat(fill, 64 * 1024).ToArray();
        var buffer = new PacketBuffer(v3);
        var watch = Stopwatch.StartNew();
        buffer.Append(bytes);
        Drain(buffer);
        watch.Stop();
        Assert.True(buffer.Pending < 4096);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"64 KB took {watch.Elapsed}");
    }
}
