using System;
using System.Diagnostics;
using System.Linq;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Protocol.Inspection;
using Midea.Protocol.Provisioning;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

/// <summary>
/// A length field that claims far more than was received must be rejected quickly, without allocating what it claims.
/// Allocation is measured on this thread with <see cref="GC.GetAllocatedBytesForCurrentThread"/>, averaged over many calls.
/// </summary>
public class FuzzAllocationTests
{
    private const int Calls = 200;
    /// <summary>Per call: an exception, its message and stack trace; well under the 64 KB a V2/V3 length field can claim.</summary>
    private const long BytesPerCall = 16 * 1024;

    private static void RejectsCheaply(ProtocolFault? fault, Action decode)
    {
        void Once()
        {
            var ex = Assert.Throws<MideaProtocolException>(decode);
            if (fault is ProtocolFault expected) Assert.Equal(expected, ex.Fault);
        }

        Once(); // warm up: JIT and first-throw costs are not the decoder's.
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Calls; i++) Once();
        watch.Stop();
        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
        Assert.True(perCall < BytesPerCall, $"{perCall} bytes allocated per call");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{Calls} calls took {watch.Elapsed}");
    }

    private static byte[] V3Huge(byte type) => new byte[] { 0x83, 0x70, 0xFF, 0xFF, 0x20, type, 0x00, 0x01, 0xAB, 0xCD };

    [Theory]
    [InlineData((byte)0x00)]
    [InlineData((byte)0x01)]
    [InlineData((byte)0x06)]
    [InlineData((byte)0x0F)]
    public void Fuzz_V3_size_FFFF_with_ten_bytes_is_truncated_without_allocating(byte type)
    {
        byte[] packet = V3Huge(type);
        byte[] key = B(LinkKey);
        RejectsCheaply(ProtocolFault.Truncated, () => V3Packet.ReadType(packet));
        RejectsCheaply(ProtocolFault.Truncated, () => V3Packet.DecodeEncrypted(key, packet));
        RejectsCheaply(ProtocolFault.Truncated, () => Handshake.DecodeRequest(packet));
        RejectsCheaply(ProtocolFault.Truncated, () => Handshake.DecodeResponse(key, packet));
        RejectsCheaply(ProtocolFault.Truncated, () => Discovery.ParseReply(packet));
        RejectsCheaply(ProtocolFault.Truncated, () => PacketInspector.Inspect(packet, key));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(40)]
    [InlineData(100)]
    public void Fuzz_V2_length_FFF8_with_few_bytes_is_truncated_without_allocating(int received)
    {
        // 0xFFF8 = 56 + 4092 blocks: a well-formed length that needs 65528 bytes.
        byte[] packet = B(T04).Take(received).ToArray();
        packet[4] = 0xF8;
        packet[5] = 0xFF;
        RejectsCheaply(ProtocolFault.Truncated, () => V2Packet.Decode(packet));
        RejectsCheaply(ProtocolFault.Truncated, () => Discovery.ParseReply(packet));
        RejectsCheaply(ProtocolFault.Truncated, () => PacketInspector.Inspect(packet));
    }

    [Fact]
    public void Fuzz_V2_length_FFFF_is_a_bad_length()
    {
        byte[] packet = B(T04);
        packet[4] = 0xFF;
        packet[5] = 0xFF;
        RejectsCheaply(ProtocolFault.BadLength, () => V2Packet.Decode(packet));
    }

    [Fact]
    public void Fuzz_AA_length_FF_with_a_short_frame_is_rejected_without_allocating()
    {
        // A 13-byte frame whose length byte claims 256 bytes: the checksum covers the byte, so fix it to reach the length rule.
        byte[] frame = AaFrame.Encode(FrameType.Query, new byte[] { 0x41 });
        frame[1] = 0xFF;
        frame[frame.Length - 1] = AaFrame.Checksum(frame.AsSpan(1, frame.Length - 2));
        RejectsCheaply(ProtocolFault.BadLength, () => AaFrame.DecodeRequest(frame));
        // The client-side decoder ignores the length byte (§4.6) and must still not allocate by it.
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(new byte[] { 0x41 }, AaFrame.Decode(frame).Body);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
        // And a frame cut short after a header claiming FF.
        byte[] cut = frame.Take(12).ToArray();
        RejectsCheaply(ProtocolFault.Truncated, () => AaFrame.Decode(cut));
    }

    [Fact]
    public void Fuzz_count_and_length_bytes_of_FF_in_bodies_are_rejected_without_allocating()
    {
        RejectsCheaply(ProtocolFault.Truncated, () => CapabilityCodec.ParsePage(new byte[] { 0xB5, 0xFF, 0x10, 0x02, 0xFF, 0x01 }));
        RejectsCheaply(ProtocolFault.Truncated, () => PropertyCodec.ParseGetRequest(new byte[] { 0xB1, 0xFF, 0x09, 0x00 }));
        RejectsCheaply(ProtocolFault.Truncated, () => PropertyCodec.ParseSetRequest(new byte[] { 0xB0, 0xFF, 0x09, 0x00, 0xFF, 0x01 }));
        RejectsCheaply(ProtocolFault.BadLength, () => ChannelPlan.Decode(new byte[] { 0x44, 0x45, 0x02, 0xFF }));
        RejectsCheaply(ProtocolFault.Truncated, () => ProvisioningPayload.Decode(new byte[] { 0xFF, 0x61, 0x62 }));
        byte[] discovery = V2Packet.Encode(V2Magic.DiscoveryReply, 1, Enumerable.Repeat((byte)0xFF, 41).ToArray());
        RejectsCheaply(ProtocolFault.Truncated, () => Discovery.ParseReply(discovery));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fuzz_packet_buffer_header_claiming_a_huge_packet_is_not_waited_for(bool v3)
    {
        byte[] header = v3 ? V3Huge(0x03) : new byte[] { 0x5a, 0x5a, 0x01, 0x11, 0xF8, 0xFF, 0x20, 0x80 };
        var buffer = new PacketBuffer(v3);
        long before = GC.GetAllocatedBytesForCurrentThread();
        buffer.Append(header);
        Assert.False(buffer.TryTake(out _));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
        Assert.True(buffer.Pending < 6, $"{buffer.Pending} bytes kept for a packet longer than maxPacket");

        // Even when the caller allows any size, waiting costs only the bytes received.
        var unlimited = new PacketBuffer(v3, int.MaxValue);
        before = GC.GetAllocatedBytesForCurrentThread();
        unlimited.Append(header);
        Assert.False(unlimited.TryTake(out _));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
        Assert.Equal(header.Length, unlimited.Pending);
    }
}
