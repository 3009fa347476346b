using System;
using System.Net;
using System.Text;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class DiscoveryTests
{
    private const string T03Body = "ef01640a2c19000030303030303050303030303030305131423838433239433936334241303030300b6e65745f61635f363342410000870002000000000000000000ac00acac00000000b88c29c963ba150023082122000301";

    [Fact]
    public void T01_probe_is_exact()
    {
        Assert.Equal(T01, H(Discovery.CreateProbe()));
    }

    [Fact]
    public void Probe_is_recognised()
    {
        Assert.True(Discovery.IsProbe(Discovery.CreateProbe()));
        Assert.True(Discovery.IsProbe(B("5a5a")));
        Assert.False(Discovery.IsProbe(B("5a")));
        Assert.False(Discovery.IsProbe(B(T03)));
    }

    [Fact]
    public void Ports_are_6445_and_20086()
    {
        Assert.Equal(2, Discovery.Ports.Length);
        Assert.Equal(6445, Discovery.Ports[0]);
        Assert.Equal(20086, Discovery.Ports[1]);
    }

    [Fact]
    public void T02_V2_reply()
    {
        DiscoveryInfo info = Discovery.ParseReply(B(T02));
        Assert.Equal(2, info.ProtocolVersion);
        Assert.Equal(V2DeviceId, info.DeviceId);
        // The address field inside the captured reply (data only; nothing is sent to it).
        Assert.Equal(new IPAddress(new byte[] { 10, 100, 1, 140 }), info.Address);
        Assert.Equal(6444, info.Port);
        Assert.Equal("000000P0000000Q1F0C9D153F7B40000", info.SerialNumber);
        Assert.Equal("net_ac_F7B4", info.Name);
        Assert.Equal(0xAC, info.ApplianceType);
        Assert.Equal(0, info.Subtype);
        // No extended body: the MAC comes from SN[16..28].
        Assert.Equal("f0c9d153f7b4", H(info.Mac!));
        Assert.Equal("000000000000000001000000", H(info.Reserved!));
    }

    [Fact]
    public void T02_body_is_52_bytes()
    {
        V2Packet packet = V2Packet.Decode(B(T02));
        Assert.Equal(120, B(T02).Length);
        Assert.Equal((ushort)V2Magic.DiscoveryReply, packet.Magic);
        Assert.Equal("8c01640a2c19000030303030303050303030303030305131463043394431353346374234303030300b6e65745f61635f46374234", H(packet.Payload));
    }

    [Fact]
    public void T03_V3_reply()
    {
        DiscoveryInfo info = Discovery.ParseReply(B(T03));
        Assert.Equal(3, info.ProtocolVersion);
        Assert.Equal(V3DeviceId, info.DeviceId);
        // The address field inside the captured reply (data only; nothing is sent to it).
        Assert.Equal(new IPAddress(new byte[] { 10, 100, 1, 239 }), info.Address);
        Assert.Equal(6444, info.Port);
        Assert.Equal("000000P0000000Q1B88C29C963BA0000", info.SerialNumber);
        Assert.Equal("net_ac_63BA", info.Name);
        Assert.Equal(0xAC, info.ApplianceType);
        Assert.Equal(0xACAC, info.Subtype);
        Assert.Equal("b88c29c963ba", H(info.Mac!));
        // §1.3 describes these bytes as 00×8 01 80 00 00; the capture itself has 01 80 at header offsets 34..35.
        Assert.Equal("000000000000018000000000", H(info.Reserved!));
    }

    [Fact]
    public void T03_wrapper_inner_packet_and_trailer()
    {
        byte[] reply = B(T03);
        Assert.Equal(208, reply.Length);
        Assert.Equal("837000c8200f0000", H(reply.AsSpan(0, 8).ToArray()));
        Assert.Equal(V3PacketType.Error, V3Packet.ReadType(reply));
        V2Packet inner = V2Packet.Decode(reply.AsSpan(8, 184));
        Assert.Equal(V3DeviceId, inner.DeviceId);
        Assert.Equal(122, inner.Payload.Length);
        Assert.Equal(T03Body + new string('0', 66), H(inner.Payload));
        Assert.Equal(Udpid.Compute(V3DeviceId, bigEndian: true), H(reply.AsSpan(192, 16).ToArray()));
    }

    [Fact]
    public void T03_re_encodes_to_the_same_body_and_trailer()
    {
        // EncodeReply writes no clock, so only header bytes 12..19 (and the sign) may differ.
        byte[] original = B(T03);
        byte[] encoded = Discovery.EncodeReply(Discovery.ParseReply(original));
        Assert.Equal(original.Length, encoded.Length);
        Assert.Equal(H(original.AsSpan(0, 8 + 12).ToArray()), H(encoded.AsSpan(0, 8 + 12).ToArray()));
        Assert.Equal(H(original.AsSpan(8 + 20, 20 + 128).ToArray()), H(encoded.AsSpan(8 + 20, 20 + 128).ToArray()));
        Assert.Equal(H(original.AsSpan(192).ToArray()), H(encoded.AsSpan(192).ToArray()));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void EncodeReply_round_trips(int version)
    {
        var info = new DiscoveryInfo
        {
            ProtocolVersion = version,
            DeviceId = 0x0000_1234_5678_9ABC,
            Address = IPAddress.Parse("127.0.17.42"),
            Port = 6555,
            SerialNumber = "000000P0000000Q1A1B2C3D4E5F60000",
            Name = "net_ac_E5F6",
            ApplianceType = 0xAC,
            Subtype = 0x1234,
            Mac = B("a1b2c3d4e5f6"),
        };
        byte[] reply = Discovery.EncodeReply(info);
        Assert.Equal(version == 3 ? 0x83 : 0x5a, reply[0]);
        DiscoveryInfo parsed = Discovery.ParseReply(reply);
        Assert.Equal(version, parsed.ProtocolVersion);
        Assert.Equal(info.DeviceId, parsed.DeviceId);
        Assert.Equal(info.Address, parsed.Address);
        Assert.Equal(info.Port, parsed.Port);
        Assert.Equal(info.SerialNumber, parsed.SerialNumber);
        Assert.Equal(info.Name, parsed.Name);
        Assert.Equal(info.ApplianceType, parsed.ApplianceType);
        Assert.Equal(info.Subtype, parsed.Subtype);
        Assert.Equal("a1b2c3d4e5f6", H(parsed.Mac!));
    }

    [Fact]
    public void EncodeReply_V2_default_reserved_bytes_match_the_T02_capture()
    {
        var info = new DiscoveryInfo { ProtocolVersion = 2, DeviceId = V2DeviceId, Name = "net_ac_F7B4" };
        Assert.Equal(H(B(T02).AsSpan(28, 12).ToArray()), H(Discovery.EncodeReply(info).AsSpan(28, 12).ToArray()));
    }

    [Fact]
    public void EncodeReply_V3_default_reserved_bytes_match_the_T03_capture()
    {
        // Header bytes 28..39 of the inner V2 packet; T05's device packet has the same 01 80 at 34..35.
        var info = new DiscoveryInfo { ProtocolVersion = 3, DeviceId = V3DeviceId, Name = "net_ac_63BA" };
        Assert.Equal(H(B(T03).AsSpan(8 + 28, 12).ToArray()), H(Discovery.EncodeReply(info).AsSpan(8 + 28, 12).ToArray()));
        Assert.Equal("000000000000018000000000", H(B(T05Inner).AsSpan(28, 12).ToArray()));
    }

    [Fact]
    public void EncodeReply_V3_trailer_is_big_endian_udpid()
    {
        var info = new DiscoveryInfo { ProtocolVersion = 3, DeviceId = V3DeviceId, Name = "net_ac_63BA" };
        byte[] reply = Discovery.EncodeReply(info);
        Assert.Equal(Udpid.Compute(V3DeviceId, true), H(reply.AsSpan(reply.Length - 16).ToArray()));
        Assert.Equal(reply.Length - 8, reply[2] << 8 | reply[3]);
        Assert.Equal(0x0f, reply[5]);
    }

    [Fact]
    public void Body_type_byte_wins_over_the_name()
    {
        var info = new DiscoveryInfo { ProtocolVersion = 2, DeviceId = 1, Name = "net_a1_0001", ApplianceType = 0xAC };
        Assert.Equal(0xAC, Discovery.ParseReply(Discovery.EncodeReply(info)).ApplianceType);
    }

    [Fact]
    public void V1_XML_reply_is_version_1()
    {
        byte[] xml = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><root><body><device port=\"6444\"/></body></root>");
        Assert.Equal(1, Discovery.ParseReply(xml).ProtocolVersion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("0102030405060708")]
    [InlineData("3c3f786d6c")]  // "<?xml" without the space
    [InlineData("aa21ac00")]
    public void Garbage_is_a_protocol_error(string hex)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => Discovery.ParseReply(B(hex)));
        Assert.Equal(ProtocolFault.BadMagic, ex.Fault);
    }

    [Fact]
    public void Corrupted_V2_reply_is_a_protocol_error()
    {
        byte[] reply = B(T02);
        reply[50] ^= 0x01;
        var ex = Assert.Throws<MideaProtocolException>(() => Discovery.ParseReply(reply));
        Assert.Equal(ProtocolFault.BadSign, ex.Fault);
    }

    [Fact]
    public void Truncated_replies_are_protocol_errors()
    {
        Assert.Throws<MideaProtocolException>(() => Discovery.ParseReply(B(T02).AsSpan(0, 100)));
        Assert.Throws<MideaProtocolException>(() => Discovery.ParseReply(B(T03).AsSpan(0, 100)));
    }

    [Fact]
    public void V3_reply_of_another_type_is_bad_value()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => Discovery.ParseReply(B(EncryptedResponse)));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
    }

    [Fact]
    public void Short_discovery_body_is_truncated()
    {
        byte[] reply = V2Packet.Encode(V2Magic.DiscoveryReply, 1, new byte[40]);
        var ex = Assert.Throws<MideaProtocolException>(() => Discovery.ParseReply(reply));
        Assert.Equal(ProtocolFault.Truncated, ex.Fault);
    }
}
