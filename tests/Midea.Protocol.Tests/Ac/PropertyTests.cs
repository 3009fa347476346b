using System;
using System.Collections.Generic;
using System.Linq;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class PropertyTests
{
    // protocol.md §7.5 (P03 is covered elsewhere) and §7.2 F15/F16.
    private const string P01 = "aa21ac00000000000303b10409000001000a00000100150000012b1e020000005fa3";
    private const string P02 = "aa18ac00000000000302b0020a0000013209001101000089a4";
    private const string P04 = "aa1bac00000000000202b0021e001004001000001a00000100000e18";
    private const string P05 = "aa18ac00000000000302b00243001101041a00000100002ce5";
    private const string P06 = "aa13ac00000000000303b1010a0000013200c884";
    private const string P07 = "aa1cac00000000000303b103430000010218000001004200000000cf0e";
    private const string P08 = "aa1bac00000000000303b1034300000018000000420000010200914e";
    private const string P09 = "aa1cac00000000000303b1034300000103180000010042000000001ac2";
    private const string P10 = "aa1cac00000000000303b10343000001041800000101420000000034a6";
    private const string P11 = "aa15ac00000000000303b1014b000003015052001680";
    private const string P12 = "aa15ac00000000000303b1014b00000300284f00368c";
    private const string F15 = "aa12ac00000000000003b10209000a00011761";
    private const string F16 = "aa16ac00000000000002b002090001191a000101012d1d";

    private static readonly string[] Replies = { P01, P02, P04, P05, P06, P07, P08, P09, P10, P11, P12 };

    public static IEnumerable<object[]> ReplyVectors() => Replies.Select(r => new object[] { r });

    private static IReadOnlyList<PropertyValue> Entries(string frame) => PropertyCodec.ParseReply(AaFrame.Decode(B(frame)).Body);

    private static AcProperties Decode(string frame, AcProperties? previous = null) => AcProperties.Decode(Entries(frame), previous);

    private static void AssertNothingDecoded(AcProperties p)
    {
        Assert.Null(p.VerticalSwingAngle);
        Assert.Null(p.HorizontalSwingAngle);
        Assert.Null(p.Breezeless);
        Assert.Null(p.SelfClean);
        Assert.Null(p.BreezeAway);
        Assert.Null(p.Breeze);
        Assert.Null(p.RateSelect);
        Assert.Null(p.FreshAirSpeed);
        Assert.Null(p.CascadeMode);
        Assert.Null(p.Flash);
        Assert.Null(p.OutSilent);
        Assert.Null(p.IEco);
        Assert.Null(p.IEcoNumber);
    }

    [Fact]
    public void P01_swing_angles_off_humidity_undecoded_anion_empty()
    {
        IReadOnlyList<PropertyValue> entries = Entries(P01);
        Assert.Equal(new ushort[] { 0x0009, 0x000A, 0x0015, 0x021E }, entries.Select(e => e.Id));
        Assert.Equal("2b", H(entries[2].Value));
        Assert.Empty(entries[3].Value);
        Assert.All(entries, e => Assert.False(e.Failed));

        AcProperties p = Decode(P01);
        Assert.Equal((byte)0, p.VerticalSwingAngle);
        Assert.Equal((byte)0, p.HorizontalSwingAngle);
        Assert.Empty(p.Failed);
        Assert.Equal(new ushort[] { PropertyId.IndoorHumidity, PropertyId.Anion }, p.Undecoded);
        Assert.Null(p.Breeze);
        Assert.Null(p.FreshAirSpeed);
    }

    [Fact]
    public void P02_B0_ack_failed_vertical_still_stored()
    {
        AaFrame frame = AaFrame.Decode(B(P02));
        Assert.Equal((byte)FrameType.Set, frame.FrameType);
        Assert.Equal(PropertyCodec.SetId, frame.Id);

        AcProperties p = AcProperties.Decode(PropertyCodec.ParseReply(frame.Body));
        Assert.Equal((byte)50, p.HorizontalSwingAngle);
        Assert.Equal((byte)0, p.VerticalSwingAngle);
        PropertyValue failed = Assert.Single(p.Failed);
        Assert.Equal(PropertyId.VerticalSwingAngle, failed.Id);
        Assert.Equal(0x11, failed.Result);
        Assert.True(failed.Failed);
        Assert.Empty(p.Undecoded);
    }

    [Fact]
    public void P04_unknown_id_and_buzzer_decode_nothing()
    {
        IReadOnlyList<PropertyValue> entries = Entries(P04);
        Assert.Equal(2, entries.Count);
        Assert.Equal(0x001E, entries[0].Id);
        Assert.Equal(0x10, entries[0].Result);
        Assert.Equal("00100000", H(entries[0].Value));
        Assert.Equal(PropertyId.Buzzer, entries[1].Id);
        Assert.Equal("00", H(entries[1].Value));

        AcProperties p = Decode(P04);
        AssertNothingDecoded(p);
        Assert.Equal((ushort)0x001E, Assert.Single(p.Failed).Id);
        Assert.Equal(new ushort[] { 0x001E, PropertyId.Buzzer }, p.Undecoded);
    }

    [Fact]
    public void P05_breeze_control_failed_raw_value_4_still_decoded()
    {
        AcProperties p = Decode(P05);
        PropertyValue failed = Assert.Single(p.Failed);
        Assert.Equal(PropertyId.BreezeControl, failed.Id);
        Assert.Equal(0x11, failed.Result);
        Assert.Equal("04", H(failed.Value));
        Assert.Equal(BreezeSetting.Breezeless, p.Breeze);
        Assert.Equal(new ushort[] { PropertyId.Buzzer }, p.Undecoded);
    }

    [Fact]
    public void P06_single_horizontal_angle_keeps_previous_vertical()
    {
        var previous = new AcProperties { VerticalSwingAngle = 75, HorizontalSwingAngle = 1, Flash = true };
        AcProperties p = Decode(P06, previous);
        Assert.Equal((byte)50, p.HorizontalSwingAngle);
        Assert.Equal((byte)75, p.VerticalSwingAngle);
        Assert.True(p.Flash);
        Assert.Equal((byte)1, previous.HorizontalSwingAngle);   // previous is not changed

        AcProperties fresh = Decode(P06);
        Assert.Equal((byte)50, fresh.HorizontalSwingAngle);
        Assert.Null(fresh.VerticalSwingAngle);
    }

    [Theory]
    [InlineData(P07, true, false, false)]
    [InlineData(P08, true, false, false)]
    [InlineData(P09, false, true, false)]
    [InlineData(P10, false, false, true)]
    public void P07_to_P10_breeze_triples(string frame, bool away, bool mild, bool breezeless)
    {
        AcProperties p = Decode(frame);
        Assert.Equal(away, p.BreezeAwayOn);
        Assert.Equal(mild, p.BreezeMildOn);
        Assert.Equal(breezeless, p.BreezelessOn);
        Assert.Empty(p.Failed);
        Assert.Empty(p.Undecoded);
    }

    [Fact]
    public void P07_to_P10_raw_fields()
    {
        AcProperties p07 = Decode(P07);
        Assert.Equal(BreezeSetting.BreezeAway, p07.Breeze);
        Assert.False(p07.Breezeless);
        Assert.Null(p07.BreezeAway);   // len 0

        AcProperties p08 = Decode(P08);
        Assert.Null(p08.Breeze);
        Assert.Null(p08.Breezeless);
        Assert.True(p08.BreezeAway);

        Assert.Equal(BreezeSetting.BreezeMild, Decode(P09).Breeze);

        AcProperties p10 = Decode(P10);
        Assert.Equal(BreezeSetting.Breezeless, p10.Breeze);
        Assert.True(p10.Breezeless);
    }

    [Fact]
    public void P11_fresh_air_on_speed_80()
    {
        AcProperties p = Decode(P11);
        Assert.Equal((byte)80, p.FreshAirSpeed);
        Assert.Equal("015052", H(Entries(P11)[0].Value));
    }

    [Fact]
    public void P12_fresh_air_off_ignores_speed()
    {
        Assert.Equal((byte)0, Decode(P12).FreshAirSpeed);
    }

    [Fact]
    public void F15_GetRequest_matches_vector()
    {
        byte[] frame = PropertyCodec.GetRequest(new ushort[] { PropertyId.VerticalSwingAngle, PropertyId.HorizontalSwingAngle }, 0x01);
        Assert.Equal(F15, H(frame));
    }

    [Fact]
    public void F16_SetRequest_matches_vector_without_result_bytes()
    {
        var values = new[] { PropertyValues.SwingAngle(true, 25), new PropertyValue(PropertyId.Buzzer, 0x11, new byte[] { 1 }) };
        Assert.Equal(F16, H(PropertyCodec.SetRequest(values, 0x01)));
    }

    [Fact]
    public void GetRequest_body_layout()
    {
        AaFrame frame = AaFrame.Decode(PropertyCodec.GetRequest(new ushort[] { 0x0009, 0x021E, 0x00E3 }, 0x7F));
        Assert.Equal((byte)FrameType.Query, frame.FrameType);
        Assert.Equal("b103" + "0900" + "1e02" + "e300" + "7f", H(frame.Body));
    }

    [Fact]
    public void SetRequest_body_layout()
    {
        var values = new[] { PropertyValues.FreshAir(true, 60), PropertyValues.Breeze(BreezeSetting.BreezeMild), new PropertyValue(0x1234, 0, Array.Empty<byte>()) };
        AaFrame frame = AaFrame.Decode(PropertyCodec.SetRequest(values, 0x42));
        Assert.Equal((byte)FrameType.Set, frame.FrameType);
        Assert.Equal("b003" + "4b0003013cff" + "43000103" + "341200" + "42", H(frame.Body));
    }

    [Fact]
    public void ParseGetRequest_inverts_GetRequest()
    {
        var ids = new ushort[] { 0x0042, 0x0043, 0x0018, 0x0059, 0x0067, 0x004B, 0x00E3, 0x00CD, 0x0039, 0x0009, 0x000A, 0x0048 };
        byte[] body = AaFrame.DecodeRequest(PropertyCodec.GetRequest(ids, 0x33)).Body;
        Assert.Equal(ids, PropertyCodec.ParseGetRequest(body));
        Assert.Empty(PropertyCodec.ParseGetRequest(AaFrame.Decode(PropertyCodec.GetRequest(Array.Empty<ushort>(), 1)).Body));
    }

    [Fact]
    public void ParseSetRequest_inverts_SetRequest_with_result_zero()
    {
        var values = new[]
        {
            PropertyValues.IEco(true, 2),
            PropertyValues.Cascade(2),
            new PropertyValue(0x0777, 0x11, Array.Empty<byte>()),
            PropertyValues.Buzzer(true),
        };
        byte[] body = AaFrame.DecodeRequest(PropertyCodec.SetRequest(values, 0x09)).Body;
        IReadOnlyList<PropertyValue> parsed = PropertyCodec.ParseSetRequest(body);
        Assert.Equal(values.Select(v => v.Id), parsed.Select(v => v.Id));
        Assert.Equal(values.Select(v => H(v.Value)), parsed.Select(v => H(v.Value)));
        Assert.All(parsed, v => Assert.Equal(0, v.Result));
    }

    [Fact]
    public void ParseSetRequest_F16()
    {
        IReadOnlyList<PropertyValue> parsed = PropertyCodec.ParseSetRequest(AaFrame.DecodeRequest(B(F16)).Body);
        Assert.Equal(new ushort[] { 0x0009, 0x001A }, parsed.Select(v => v.Id));
        Assert.Equal(new[] { "19", "01" }, parsed.Select(v => H(v.Value)));
    }

    [Theory]
    [InlineData("b00109000119")]          // message id missing
    [InlineData("b001090002")]            // value cut
    [InlineData("b0010900")]              // entry header cut
    [InlineData("b0")]
    [InlineData("")]
    public void ParseSetRequest_truncated(string hex)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => PropertyCodec.ParseSetRequest(B(hex)));
        Assert.Equal(ProtocolFault.Truncated, ex.Fault);
    }

    [Theory]
    [InlineData("b102090001")]            // second id cut before the message id
    [InlineData("b1010900")]              // message id missing
    [InlineData("b1")]
    [InlineData("")]
    public void ParseGetRequest_truncated(string hex)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => PropertyCodec.ParseGetRequest(B(hex)));
        Assert.Equal(ProtocolFault.Truncated, ex.Fault);
    }

    [Theory]
    [InlineData("b00109000101")]
    [InlineData("c10109000101")]
    public void ParseGetRequest_wrong_id_is_bad_value(string hex)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => PropertyCodec.ParseGetRequest(B(hex)));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
    }

    [Fact]
    public void ParseSetRequest_wrong_id_is_bad_value()
    {
        var ex = Assert.Throws<MideaProtocolException>(() => PropertyCodec.ParseSetRequest(B("b1010900010101")));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
    }

    [Theory]
    [InlineData(PropertyCodec.GetId)]
    [InlineData(PropertyCodec.SetId)]
    public void EncodeReply_round_trips_with_failed_results(byte responseId)
    {
        var values = new[]
        {
            new PropertyValue(PropertyId.HorizontalSwingAngle, 0x00, new byte[] { 50 }),
            new PropertyValue(PropertyId.VerticalSwingAngle, 0x11, new byte[] { 0 }),
            new PropertyValue(0x001E, 0x10, new byte[] { 0, 0x10, 0, 0 }),
            new PropertyValue(PropertyId.Anion, 0x00, Array.Empty<byte>()),
            new PropertyValue(PropertyId.IEco, 0x00, PropertyValues.IEco(true, 3).Value),
        };
        byte[] body = PropertyCodec.EncodeReply(responseId, values);
        Assert.Equal(responseId, body[0]);
        Assert.Equal(5, body[1]);
        Assert.Equal(0, body[body.Length - 1]);
        IReadOnlyList<PropertyValue> parsed = PropertyCodec.ParseReply(body);
        Assert.Equal(values.Select(v => (v.Id, v.Result, H(v.Value))), parsed.Select(v => (v.Id, v.Result, H(v.Value))));
        Assert.Equal(new[] { false, true, true, false, false }, parsed.Select(v => v.Failed));
    }

    [Fact]
    public void EncodeReply_reproduces_P02_body()
    {
        var values = new[]
        {
            new PropertyValue(PropertyId.HorizontalSwingAngle, 0x00, new byte[] { 0x32 }),
            new PropertyValue(PropertyId.VerticalSwingAngle, 0x11, new byte[] { 0x00 }),
        };
        Assert.Equal(H(AaFrame.Decode(B(P02)).Body), H(PropertyCodec.EncodeReply(PropertyCodec.SetId, values)));
    }

    [Fact]
    public void EncodeReply_frames_like_P06()
    {
        byte[] body = PropertyCodec.EncodeReply(PropertyCodec.GetId, new[] { new PropertyValue(PropertyId.HorizontalSwingAngle, 0, new byte[] { 50 }) });
        Assert.Equal(P06, H(AaFrame.Encode(FrameType.Query, body, protocolVersion: 3)));
    }

    [Fact]
    public void EncodeReply_rejects_other_ids()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PropertyCodec.EncodeReply(0xC0, Array.Empty<PropertyValue>()));
    }

    [Fact]
    public void Oversized_value_is_rejected()
    {
        var values = new[] { new PropertyValue(1, 0, new byte[256]) };
        Assert.Throws<ArgumentException>(() => PropertyCodec.SetRequest(values, 1));
        Assert.Throws<ArgumentException>(() => PropertyCodec.EncodeReply(PropertyCodec.GetId, values));
    }

    public static IEnumerable<object[]> Helpers() => new[]
    {
        new object[] { PropertyValues.SwingAngle(true, 25), PropertyId.VerticalSwingAngle, "19" },
        new object[] { PropertyValues.SwingAngle(false, 100), PropertyId.HorizontalSwingAngle, "64" },
        new object[] { PropertyValues.Breezeless(true), PropertyId.Breezeless, "01" },
        new object[] { PropertyValues.Breezeless(false), PropertyId.Breezeless, "00" },
        new object[] { PropertyValues.Buzzer(true), PropertyId.Buzzer, "01" },
        new object[] { PropertyValues.Buzzer(false), PropertyId.Buzzer, "00" },
        new object[] { PropertyValues.SelfClean(), PropertyId.SelfClean, "01" },
        new object[] { PropertyValues.BreezeAway(true), PropertyId.BreezeAway, "02" },
        new object[] { PropertyValues.BreezeAway(false), PropertyId.BreezeAway, "01" },
        new object[] { PropertyValues.Breeze(BreezeSetting.Off), PropertyId.BreezeControl, "01" },
        new object[] { PropertyValues.Breeze(BreezeSetting.Breezeless), PropertyId.BreezeControl, "04" },
        new object[] { PropertyValues.RateSelect(75), PropertyId.RateSelect, "4b" },
        new object[] { PropertyValues.FreshAir(true, 80), PropertyId.FreshAir, "0150ff" },
        new object[] { PropertyValues.FreshAir(false, 40), PropertyId.FreshAir, "0028ff" },
        new object[] { PropertyValues.Cascade(0), PropertyId.Cascade, "0000" },
        new object[] { PropertyValues.Cascade(1), PropertyId.Cascade, "0101" },
        new object[] { PropertyValues.Cascade(2), PropertyId.Cascade, "0102" },
        new object[] { PropertyValues.Flash(true), PropertyId.Flash, "01" },
        new object[] { PropertyValues.Flash(false), PropertyId.Flash, "00" },
        new object[] { PropertyValues.OutSilent(true), PropertyId.OutSilent, "03" },
        new object[] { PropertyValues.OutSilent(false), PropertyId.OutSilent, "00" },
        new object[] { PropertyValues.IEco(true, 1), PropertyId.IEco, "000101" + "00000000000000000000" },
        new object[] { PropertyValues.IEco(false, 7), PropertyId.IEco, "000700" + "00000000000000000000" },
    };

    [Theory]
    [MemberData(nameof(Helpers))]
    public void PropertyValues_helpers_encode_per_table(PropertyValue value, ushort id, string hex)
    {
        Assert.Equal(id, value.Id);
        Assert.Equal(0, value.Result);
        Assert.Equal(hex, H(value.Value));
    }

    [Fact]
    public void Set_values_echoed_in_a_reply_decode_back()
    {
        var values = new[]
        {
            PropertyValues.SwingAngle(true, 75), PropertyValues.SwingAngle(false, 1), PropertyValues.Breezeless(true),
            PropertyValues.SelfClean(), PropertyValues.BreezeAway(true), PropertyValues.Breeze(BreezeSetting.BreezeMild),
            PropertyValues.RateSelect(50), PropertyValues.FreshAir(true, 100), PropertyValues.Cascade(2),
            PropertyValues.Flash(true), PropertyValues.OutSilent(true), PropertyValues.Buzzer(true),
        };
        AcProperties p = AcProperties.Decode(PropertyCodec.ParseReply(PropertyCodec.EncodeReply(PropertyCodec.SetId, values)));
        Assert.Equal((byte)75, p.VerticalSwingAngle);
        Assert.Equal((byte)1, p.HorizontalSwingAngle);
        Assert.True(p.Breezeless);
        Assert.True(p.SelfClean);
        Assert.True(p.BreezeAway);
        Assert.Equal(BreezeSetting.BreezeMild, p.Breeze);
        Assert.Equal((byte)50, p.RateSelect);
        Assert.Equal((byte)100, p.FreshAirSpeed);
        Assert.Equal((byte)2, p.CascadeMode);
        Assert.True(p.Flash);
        Assert.True(p.OutSilent);
        Assert.Equal(new ushort[] { PropertyId.Buzzer }, p.Undecoded);
    }

    [Theory]
    [InlineData("0102", (byte)1, true)]
    [InlineData("0200", (byte)2, false)]
    [InlineData("00010000", (byte)0, true)]
    public void IEco_reply_decode_number_then_switch(string hex, byte number, bool on)
    {
        AcProperties p = AcProperties.Decode(new[] { new PropertyValue(PropertyId.IEco, 0, B(hex)) });
        Assert.Equal(number, p.IEcoNumber);
        Assert.Equal(on, p.IEco);
    }

    [Theory]
    [InlineData(PropertyId.BreezeControl, "00", BreezeSetting.Off)]
    [InlineData(PropertyId.BreezeControl, "05", BreezeSetting.Off)]
    [InlineData(PropertyId.BreezeControl, "02", BreezeSetting.BreezeAway)]
    public void Breeze_control_out_of_range_is_off(ushort id, string hex, BreezeSetting expected)
    {
        Assert.Equal(expected, AcProperties.Decode(new[] { new PropertyValue(id, 0, B(hex)) }).Breeze);
    }

    [Fact]
    public void Other_single_byte_decoders()
    {
        AcProperties p = AcProperties.Decode(new[]
        {
            new PropertyValue(PropertyId.BreezeAway, 0, B("01")),
            new PropertyValue(PropertyId.OutSilent, 0, B("01")),
            new PropertyValue(PropertyId.Cascade, 0, B("00")),
            new PropertyValue(PropertyId.FreshAir, 0, B("00")),
            new PropertyValue(PropertyId.SelfClean, 0, B("00")),
        });
        Assert.False(p.BreezeAway);
        Assert.False(p.OutSilent);
        Assert.Equal((byte)0, p.CascadeMode);
        Assert.Equal((byte)0, p.FreshAirSpeed);
        Assert.False(p.SelfClean);
        Assert.Empty(p.Undecoded);
    }

    [Fact]
    public void Values_too_short_for_their_decoder_are_undecoded()
    {
        var previous = new AcProperties { FreshAirSpeed = 40 };
        AcProperties p = AcProperties.Decode(new[]
        {
            new PropertyValue(PropertyId.FreshAir, 0, B("01")),
            new PropertyValue(PropertyId.Cascade, 0, B("01")),
            new PropertyValue(PropertyId.IEco, 0, B("01")),
        }, previous);
        Assert.Equal((byte)40, p.FreshAirSpeed);
        Assert.Null(p.CascadeMode);
        Assert.Null(p.IEco);
        Assert.Equal(new ushort[] { PropertyId.FreshAir, PropertyId.Cascade, PropertyId.IEco }, p.Undecoded);
    }

    [Fact]
    public void Failed_and_undecoded_belong_to_the_latest_decode()
    {
        AcProperties first = Decode(P05);
        AcProperties second = AcProperties.Decode(Entries(P06), first);
        Assert.Empty(second.Failed);
        Assert.Empty(second.Undecoded);
        Assert.Equal(BreezeSetting.Breezeless, second.Breeze);
    }

    [Fact]
    public void ParseReply_stops_at_count_and_when_fewer_than_4_bytes_remain()
    {
        // Count 3 but only one entry and three stray bytes.
        IReadOnlyList<PropertyValue> values = PropertyCodec.ParseReply(B("b1030900000119000000"));
        Assert.Equal(PropertyId.VerticalSwingAngle, Assert.Single(values).Id);
        // Count 1 with two entries present: only the first is read.
        Assert.Single(PropertyCodec.ParseReply(B("b1010900000119" + "0a0000013200")));
        // Count 0.
        Assert.Empty(PropertyCodec.ParseReply(B("b100")));
    }

    [Fact]
    public void ParseReply_drops_an_entry_whose_value_is_cut()
    {
        IReadOnlyList<PropertyValue> values = PropertyCodec.ParseReply(B("b102" + "0900000119" + "4b00000301"));
        Assert.Equal(PropertyId.VerticalSwingAngle, Assert.Single(values).Id);
    }

    [Theory]
    [InlineData("", ProtocolFault.Truncated)]
    [InlineData("b1", ProtocolFault.Truncated)]
    [InlineData("b0", ProtocolFault.Truncated)]
    [InlineData("c0", ProtocolFault.BadValue)]
    [InlineData("b5030900000119", ProtocolFault.BadValue)]
    [InlineData("c10109000001", ProtocolFault.BadValue)]
    public void ParseReply_rejects(string hex, ProtocolFault fault)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => PropertyCodec.ParseReply(B(hex)));
        Assert.Equal(fault, ex.Fault);
    }

    [Theory]
    [MemberData(nameof(ReplyVectors))]
    public void Every_truncation_of_a_reply_body_parses_or_throws_protocol_exception(string frame)
    {
        byte[] body = AaFrame.Decode(B(frame)).Body;
        for (int n = 0; n <= body.Length; n++)
        {
            byte[] cut = body.AsSpan(0, n).ToArray();
            try
            {
                AcProperties.Decode(PropertyCodec.ParseReply(cut));
            }
            catch (MideaProtocolException)
            {
                Assert.True(n < 2, $"Only bodies shorter than 2 bytes may throw, not {n} bytes.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ReplyVectors))]
    public void Every_truncation_of_a_request_body_parses_or_throws_protocol_exception(string frame)
    {
        // Reuse each reply's entries as a request, then cut it.
        IReadOnlyList<PropertyValue> entries = Entries(frame);
        byte[][] bodies =
        {
            AaFrame.Decode(PropertyCodec.SetRequest(entries, 0x01)).Body,
            AaFrame.Decode(PropertyCodec.GetRequest(entries.Select(e => e.Id).ToArray(), 0x01)).Body,
        };
        foreach (byte[] body in bodies)
        {
            for (int n = 0; n <= body.Length; n++)
            {
                byte[] cut = body.AsSpan(0, n).ToArray();
                try
                {
                    if (body[0] == PropertyCodec.SetId) PropertyCodec.ParseSetRequest(cut);
                    else PropertyCodec.ParseGetRequest(cut);
                    Assert.Equal(body.Length, n);   // only the full body parses
                }
                catch (MideaProtocolException ex)
                {
                    Assert.Equal(ProtocolFault.Truncated, ex.Fault);
                }
            }
        }
    }

    [Theory]
    [InlineData(PropertyId.VerticalSwingAngle, "VerticalSwingAngle")]
    [InlineData(PropertyId.HorizontalSwingAngle, "HorizontalSwingAngle")]
    [InlineData(PropertyId.IndoorHumidity, "IndoorHumidity")]
    [InlineData(PropertyId.Breezeless, "Breezeless")]
    [InlineData(PropertyId.Buzzer, "Buzzer")]
    [InlineData(PropertyId.SelfClean, "SelfClean")]
    [InlineData(PropertyId.BreezeAway, "BreezeAway")]
    [InlineData(PropertyId.BreezeControl, "BreezeControl")]
    [InlineData(PropertyId.RateSelect, "RateSelect")]
    [InlineData(PropertyId.FreshAir, "FreshAir")]
    [InlineData(PropertyId.Cascade, "Cascade")]
    [InlineData(PropertyId.Flash, "Flash")]
    [InlineData(PropertyId.OutSilent, "OutSilent")]
    [InlineData(PropertyId.IEco, "IEco")]
    [InlineData(PropertyId.Anion, "Anion")]
    [InlineData((ushort)0x001E, "0x001e")]
    [InlineData((ushort)0x1234, "0x1234")]
    public void PropertyId_names(ushort id, string name)
    {
        Assert.Equal(name, PropertyId.Name(id));
    }

    [Theory]
    [InlineData(0x00, false)]
    [InlineData(0x01, false)]
    [InlineData(0x10, true)]
    [InlineData(0x11, true)]
    [InlineData(0xEF, false)]
    public void Failed_is_result_bit_0x10(byte result, bool failed)
    {
        Assert.Equal(failed, new PropertyValue(1, result, Array.Empty<byte>()).Failed);
    }

    [Fact]
    public void Property_ids_have_the_table_values()
    {
        Assert.Equal(new ushort[] { 0x09, 0x0A, 0x15, 0x18, 0x1A, 0x39, 0x42, 0x43, 0x48, 0x4B, 0x59, 0x67, 0xCD, 0xE3, 0x21E },
            new[]
            {
                PropertyId.VerticalSwingAngle, PropertyId.HorizontalSwingAngle, PropertyId.IndoorHumidity, PropertyId.Breezeless,
                PropertyId.Buzzer, PropertyId.SelfClean, PropertyId.BreezeAway, PropertyId.BreezeControl, PropertyId.RateSelect,
                PropertyId.FreshAir, PropertyId.Cascade, PropertyId.Flash, PropertyId.OutSilent, PropertyId.IEco, PropertyId.Anion,
            });
    }
}
