using System;
using System.Collections.Generic;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class PacketBufferTests
{
    // Two packets of each protocol: V2 (T04, T08) and V3 (the §3.7 request and response, T05).
    public static TheoryData<bool, string, string> Pairs => new()
    {
        { false, T04, T08 },
        { false, T08, T01 },
        { true, EncryptedRequest, EncryptedResponse },
        { true, HandshakeResponse, T05 },
    };

    private static List<string> TakeAll(PacketBuffer buffer)
    {
        var packets = new List<string>();
        while (buffer.TryTake(out byte[] packet)) packets.Add(H(packet));
        return packets;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Two_packets_in_one_append(bool v3, string first, string second)
    {
        var buffer = new PacketBuffer(v3);
        buffer.Append(B(first + second));
        Assert.Equal(new[] { first, second }, TakeAll(buffer));
        Assert.Equal(0, buffer.Pending);
        Assert.Equal(0, buffer.DiscardedBytes);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_packet_split_across_three_appends(bool v3, string first, string second)
    {
        byte[] bytes = B(first);
        var buffer = new PacketBuffer(v3);
        buffer.Append(bytes.AsSpan(0, 3));
        Assert.False(buffer.TryTake(out _));
        buffer.Append(bytes.AsSpan(3, 30));
        Assert.False(buffer.TryTake(out _));
        Assert.Equal(33, buffer.Pending);
        buffer.Append(bytes.AsSpan(33));
        Assert.True(buffer.TryTake(out byte[] packet));
        Assert.Equal(first, H(packet));
        Assert.False(buffer.TryTake(out _));
        Assert.Equal(0, buffer.DiscardedBytes);
        _ = second;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Byte_at_a_time(bool v3, string first, string second)
    {
        byte[] bytes = B(first + second);
        var buffer = new PacketBuffer(v3);
        var packets = new List<string>();
        foreach (byte b in bytes)
        {
            buffer.Append(new[] { b });
            packets.AddRange(TakeAll(buffer));
        }
        Assert.Equal(new[] { first, second }, packets);
        Assert.Equal(0, buffer.Pending);
        Assert.Equal(0, buffer.DiscardedBytes);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Split_at_every_point(bool v3, string first, string second)
    {
        byte[] bytes = B(first + second);
        for (int cut = 1; cut < bytes.Length; cut++)
        {
            var buffer = new PacketBuffer(v3);
            var packets = new List<string>();
            buffer.Append(bytes.AsSpan(0, cut));
            packets.AddRange(TakeAll(buffer));
            buffer.Append(bytes.AsSpan(cut));
            packets.AddRange(TakeAll(buffer));
            Assert.Equal(new[] { first, second }, packets);
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Garbage_before_a_packet_is_discarded_and_counted(bool v3, string first, string second)
    {
        var buffer = new PacketBuffer(v3);
        buffer.Append(B("0102030405aa"));
        Assert.False(buffer.TryTake(out _));
        buffer.Append(B(first));
        buffer.Append(B("ffee"));
        buffer.Append(B(second));
        Assert.Equal(new[] { first, second }, TakeAll(buffer));
        Assert.Equal(8, buffer.DiscardedBytes);
        Assert.Equal(0, buffer.Pending);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Garbage_without_a_marker_is_dropped_but_a_trailing_first_marker_byte_is_kept(bool v3)
    {
        var buffer = new PacketBuffer(v3);
        buffer.Append(B(v3 ? "0011223383" : "001122335a"));
        Assert.False(buffer.TryTake(out _));
        Assert.Equal(1, buffer.Pending);
        Assert.Equal(4, buffer.DiscardedBytes);
    }

    [Theory]
    [InlineData(false, "5a5a0111ffff2000")]
    [InlineData(false, "5a5a01110020")]            // length 0x2000 = 8192 > 4096
    [InlineData(false, "5a5a01110100")]            // length 1, shorter than any packet
    [InlineData(true, "8370ffff2066")]
    [InlineData(true, "83701000")]                 // size 4096 + 8 > 4096
    public void A_huge_or_tiny_length_field_does_not_stall(bool v3, string bogus)
    {
        string good = v3 ? EncryptedRequest : T04;
        var buffer = new PacketBuffer(v3);
        buffer.Append(B(bogus + good));
        Assert.True(buffer.TryTake(out byte[] packet));
        Assert.Equal(good, H(packet));
        Assert.Equal(B(bogus).Length, buffer.DiscardedBytes);
        Assert.Equal(0, buffer.Pending);
    }

    [Fact]
    public void MaxPacket_is_honoured()
    {
        var buffer = new PacketBuffer(v3: false, maxPacket: 100);
        buffer.Append(B(T04 + T01));
        Assert.True(buffer.TryTake(out byte[] packet));
        Assert.Equal(T01, H(packet));
        Assert.Equal(104, buffer.DiscardedBytes);
    }

    [Fact]
    public void A_partial_header_waits()
    {
        var buffer = new PacketBuffer(v3: true);
        buffer.Append(B("99837000"));
        Assert.False(buffer.TryTake(out _));
        Assert.Equal(3, buffer.Pending);
        Assert.Equal(1, buffer.DiscardedBytes);
    }

    [Fact]
    public void V3_buffer_ignores_V2_markers_and_vice_versa()
    {
        var v3 = new PacketBuffer(v3: true);
        v3.Append(B(T04));
        Assert.False(v3.TryTake(out _));
        var v2 = new PacketBuffer(v3: false);
        v2.Append(B(EncryptedRequest));
        Assert.False(v2.TryTake(out _));
        Assert.True(v3.V3);
        Assert.False(v2.V3);
    }

    [Fact]
    public void Garbage_ending_in_5a_before_a_V2_packet()
    {
        // "…5a" then a packet: the first "5a5a" found straddles the garbage and the packet, and
        // its length field reads 0x11 | packet[4] << 8. For a 264-byte packet that is 2065,
        // under maxPacket, so the buffer must not wait for 2065 bytes that will never come.
        byte[] frame = AaFrame.Encode(FrameType.Query, new byte[190]);
        byte[] packet = V2Packet.Encode(V2Magic.Response, V2DeviceId, frame);
        Assert.Equal(264, packet.Length);
        var buffer = new PacketBuffer(v3: false);
        buffer.Append(B("015a"));
        buffer.Append(packet);
        Assert.True(buffer.TryTake(out byte[] taken));
        Assert.Equal(H(packet), H(taken));
        Assert.Equal(2, buffer.DiscardedBytes);
    }

    [Fact]
    public void Garbage_ending_in_5a_before_a_small_V2_packet()
    {
        // Same as above with T04 (length 104): the straddling length reads 0x6811, above maxPacket.
        var buffer = new PacketBuffer(v3: false);
        buffer.Append(B("015a" + T04));
        Assert.True(buffer.TryTake(out byte[] taken));
        Assert.Equal(T04, H(taken));
        Assert.Equal(2, buffer.DiscardedBytes);
    }
}
