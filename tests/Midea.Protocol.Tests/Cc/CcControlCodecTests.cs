using System;
using System.Linq;
using CsCheck;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;
using Xunit;
using static Midea.Protocol.Tests.CcVectors;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

/// <summary>The 0xCC control and its answer (protocol.md §9.4) on the vectors of §7.9.</summary>
public class CcControlCodecTests
{
    private const byte Cc = AaFrame.CommercialAirConditioner;

    [Fact]
    public void Power_cool_and_vertical_position_4_is_M37_byte_for_byte()
    {
        var changes = new CcChanges { VerticalSwingAngle = CcSwingAngle.Position4, Mode = CcMode.Cool, Power = true };
        Assert.Equal(M37, H(CcControlCodec.Control(changes, 0x02)));
    }

    [Fact]
    public void A_unit_reads_M37_as_power_cool_and_vertical_position_4()
    {
        CcChanges c = CcControlCodec.ParseEntries(AaFrame.DecodeRequest(B(M37), Cc).Body);
        Assert.Equal(new[] { CcControl.Power, CcControl.Mode, CcControl.VerticalSwingAngle }, c.Named);
        Assert.Equal((true, CcMode.Cool, CcSwingAngle.Position4), (c.Power, c.Mode, c.VerticalSwingAngle));
        Assert.Empty(c.UnknownEntries);
    }

    [Fact]
    public void M38_confirms_power_on_and_cool()
    {
        CcChanges c = CcControlCodec.ParseEntries(AaFrame.Decode(B(M38), Cc).Body);
        Assert.Equal(new[] { CcControl.Power, CcControl.Mode }, c.Named);
        Assert.Equal((true, CcMode.Cool), (c.Power, c.Mode));
    }

    [Fact]
    public void M39_confirms_power_on_and_24_degrees()
    {
        CcChanges c = CcControlCodec.ParseEntries(AaFrame.Decode(B(M39), Cc).Body);
        Assert.Equal(new[] { CcControl.Power, CcControl.TargetTemperature }, c.Named);
        Assert.Equal((true, 24.0), (c.Power, c.TargetTemperature));
    }

    [Fact]
    public void M40_keeps_an_unknown_id_apart_and_reads_on()
    {
        CcChanges c = CcControlCodec.ParseEntries(B(M40));
        Assert.Equal(new[] { CcControl.Power }, c.Named);
        var unknown = Assert.Single(c.UnknownEntries);
        Assert.Equal((ushort)0xAA03, unknown.Id);
        Assert.Equal("80", H(unknown.Value));
    }

    [Fact]
    public void M41_skips_its_two_zero_length_entries_and_keeps_the_other_two()
    {
        CcChanges c = CcControlCodec.ParseEntries(B(M41));
        Assert.Equal(new[] { CcControl.Power, CcControl.WindSense }, c.Named);
        Assert.Equal((false, CcWindSense.Off), (c.Power, c.WindSense));
        Assert.Empty(c.UnknownEntries);
    }

    [Fact]
    public void M43_is_too_short_for_one_entry()
    {
        var e = Assert.Throws<MideaProtocolException>(() => CcControlCodec.ParseEntries(B(M43)));
        Assert.Equal(ProtocolFault.Truncated, e.Fault);
    }

    [Fact]
    public void An_entry_whose_value_runs_past_the_body_is_refused()
    {
        var e = Assert.Throws<MideaProtocolException>(() => CcControlCodec.ParseEntries(B("00000301ff")));
        Assert.Equal(ProtocolFault.Truncated, e.Fault);
    }

    [Fact]
    public void Every_prefix_of_every_control_vector_is_refused_as_truncated_or_reads_fewer_entries()
    {
        foreach (byte[] body in new[] { AaFrame.Decode(B(M37), Cc).Body, AaFrame.Decode(B(M38), Cc).Body, AaFrame.Decode(B(M39), Cc).Body, B(M40), B(M41) })
        {
            int full = CcControlCodec.ParseEntries(body).Named.Count + CcControlCodec.ParseEntries(body).UnknownEntries.Count;
            for (int n = 0; n < body.Length; n++)
            {
                byte[] prefix = body.AsSpan(0, n).ToArray();
                try
                {
                    CcChanges c = CcControlCodec.ParseEntries(prefix);
                    Assert.True(c.Named.Count + c.UnknownEntries.Count <= full);
                }
                catch (MideaProtocolException e)
                {
                    Assert.Equal(ProtocolFault.Truncated, e.Fault);
                }
            }
        }
    }

    [Fact]
    public void Every_prefix_of_a_control_frame_is_refused()
    {
        foreach (string hex in new[] { M37, M38, M39 })
        {
            byte[] frame = B(hex);
            for (int n = 0; n < frame.Length; n++)
                Assert.Throws<MideaProtocolException>(() => CcControlCodec.ParseEntries(AaFrame.Decode(frame.AsSpan(0, n), Cc).Body));
        }
    }

    [Fact]
    public void The_unit_answer_ends_in_00_00_like_M38()
    {
        byte[] answer = CcControlCodec.AnswerFrame(new CcChanges { Power = true, Mode = CcMode.Cool });
        Assert.Equal(M38, H(answer));
    }

    [Fact]
    public void Changes_survive_a_control_and_the_unit_answer()
    {
        Gen.Select(CcGen.Changes, Gen.Byte).Sample((changes, id) =>
        {
            CcAssert.Same(changes, CcControlCodec.ParseEntries(AaFrame.DecodeRequest(CcControlCodec.Control(changes, id), Cc).Body));
            CcAssert.Same(changes, CcControlCodec.ParseEntries(AaFrame.Decode(CcControlCodec.AnswerFrame(changes), Cc).Body));
        }, iter: Fuzz.RoundTrip);
    }

    [Fact]
    public void Applying_changes_sets_the_named_fields_and_keeps_the_rest()
    {
        Gen.Select(CcGen.States, CcGen.Changes).Sample((state, changes) =>
        {
            CcState next = changes.ApplyTo(state);
            var named = changes.Named;
            Assert.Equal(named.Contains(CcControl.Power) ? changes.Power : state.Power, next.Power);
            Assert.Equal(named.Contains(CcControl.TargetTemperature) ? changes.TargetTemperature : state.TargetTemperature, next.TargetTemperature);
            Assert.Equal(named.Contains(CcControl.Mode) ? changes.Mode : state.Mode, next.Mode);
            Assert.Equal(named.Contains(CcControl.AuxiliaryHeat) ? changes.AuxiliaryHeat : state.AuxiliaryHeat, next.AuxiliaryHeat);
            Assert.Equal(named.Contains(CcControl.Display) ? changes.Display : state.Display, next.Display);
            Assert.Equal(state.IndoorTemperature, next.IndoorTemperature);
            Assert.Equal(state.IndoorHumidity, next.IndoorHumidity);
        }, iter: Fuzz.RoundTrip);
    }

    [Fact]
    public void Applying_every_field_gives_the_changed_state()
    {
        var state = new CcState { IndoorTemperature = 21.4 };
        var changes = new CcChanges
        {
            Power = true, TargetTemperature = 22.5, Fahrenheit = true, TargetHumidity = 55, Mode = CcMode.Dry, FanSpeed = CcFanSpeed.Level5,
            VerticalSwingAngle = CcSwingAngle.Auto, HorizontalSwingAngle = CcSwingAngle.Position1, WindSense = CcWindSense.Avoid, Eco = true,
            Silent = true, Sleep = true, SelfClean = true, Purifier = CcPurifier.On, Beep = true, Display = false, AuxiliaryHeat = CcAuxiliaryHeat.On,
        };
        CcState next = changes.ApplyTo(state);
        var expected = new CcState
        {
            Power = true, TargetTemperature = 22.5, IndoorTemperature = 21.4, Fahrenheit = true, TargetHumidity = 55, Mode = CcMode.Dry,
            FanSpeed = CcFanSpeed.Level5, VerticalSwingAngle = CcSwingAngle.Auto, HorizontalSwingAngle = CcSwingAngle.Position1,
            WindSense = CcWindSense.Avoid, Eco = true, Silent = true, Sleep = true, Purifier = CcPurifier.On, Beep = true, Display = false,
            AuxiliaryHeat = CcAuxiliaryHeat.On,
        };
        CcAssert.Same(expected, next);
        Assert.Equal(17, changes.Named.Count);
    }

    [Fact]
    public void A_control_naming_nothing_or_a_temperature_out_of_range_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CcControlCodec.Control(new CcChanges(), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CcControlCodec.Control(new CcChanges { TargetTemperature = 90 }, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CcControlCodec.Control(new CcChanges { TargetHumidity = 256 }, 1));
    }
}
