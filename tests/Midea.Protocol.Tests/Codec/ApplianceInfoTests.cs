using System;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

/// <summary>The appliance query and its answer (protocol.md §5.11): the vectors Q01–Q07 of §7.11, round trips, truncation and fuzz.</summary>
public class ApplianceInfoTests
{
    // §7.11: the query as midea-local and midea_ac_lan send it, to an AC and to a 0xCC unit.
    private const string Q01 = "aa1dac000000000000a00000000000000000000000000000000000000097";
    private const string Q02 = "aa1dcc000000000000a00000000000000000000000000000000000000077";
    // The vendor plugin's two forms: a bare header with its checksum, and 20 zero bytes.
    private const string Q03 = "aa0aac000000000003a0a7";
    private const string Q04 = "aa1eac000000000003a0000000000000000000000000000000000000000093";
    // The simulator's answers (assumed content): Full, Basic and PortaSplit profiles.
    private const string Q05 = "aa1dac000000000003a000acacac000000000000000000000000000099f7";
    private const string Q06 = "aa1dac000000000003a000acac00000000000000000000000000000050ec";
    private const string Q07 = "aa1dac000000000008a000ac00100000000000000000000000000000ce05";

    [Fact]
    public void Q01_the_request_is_midea_locals_bytes()
    {
        Assert.Equal(Q01, H(ApplianceInfoCodec.Request()));
        Assert.Equal(Q01, H(ApplianceInfoCodec.Request(AaFrame.AirConditioner)));
    }

    [Fact]
    public void Q02_the_request_to_a_commercial_unit_differs_in_byte_2_and_the_checksum()
    {
        Assert.Equal(Q02, H(ApplianceInfoCodec.Request(AaFrame.CommercialAirConditioner)));
    }

    [Fact]
    public void Q01_is_a_valid_AA_frame_whose_check_byte_is_the_CRC_of_its_zeros()
    {
        AaFrame frame = AaFrame.DecodeRequest(B(Q01));
        Assert.Equal((byte)FrameType.QueryAppliance, frame.FrameType);
        Assert.Equal(0, frame.ProtocolVersion);
        Assert.Equal(ApplianceInfoCodec.RequestBodyLength - 1, frame.Body.Length);
        Assert.All(frame.Body, b => Assert.Equal(0, b));
        Assert.Equal(0, ApplianceInfoCodec.MessageIdOf(B(Q01)));
    }

    [Theory]
    [InlineData(Q01)]
    [InlineData(Q03)]
    [InlineData(Q04)]
    public void Every_form_a_peer_sends_is_a_request_for_an_AC(string hex)
    {
        Assert.True(ApplianceInfoCodec.IsRequest(B(hex)));
        Assert.False(ApplianceInfoCodec.IsRequest(B(hex), AaFrame.CommercialAirConditioner));
    }

    [Fact]
    public void Q02_is_a_request_for_a_commercial_unit_only()
    {
        Assert.True(ApplianceInfoCodec.IsRequest(B(Q02), AaFrame.CommercialAirConditioner));
        Assert.False(ApplianceInfoCodec.IsRequest(B(Q02)));
    }

    [Theory]
    [InlineData(F02)]                                                          // a GetState: frame type 03
    [InlineData("aa1dac000000000000a00000000000000000000000000000000000000098")] // Q01 with a wrong checksum
    [InlineData("aa1cac000000000000a00000000000000000000000000000000000000097")] // a length byte that lies
    [InlineData("ab1dac000000000000a00000000000000000000000000000000000000097")] // no start byte
    [InlineData("aa09ac0000000000a0ab")]                                      // shorter than a header and checksum
    [InlineData("")]
    public void Other_frames_are_no_request(string hex)
    {
        Assert.False(ApplianceInfoCodec.IsRequest(B(hex)));
    }

    [Fact]
    public void Every_proper_prefix_of_a_request_is_no_request()
    {
        byte[] request = B(Q01);
        for (int n = 0; n < request.Length; n++) Assert.False(ApplianceInfoCodec.IsRequest(request.AsSpan(0, n)));
    }

    [Theory]
    [InlineData(Q05, 0x03, 0xACAC)]
    [InlineData(Q06, 0x03, 0x00AC)]
    [InlineData(Q07, 0x08, 0x1000)]
    public void The_simulators_answers_read_back(string hex, int version, int subtype)
    {
        Assert.Equal(hex, H(ApplianceInfoCodec.Answer(AaFrame.AirConditioner, (byte)version, subtype)));
        // A unit's answer carries a true CRC-8, so even the device-side rules take it.
        AaFrame frame = AaFrame.DecodeRequest(B(hex));
        ApplianceInfo info = ApplianceInfoCodec.Parse(frame);
        Assert.Equal(AaFrame.AirConditioner, info.ApplianceType);
        Assert.Equal(version, info.MessageProtocolVersion);
        Assert.Equal(subtype, info.Subtype);
        Assert.Equal(18, info.Body.Length);
    }

    [Fact]
    public void The_answer_echoes_the_message_id_in_front_of_its_check_byte()
    {
        byte[] answer = ApplianceInfoCodec.Answer(AaFrame.AirConditioner, 3, 0xACAC, 0x11);
        Assert.Equal("aa1dac000000000003a000acacac00000000000000000000000000115a25", H(answer));
        Assert.Equal(0x11, ApplianceInfoCodec.MessageIdOf(answer));
    }

    [Fact]
    public void Round_trip_over_versions_and_subtypes()
    {
        foreach (byte version in new byte[] { 0, 2, 3, 8, 0xFF })
        {
            foreach (int subtype in new[] { 0, 1, 0xAC, 0x1000, 0xACAC, 0xFFFF })
            {
                ApplianceInfo info = ApplianceInfoCodec.Parse(AaFrame.Decode(ApplianceInfoCodec.Answer(AaFrame.CommercialAirConditioner, version, subtype), AaFrame.CommercialAirConditioner));
                Assert.Equal(version, info.MessageProtocolVersion);
                Assert.Equal(subtype, info.Subtype);
                Assert.Equal(AaFrame.CommercialAirConditioner, info.ApplianceType);
            }
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0x10000)]
    public void A_subtype_beyond_two_bytes_is_refused(int subtype)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplianceInfoCodec.Answer(AaFrame.AirConditioner, 3, subtype));
    }

    [Fact]
    public void A_client_takes_an_answer_whose_check_byte_is_no_CRC_but_a_unit_refuses_it_as_a_request()
    {
        byte[] answer = B(Q05);
        answer[answer.Length - 2] ^= 0x5A;
        answer[answer.Length - 1] = AaFrame.Checksum(answer.AsSpan(1, answer.Length - 2));
        Assert.Equal(0xACAC, ApplianceInfoCodec.Parse(AaFrame.Decode(answer)).Subtype);
        MideaProtocolException refused = Assert.Throws<MideaProtocolException>(() => AaFrame.DecodeRequest(answer));
        Assert.Equal(ProtocolFault.BadCrc, refused.Fault);
    }

    [Theory]
    [InlineData("00", null)]                 // the body id alone
    [InlineData("00ac", null)]
    [InlineData("00acac", null)]             // one byte short of the subtype
    [InlineData("00acacac", 0xACAC)]         // just long enough
    [InlineData("01acacac00000000", null)]  // not 00: the vendor plugin reads nothing
    public void Short_or_foreign_bodies_keep_the_version_and_lose_only_the_subtype(string body, int? subtype)
    {
        byte[] frame = AaFrame.Encode(FrameType.QueryAppliance, B(body), 0x08);
        ApplianceInfo info = ApplianceInfoCodec.Parse(AaFrame.Decode(frame));
        Assert.Equal(8, info.MessageProtocolVersion);
        Assert.Equal(subtype, info.Subtype);
        Assert.Equal(body, H(info.Body));
    }

    [Fact]
    public void Every_proper_prefix_of_an_answer_is_refused_as_a_frame()
    {
        byte[] answer = B(Q05);
        for (int n = 0; n < answer.Length; n++)
        {
            byte[] prefix = answer.AsSpan(0, n).ToArray();
            Assert.Throws<MideaProtocolException>(() => AaFrame.Decode(prefix));
        }
    }

    [Fact]
    public void Parse_refuses_a_frame_of_another_type()
    {
        MideaProtocolException refused = Assert.Throws<MideaProtocolException>(() => ApplianceInfoCodec.Parse(AaFrame.Decode(B(F02))));
        Assert.Equal(ProtocolFault.BadValue, refused.Fault);
        Assert.Throws<ArgumentNullException>(() => ApplianceInfoCodec.Parse(null!));
    }

    [Fact]
    public void Random_frames_of_type_A0_never_throw_anything_but_a_protocol_fault()
    {
        var random = new Random(5011);
        for (int i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(0, 48)];
            random.NextBytes(bytes);
            if (bytes.Length > 9) bytes[9] = (byte)FrameType.QueryAppliance;
            if (bytes.Length > 2) bytes[2] = AaFrame.AirConditioner;
            if (bytes.Length > 0) bytes[0] = 0xAA;
            if (bytes.Length > 1 && random.Next(2) == 0) bytes[1] = (byte)(bytes.Length - 1);
            if (bytes.Length > 2 && random.Next(2) == 0) bytes[bytes.Length - 1] = AaFrame.Checksum(bytes.AsSpan(1, bytes.Length - 2));
            _ = ApplianceInfoCodec.IsRequest(bytes);
            _ = ApplianceInfoCodec.MessageIdOf(bytes);
            try
            {
                ApplianceInfo info = ApplianceInfoCodec.Parse(AaFrame.Decode(bytes));
                Assert.Equal(bytes[8], info.MessageProtocolVersion);
            }
            catch (MideaProtocolException)
            {
                // Short, bad checksum: refused as a frame, which is the one failure allowed.
            }
        }
    }
}
