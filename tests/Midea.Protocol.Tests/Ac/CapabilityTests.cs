using System;
using System.Collections.Generic;
using System.Linq;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class CapabilityTests
{
    // protocol.md §7.4. K01..K14 are frames; K15..K22 are bodies (K22 keeps its CRC byte 36).
    private const string K01 = "aa29ac00000000000303b5071202010113020101140201011502010116020101170201001a020101dedb";
    private const string K02 = "aa3dac00000000000203b50a12020101180001001402010115020101160201001a020101100201011f020100250207203c203c203c00400001000100c83a";
    private const string K03 = "aa29ac00000000000303b507120201021402010015020102170201021a0201021002010524020101990d";
    private const string K04 = "aa39ac00000000000303b50912020102130201001402010015020100170201021a02010010020101250207203c203c203c00240201010102a1a0";
    private const string K05 = "aa3dac00000000000303b50a12020101430001011402010115020101160201001a020101100201011f020103250207203c203c203c05400001000100c805";
    private const string K06 = "aa23ac00000000000303b5051e020101130201012202010019020100390001010000febe";
    private const string K07 = "aa29ac00000000000303b50514020109150201021a020101250207203c203c203c003402010101007b1d";
    private const string K08 = "aa2fac00000000000303b508100201051f020100300001001302010019020101390001009300010194000101000095ca";
    private const string K09 = "aa27ac00000000000303b5051f0201002c020101670001011602010451000101e30001010004f564";
    private const string K10 = "aa56ac00000000000803b51012020100180001001402010115020101160201041a020101100201011f020103250207203c203c203c0551000101e30002080867000102c200010098000101950001019d00010101008b43";
    private const string K11 = "aa52ac00000000000803b50f120201001402010015020101160201041a02010110020101250207203c203c203c002402010151000101e3000208086700010495000101980001017c000100cd0001000100bd47";
    private const string K12 = "aa3bac00000000000303b50a1e02010113020101220201001902010039000101580001024200010159000101090001010a000101000000000000cfbf";
    private const string K13 = "aa2fac00000000000803b5081f0201002c020101160201043900010151000101e300010113020101cd0001030002365b";
    private const string K14 = "aa2bac00000000000803b5071f0201002c020101160201043900010151000101e3000101130201010002fa6d";
    private const string K15a = "b50a12020101430001011402010115020101160201001a020101100201011f020103250207203c203c203c05400001000100";
    private const string K15b = "b5051e020101130201012202010019020100390001010000";
    private const string K16a = "b50a1202010114020101150201001e020101170201021a02010110020101250207203c203c203c0024020101480001010101";
    private const string K16b = "b5071f0201002c020101160201043900010151000101e3000101130201010002";
    private const string K17a = "b50912020101180001001402010115020101160201001a020101100201011f020103250207203c203c203c050100";
    private const string K17b = "b5091e0201011302010122020100190201003900010142000101090001010a000101300001010000";
    private const string K18a = "b50912020101180001011402010115020101160201001a020101100201011f020103250207203c203c203c050100";
    private const string K18b = "b5041e0201011302010122020100190201000000";
    private const string K19 = "b5014b000101";
    private const string K20 = "b5014b000100";
    private const string K21a = "b50514020109150201021a020101250207203c203c203c00340201010100";
    private const string K21b = "b508100201051f0201003000010013020100190201013900010093000101940001010000";
    private const string K22 = "b5081f0201002c020101160201043900010151000101e300010113020101cd000103000236";
    private const string P03 = "aa1aac00000000000205b50310060101090001010a000101dcbcb4";

    private static readonly byte[] NamedSpeeds = { 20, 40, 60, 80, 100, 102 };
    private static readonly byte[] DefaultSpeeds = { 40, 60, 80, 102 };

    /// <summary>The body a vector stands for: a frame (starting aa) goes through the client frame decoder, a body is used as is.</summary>
    private static byte[] Body(string hex) =>
        hex.StartsWith("aa", StringComparison.Ordinal) ? AaFrame.Decode(B(hex)).Body : B(hex);

    private static CapabilityPage Page(string hex) => CapabilityCodec.ParsePage(Body(hex));

    private static AcCapabilities Caps(params string[] hex) => AcCapabilities.FromPages(hex.Select(Page).ToArray());

    private static void AssertRanges(AcCapabilities c, bool decimals)
    {
        Assert.Equal(16.0, c.CoolMin);
        Assert.Equal(30.0, c.CoolMax);
        Assert.Equal(16.0, c.AutoMin);
        Assert.Equal(30.0, c.AutoMax);
        Assert.Equal(16.0, c.HeatMin);
        Assert.Equal(30.0, c.HeatMax);
        Assert.Equal(decimals, c.TemperatureDecimals);
        Assert.Equal(16.0, c.MinTemperature);
        Assert.Equal(30.0, c.MaxTemperature);
    }

    public static TheoryData<string, string, bool> MorePagesVectors() => new()
    {
        { "K01", K01, false }, { "K02", K02, true }, { "K03", K03, false }, { "K04", K04, true },
        { "K05", K05, true }, { "K06", K06, false }, { "K07", K07, true }, { "K08", K08, false },
        { "K09", K09, false }, { "K10", K10, true }, { "K11", K11, true }, { "K12", K12, false },
        { "K13", K13, false }, { "K14", K14, false }, { "K15a", K15a, true }, { "K15b", K15b, false },
        { "K16a", K16a, true }, { "K16b", K16b, false }, { "K17a", K17a, true }, { "K17b", K17b, false },
        { "K18a", K18a, true }, { "K18b", K18b, false }, { "K19", K19, false }, { "K20", K20, false },
        { "K21a", K21a, true }, { "K21b", K21b, false }, { "K22", K22, true },
    };

    [Theory]
    [MemberData(nameof(MorePagesVectors))]
    public void More_pages_rule_matches_every_vector(string name, string hex, bool more)
    {
        CapabilityPage page = Page(hex);
        Assert.True(more == page.MorePages, $"{name}: MorePages should be {more}.");
    }

    [Fact]
    public void K01_basic_capabilities_without_trailer()
    {
        CapabilityPage page = Page(K01);
        Assert.Equal(7, page.Entries.Count);
        Assert.Empty(page.Trailer);
        AcCapabilities c = AcCapabilities.FromPages(page);
        Assert.True(c.Eco);
        Assert.True(c.FreezeProtection);
        Assert.True(c.ModeHeat);
        Assert.True(c.ModeCool);
        Assert.True(c.ModeDry);
        Assert.True(c.ModeAuto);
        Assert.True(c.SwingHorizontal);
        Assert.True(c.SwingVertical);
        Assert.True(c.TurboHeat);
        Assert.True(c.TurboCool);
        Assert.False(c.AuxHeatFromModes);
        Assert.False(c.AuxOnly);
        Assert.Equal(new[] { AuxiliaryHeat.Off }, c.AuxModes);
        Assert.False(c.EnergyStats);
        Assert.False(c.EnergySetting);
        Assert.False(c.EnergyBcd);
        Assert.False(c.FilterNotice);
        Assert.False(c.FilterClean);
        Assert.False(c.FanSpeedsReported);
        Assert.Equal(DefaultSpeeds, c.FanSpeeds);
        Assert.Null(c.CoolMin);
        Assert.Equal(16.0, c.MinTemperature);
        Assert.Equal(30.0, c.MaxTemperature);
        Assert.Empty(c.UndecodedIds);
        Assert.Equal(new ushort[] { 0x0212, 0x0213, 0x0214, 0x0215, 0x0216, 0x0217, 0x021A }, c.Entries.Select(e => e.Id));
        Assert.Equal(new[] { "Eco", "FreezeProtection", "Modes", "SwingModes", "Energy", "Filter", "Turbo" }, c.Entries.Select(e => e.Name));
    }

    [Fact]
    public void K02_ten_entries_with_unknown_0040()
    {
        CapabilityPage page = Page(K02);
        Assert.Equal(10, page.Entries.Count);
        Assert.Equal(new byte[] { 0x01, 0x00 }, page.Trailer);
        AcCapabilities c = AcCapabilities.FromPages(page);
        Assert.True(c.Eco);
        Assert.False(c.Breezeless);
        Assert.False(c.BreezelessMode);
        Assert.True(c.ModeHeat && c.ModeCool && c.ModeDry && c.ModeAuto);
        Assert.True(c.SwingHorizontal && c.SwingVertical);
        Assert.False(c.EnergyStats);
        Assert.True(c.TurboHeat && c.TurboCool);
        Assert.True(c.FanSpeedsReported);
        Assert.True(c.FanCustom);
        Assert.False(c.FanSilent || c.FanLow || c.FanMedium || c.FanHigh || c.FanAuto);
        Assert.True(c.CustomFanSpeed);
        Assert.Equal(NamedSpeeds, c.FanSpeeds);
        Assert.False(c.HumidityAutoSet);
        Assert.False(c.HumidityManualSet);
        Assert.False(c.Humidity);
        AssertRanges(c, decimals: false);
        Assert.Equal(new ushort[] { 0x0040 }, c.UndecodedIds);
        CapabilityEntry unknown = c.Entries.Single(e => e.Id == 0x0040);
        Assert.Null(unknown.Name);
        Assert.Equal(new byte[] { 0x00 }, unknown.Value);
    }

    [Fact]
    public void K03_toshiba_window_unit()
    {
        AcCapabilities c = Caps(K03);
        Assert.True(c.Eco);
        Assert.False(c.ModeHeat);
        Assert.True(c.ModeCool && c.ModeDry && c.ModeAuto);
        Assert.Equal(new[] { OperationalMode.FanOnly, OperationalMode.Dry, OperationalMode.Cool, OperationalMode.Auto }, c.Modes);
        Assert.False(c.SwingHorizontal);
        Assert.False(c.SwingVertical);
        Assert.Equal(new[] { SwingMode.Off }, c.SwingModes);
        Assert.True(c.FilterNotice);
        Assert.False(c.FilterClean);
        Assert.True(c.FilterReminder);
        Assert.False(c.TurboHeat);
        Assert.False(c.TurboCool);
        Assert.False(c.Turbo);
        Assert.False(c.FanSilent);
        Assert.True(c.FanLow && c.FanMedium && c.FanHigh && c.FanAuto);
        Assert.False(c.FanCustom);
        Assert.Equal(DefaultSpeeds, c.FanSpeeds);
        Assert.True(c.DisplayControl);
        Assert.Empty(c.UndecodedIds);
    }

    [Fact]
    public void K04_u_shaped_window_unit()
    {
        CapabilityPage page = Page(K04);
        Assert.Equal(new byte[] { 0x01, 0x02 }, page.Trailer);
        AcCapabilities c = AcCapabilities.FromPages(page);
        Assert.True(c.Eco);
        Assert.False(c.FreezeProtection);
        Assert.False(c.ModeHeat);
        Assert.True(c.ModeCool && c.ModeDry && c.ModeAuto);
        Assert.False(c.SwingHorizontal);
        Assert.True(c.SwingVertical);
        Assert.Equal(new[] { SwingMode.Off, SwingMode.Vertical }, c.SwingModes);
        Assert.True(c.FilterNotice);
        Assert.False(c.TurboHeat);
        Assert.True(c.TurboCool);
        Assert.True(c.FanCustom);
        AssertRanges(c, decimals: false);
        Assert.True(c.DisplayControl);
    }

    [Fact]
    public void K05_page_one_with_breeze_control_and_decimals()
    {
        AcCapabilities c = Caps(K05);
        Assert.True(c.Eco);
        Assert.True(c.BreezeControl);
        Assert.True(c.ModeHeat && c.ModeCool && c.ModeDry && c.ModeAuto);
        Assert.True(c.SwingHorizontal && c.SwingVertical);
        Assert.False(c.EnergyStats);
        Assert.True(c.TurboHeat && c.TurboCool);
        Assert.True(c.FanCustom);
        Assert.False(c.HumidityAutoSet);
        Assert.True(c.HumidityManualSet);
        AssertRanges(c, decimals: true);
        Assert.Equal(new ushort[] { 0x0040 }, c.UndecodedIds);
    }

    [Fact]
    public void K06_page_two_and_merge_with_K05()
    {
        AcCapabilities c = Caps(K06);
        Assert.True(c.Anion);
        Assert.True(c.FreezeProtection);
        Assert.True(c.Fahrenheit);
        Assert.False(c.AuxElectricHeat);
        Assert.True(c.SelfClean);

        AcCapabilities merged = Caps(K05, K06);
        Assert.True(merged.Humidity);
        Assert.True(merged.TargetHumidity);
        Assert.True(merged.Purifier);
        Assert.True(merged.SelfClean);
        Assert.True(merged.FreezeProtection);
        Assert.True(merged.BreezeControl);
        Assert.Equal(15, merged.Entries.Count);
    }

    [Fact]
    public void K07_aux_heat_page_one()
    {
        AcCapabilities c = Caps(K07);
        Assert.True(c.ModeHeat && c.ModeCool && c.ModeDry && c.ModeAuto);
        Assert.True(c.AuxHeatFromModes);
        Assert.True(c.AuxOnly);
        Assert.False(c.SwingHorizontal);
        Assert.False(c.SwingVertical);
        Assert.True(c.TurboHeat && c.TurboCool);
        AssertRanges(c, decimals: false);
        Assert.Equal(new ushort[] { 0x0234 }, c.UndecodedIds);
        Assert.Equal("BodyCheck", c.Entries.Single(e => e.Id == 0x0234).Name);
    }

    [Fact]
    public void K08_aux_heat_page_two_and_merge_with_K07()
    {
        AcCapabilities c = Caps(K08);
        Assert.True(c.FanLow && c.FanMedium && c.FanHigh && c.FanAuto);
        Assert.False(c.FanSilent);
        Assert.False(c.FanCustom);
        Assert.Equal(DefaultSpeeds, c.FanSpeeds);
        Assert.False(c.HumidityAutoSet || c.HumidityManualSet);
        Assert.False(c.SmartEye);
        Assert.False(c.FreezeProtection);
        Assert.True(c.AuxElectricHeat);
        Assert.False(c.SelfClean);
        Assert.True(c.AuxFanSpeed);
        Assert.True(c.AuxHeatFanSpeed);

        AcCapabilities merged = Caps(K07, K08);
        Assert.Equal(new[] { AuxiliaryHeat.Off, AuxiliaryHeat.On, AuxiliaryHeat.Only }, merged.AuxModes);
    }

    [Fact]
    public void K09_exactly_count_entries_rest_is_trailer()
    {
        CapabilityPage page = Page(K09);
        Assert.Equal(new ushort[] { 0x021F, 0x022C, 0x0067, 0x0216, 0x0051 }, page.Entries.Select(e => e.Id));
        Assert.Equal(B("e30001010004"), page.Trailer);
        AcCapabilities c = AcCapabilities.FromPages(page);
        Assert.False(c.HumidityAutoSet || c.HumidityManualSet);
        Assert.True(c.Buzzer);
        Assert.True(c.Flash);
        Assert.True(c.EnergyStats);
        Assert.False(c.EnergySetting);
        Assert.False(c.EnergyBcd);
        Assert.Equal(new ushort[] { 0x0051 }, c.UndecodedIds);
        Assert.Null(c.IEcoValue);
        Assert.False(c.IEcoSupported);
        Assert.DoesNotContain(c.Entries, e => e.Id == 0x00E3);
    }

    [Fact]
    public void K10_flash_and_ieco_ecomaster()
    {
        CapabilityPage page = Page(K10);
        Assert.Equal(16, page.Entries.Count);
        AcCapabilities c = AcCapabilities.FromPages(page);
        Assert.False(c.Eco);
        Assert.False(c.Breezeless);
        Assert.True(c.ModeHeat && c.ModeCool && c.ModeDry && c.ModeAuto);
        Assert.True(c.SwingHorizontal && c.SwingVertical);
        Assert.True(c.EnergyStats);
        Assert.True(c.TurboHeat && c.TurboCool);
        Assert.True(c.FanCustom);
        Assert.True(c.HumidityManualSet);
        Assert.False(c.HumidityAutoSet);
        AssertRanges(c, decimals: true);
        Assert.Equal(8, c.IEcoValue);
        Assert.Equal(8, c.IEcoEnd);
        Assert.True(c.IEcoSupported);
        Assert.Equal(8, c.IEcoNumber);
        Assert.True(c.Flash);
        Assert.Equal(new ushort[] { 0x0051, 0x00C2, 0x0098, 0x0095, 0x009D }, c.UndecodedIds);
        Assert.Null(c.Entries.Single(e => e.Id == 0x00C2).Name);
        Assert.Equal("Cvp", c.Entries.Single(e => e.Id == 0x0098).Name);
    }

    [Fact]
    public void K11_ieco_ecomaster_and_out_silent_zero()
    {
        CapabilityPage page = Page(K11);
        Assert.Equal(15, page.Entries.Count);
        AcCapabilities c = AcCapabilities.FromPages(page);
        Assert.False(c.Eco);
        Assert.False(c.ModeHeat);
        Assert.True(c.ModeCool && c.ModeDry && c.ModeAuto);
        Assert.True(c.SwingHorizontal && c.SwingVertical);
        Assert.True(c.EnergyStats);
        Assert.True(c.TurboHeat && c.TurboCool);
        Assert.True(c.FanCustom);
        AssertRanges(c, decimals: false);
        Assert.True(c.DisplayControl);
        Assert.True(c.IEcoSupported);
        Assert.Equal(8, c.IEcoNumber);
        Assert.True(c.Flash);
        Assert.False(c.OutSilent);
        Assert.DoesNotContain((ushort)0xCD, c.PolledProperties);
    }

    [Fact]
    public void K12_cascade_unit()
    {
        CapabilityPage page = Page(K12);
        Assert.Equal(new byte[6], page.Trailer);
        AcCapabilities c = AcCapabilities.FromPages(page);
        Assert.True(c.Anion);
        Assert.True(c.FreezeProtection);
        Assert.True(c.Fahrenheit);
        Assert.True(c.SelfClean);
        Assert.False(c.AuxElectricHeat);
        Assert.Equal(new ushort[] { 0x0058 }, c.UndecodedIds);
        Assert.True(c.BreezeAwayFlag);
        Assert.True(c.BreezeAway);
        Assert.True(c.Cascade);
        Assert.True(c.VerticalSwingAngle);
        Assert.True(c.HorizontalSwingAngle);
        Assert.Equal(new ushort[] { 0x42, 0x59, 0x39, 0x09, 0x0A }, c.PolledProperties);
    }

    [Fact]
    public void K13_portasplit_out_silent()
    {
        CapabilityPage page = Page(K13);
        Assert.Equal(new byte[] { 0x00, 0x02 }, page.Trailer);
        AcCapabilities c = AcCapabilities.FromPages(page);
        Assert.False(c.HumidityAutoSet || c.HumidityManualSet);
        Assert.True(c.Buzzer);
        Assert.True(c.EnergyStats);
        Assert.True(c.SelfClean);
        Assert.Equal(1, c.IEcoValue);
        Assert.Null(c.IEcoEnd);
        Assert.True(c.IEcoSupported);
        Assert.Equal(1, c.IEcoNumber);
        Assert.True(c.FreezeProtection);
        Assert.True(c.OutSilent);
    }

    [Fact]
    public void K14_basic_ieco()
    {
        AcCapabilities c = Caps(K14);
        Assert.Equal(1, c.IEcoValue);
        Assert.Null(c.IEcoEnd);
        Assert.True(c.IEcoSupported);
        Assert.Equal(1, c.IEcoNumber);
        Assert.True(c.Buzzer);
        Assert.True(c.EnergyStats);
        Assert.True(c.SelfClean);
        Assert.True(c.FreezeProtection);
        Assert.Equal(new ushort[] { 0xE3, 0x39 }, c.PolledProperties);
    }

    [Fact]
    public void K15_device_level_general_and_breeze_control()
    {
        // The bodies are those of the K05 and K06 frames.
        Assert.Equal(B(K15a), Body(K05));
        Assert.Equal(B(K15b), Body(K06));
        AcCapabilities c = Caps(K15a, K15b);
        Assert.Equal(new[] { OperationalMode.FanOnly, OperationalMode.Dry, OperationalMode.Cool, OperationalMode.Heat, OperationalMode.Auto, OperationalMode.SmartDry }, c.Modes);
        Assert.Equal(new[] { SwingMode.Off, SwingMode.Horizontal, SwingMode.Vertical, SwingMode.Both }, c.SwingModes);
        Assert.True(c.CustomFanSpeed);
        Assert.Equal(NamedSpeeds, c.FanSpeeds);
        Assert.True(c.Humidity);
        Assert.True(c.TargetHumidity);
        Assert.True(c.Purifier);
        Assert.True(c.SelfClean);
        Assert.True(c.Eco);
        Assert.True(c.FreezeProtection);
        Assert.True(c.Turbo);
        Assert.True(c.BreezeAway);
        Assert.True(c.BreezeMild);
        Assert.True(c.BreezelessMode);
        Assert.Equal(new ushort[] { 0x43, 0x39 }, c.PolledProperties);
    }

    [Fact]
    public void K16_device_level_rate_select()
    {
        AcCapabilities c = Caps(K16a, K16b);
        Assert.Equal(2, c.RateSelectLevels);
        Assert.Equal(new byte[] { 100, 75, 50 }, c.RateSelects);
        Assert.Contains((ushort)0x48, c.PolledProperties);
        Assert.Equal(new ushort[] { 0xE3, 0x39, 0x48 }, c.PolledProperties);
    }

    [Fact]
    public void K17_device_level_breeze_away_only()
    {
        AcCapabilities c = Caps(K17a, K17b);
        Assert.True(c.BreezeAway);
        Assert.False(c.BreezeMild);
        Assert.False(c.BreezelessMode);
        Assert.False(c.BreezeControl);
        Assert.Contains((ushort)0x42, c.PolledProperties);
        Assert.DoesNotContain((ushort)0x43, c.PolledProperties);
        Assert.DoesNotContain((ushort)0x18, c.PolledProperties);
    }

    [Fact]
    public void K18_device_level_legacy_breezeless()
    {
        AcCapabilities c = Caps(K18a, K18b);
        Assert.False(c.BreezeAway);
        Assert.False(c.BreezeMild);
        Assert.True(c.BreezelessMode);
        Assert.True(c.Breezeless);
        Assert.Equal(new ushort[] { 0x18 }, c.PolledProperties);
    }

    [Fact]
    public void K19_K20_fresh_air()
    {
        AcCapabilities on = Caps(K19);
        Assert.True(on.FreshAir);
        Assert.Equal(new ushort[] { 0x4B }, on.PolledProperties);
        Assert.Empty(Page(K19).Trailer);

        AcCapabilities off = Caps(K20);
        Assert.False(off.FreshAir);
        Assert.Empty(off.PolledProperties);
    }

    [Fact]
    public void K21_device_level_aux_heat()
    {
        Assert.Equal(B(K21a), Body(K07));
        Assert.Equal(B(K21b), Body(K08));
        AcCapabilities c = Caps(K21a, K21b);
        Assert.Equal(new[] { AuxiliaryHeat.Off, AuxiliaryHeat.On, AuxiliaryHeat.Only }, c.AuxModes);
    }

    [Fact]
    public void K22_out_silent_body_with_crc_kept()
    {
        CapabilityPage page = Page(K22);
        Assert.Equal(new byte[] { 0x00, 0x02, 0x36 }, page.Trailer);
        Assert.True(page.MorePages);
        AcCapabilities c = AcCapabilities.FromPages(page);
        Assert.True(c.OutSilent);
        Assert.Contains((ushort)0xCD, c.PolledProperties);
    }

    [Fact]
    public void Unknown_ids_are_kept_in_entries_and_undecoded_ids()
    {
        var entries = new[]
        {
            new CapabilityEntry(0x1234, new byte[] { 0xAB, 0xCD }),
            new CapabilityEntry(0x0212, new byte[] { 0x01 }),
            new CapabilityEntry(0x0011, new byte[] { 0x01 }),
            new CapabilityEntry(0x0040, new byte[] { 0x00 }),
        };
        CapabilityPage page = CapabilityCodec.ParsePage(CapabilityCodec.EncodeReply(entries, false, 0x07));
        AcCapabilities c = AcCapabilities.FromPages(page);
        Assert.Equal(new ushort[] { 0x1234, 0x0212, 0x0011, 0x0040 }, c.Entries.Select(e => e.Id));
        Assert.Equal(new byte[] { 0xAB, 0xCD }, c.Entries[0].Value);
        Assert.Null(c.Entries[0].Name);
        Assert.Equal("SleepCurve3D", c.Entries[2].Name);
        Assert.Equal(new ushort[] { 0x1234, 0x0011, 0x0040 }, c.UndecodedIds);
        Assert.True(c.Eco);
    }

    [Fact]
    public void EncodeReply_round_trips_through_a_frame()
    {
        var entries = new[]
        {
            new CapabilityEntry(0x0214, new byte[] { 0x01 }),
            new CapabilityEntry(0x0225, B("203c203c203c05")),
            new CapabilityEntry(0x00E3, new byte[] { 0x08, 0x08 }),
            new CapabilityEntry(0x7777, new byte[] { 0x01, 0x02, 0x03 }),
        };
        foreach (bool more in new[] { true, false })
        {
            byte[] body = CapabilityCodec.EncodeReply(entries, more, 0x42);
            Assert.Equal(0xB5, body[0]);
            Assert.Equal(4, body[1]);
            byte[] frame = AaFrame.Encode(FrameType.Query, body);
            AaFrame decoded = AaFrame.DecodeRequest(frame);
            Assert.Equal(body, decoded.Body);
            CapabilityPage page = CapabilityCodec.ParsePage(decoded.Body);
            Assert.Equal(more, page.MorePages);
            Assert.Equal(new byte[] { more ? (byte)0x01 : (byte)0x00, 0x42 }, page.Trailer);
            Assert.Equal(entries.Select(e => e.Id), page.Entries.Select(e => e.Id));
            for (int i = 0; i < entries.Length; i++) Assert.Equal(entries[i].Value, page.Entries[i].Value);
        }
    }

    [Fact]
    public void EncodeReply_of_the_K05_entries_reproduces_the_vector_layout()
    {
        CapabilityPage page = Page(K05);
        // K05's trailer is 01 00: more pages, message id byte 00.
        Assert.Equal(B(K15a), CapabilityCodec.EncodeReply(page.Entries, true, 0x00));
    }

    [Fact]
    public void Two_page_merge_later_page_overrides_and_keeps_first_position()
    {
        byte[] page1 = CapabilityCodec.EncodeReply(new[]
        {
            new CapabilityEntry(0x0212, new byte[] { 0x00 }),
            new CapabilityEntry(0x0214, new byte[] { 0x00 }),
        }, true, 0x01);
        byte[] page2 = CapabilityCodec.EncodeReply(new[]
        {
            new CapabilityEntry(0x021E, new byte[] { 0x01 }),
            new CapabilityEntry(0x0212, new byte[] { 0x01 }),
        }, false, 0x02);
        CapabilityPage first = CapabilityCodec.ParsePage(page1);
        CapabilityPage second = CapabilityCodec.ParsePage(page2);
        Assert.True(first.MorePages);
        Assert.False(second.MorePages);

        Assert.False(AcCapabilities.FromPages(first).Eco);
        AcCapabilities c = AcCapabilities.FromPages(first, second);
        Assert.True(c.Eco);
        Assert.True(c.Purifier);
        Assert.False(c.ModeHeat);
        Assert.Equal(new ushort[] { 0x0212, 0x0214, 0x021E }, c.Entries.Select(e => e.Id));
        Assert.Equal(new byte[] { 0x01 }, c.Entries[0].Value);
    }

    [Fact]
    public void EncodeReply_rejects_too_many_entries_and_long_values()
    {
        var many = Enumerable.Range(0, 256).Select(i => new CapabilityEntry((ushort)i, new byte[] { 1 })).ToList();
        Assert.Throws<ArgumentException>(() => CapabilityCodec.EncodeReply(many, false, 0));
        var full = many.Take(255).ToList();
        Assert.Equal(255, CapabilityCodec.ParsePage(CapabilityCodec.EncodeReply(full, false, 0)).Entries.Count);
        var longValue = new[] { new CapabilityEntry(0x0212, new byte[256]) };
        Assert.Throws<ArgumentException>(() => CapabilityCodec.EncodeReply(longValue, false, 0));
        Assert.Throws<ArgumentNullException>(() => CapabilityCodec.EncodeReply(null!, false, 0));
    }

    [Fact]
    public void Request_frames_match_F03_F04_and_the_documented_bodies()
    {
        Assert.Equal("aa0fac00000000000003b5010001e5a6", H(CapabilityCodec.Request(1, 0x01)));
        Assert.Equal("aa10ac00000000000003b5010101012365", H(CapabilityCodec.Request(2, 0x01)));

        AaFrame page1 = AaFrame.DecodeRequest(CapabilityCodec.Request(1, 0x37));
        Assert.Equal((byte)FrameType.Query, page1.FrameType);
        Assert.Equal(new byte[] { 0xB5, 0x01, 0x00, 0x37 }, page1.Body);
        AaFrame page2 = AaFrame.DecodeRequest(CapabilityCodec.Request(2, 0x38));
        Assert.Equal((byte)FrameType.Query, page2.FrameType);
        Assert.Equal(new byte[] { 0xB5, 0x01, 0x01, 0x01, 0x38 }, page2.Body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void Request_rejects_other_pages(int page) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CapabilityCodec.Request(page, 0x01));

    [Fact]
    public void ParsePage_rejects_short_and_foreign_bodies()
    {
        Assert.Equal(ProtocolFault.Truncated, Assert.Throws<MideaProtocolException>(() => CapabilityCodec.ParsePage(Array.Empty<byte>())).Fault);
        Assert.Equal(ProtocolFault.Truncated, Assert.Throws<MideaProtocolException>(() => CapabilityCodec.ParsePage(new byte[] { 0xB5 })).Fault);
        Assert.Equal(ProtocolFault.BadValue, Assert.Throws<MideaProtocolException>(() => CapabilityCodec.ParsePage(new byte[] { 0xC0, 0x01 })).Fault);
        // An entry whose length runs past the end.
        Assert.Equal(ProtocolFault.Truncated, Assert.Throws<MideaProtocolException>(() => CapabilityCodec.ParsePage(B("b50112020201"))).Fault);
    }

    [Fact]
    public void ParsePage_stops_early_and_skips_empty_entries()
    {
        // count 3, but only one entry and two bytes remain: stop, those two bytes are the trailer.
        CapabilityPage page = CapabilityCodec.ParsePage(B("b503120201010100"));
        Assert.Single(page.Entries);
        Assert.Equal(new byte[] { 0x01, 0x00 }, page.Trailer);
        Assert.True(page.MorePages);
        // A zero-length entry is skipped but counts toward count.
        page = CapabilityCodec.ParsePage(B("b50221020012020101ff"));
        Assert.Equal(new ushort[] { 0x0212 }, page.Entries.Select(e => e.Id));
        Assert.Equal(new byte[] { 0xFF }, page.Trailer);
        Assert.False(page.MorePages);
        // No entries at all.
        page = CapabilityCodec.ParsePage(B("b500"));
        Assert.Empty(page.Entries);
        Assert.Empty(page.Trailer);
        Assert.False(page.MorePages);
    }

    public static TheoryData<string> AllBodies() => new()
    {
        K01, K02, K03, K04, K05, K06, K07, K08, K09, K10, K11, K12, K13, K14,
        K15a, K15b, K16a, K16b, K17a, K17b, K18a, K18b, K19, K20, K21a, K21b, K22,
    };

    [Theory]
    [MemberData(nameof(AllBodies))]
    public void ParsePage_on_every_truncation_throws_only_protocol_exceptions(string hex)
    {
        byte[] body = Body(hex);
        for (int length = 0; length <= body.Length; length++)
        {
            CapabilityPage page;
            try
            {
                page = CapabilityCodec.ParsePage(body.AsSpan(0, length));
            }
            catch (MideaProtocolException)
            {
                continue;
            }
            // Whatever parsed must also decode.
            AcCapabilities c = AcCapabilities.FromPages(page);
            Assert.True(c.Entries.Count <= body[1]);
        }
    }

    [Fact]
    public void Temperature_ranges_short_value_and_length_six_quirk()
    {
        AcCapabilities six = AcCapabilities.FromEntries(new[] { new CapabilityEntry(0x0225, B("223c203a2440")) });
        Assert.True(six.TemperatureDecimals);
        Assert.Equal(17.0, six.CoolMin);
        Assert.Equal(29.0, six.AutoMax);
        Assert.Equal(16.0, six.MinTemperature);
        Assert.Equal(32.0, six.MaxTemperature);

        AcCapabilities shortValue = AcCapabilities.FromEntries(new[] { new CapabilityEntry(0x0225, B("203c20")) });
        Assert.Null(shortValue.CoolMin);
        Assert.False(shortValue.TemperatureDecimals);
        Assert.Equal(16.0, shortValue.MinTemperature);
        Assert.Equal(30.0, shortValue.MaxTemperature);
        Assert.Empty(shortValue.UndecodedIds);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    [InlineData(2, 5)]
    [InlineData(3, 5)]
    [InlineData(4, 0)]
    public void Rate_select_levels(byte value, int levels)
    {
        AcCapabilities c = AcCapabilities.FromEntries(new[] { new CapabilityEntry(0x0048, new[] { value }) });
        Assert.Equal(levels, c.RateSelectLevels);
        byte[] expected = levels switch
        {
            5 => new byte[] { 100, 80, 60, 40, 20, 1 },
            2 => new byte[] { 100, 75, 50 },
            _ => Array.Empty<byte>(),
        };
        Assert.Equal(expected, c.RateSelects);
        Assert.Equal(levels != 0, c.PolledProperties.Contains((ushort)0x48));
    }

    [Theory]
    [InlineData("01", true, 1)]
    [InlineData("0002", true, 3)]
    [InlineData("0003", true, 3)]
    [InlineData("0001", true, 3)]
    [InlineData("0000", false, 1)]
    [InlineData("02", false, 1)]
    [InlineData("0808", true, 8)]
    public void IEco_support_and_number(string value, bool supported, int number)
    {
        AcCapabilities c = AcCapabilities.FromEntries(new[] { new CapabilityEntry(0x00E3, B(value)) });
        Assert.Equal(supported, c.IEcoSupported);
        Assert.Equal(number, c.IEcoNumber);
        Assert.Equal(supported, c.PolledProperties.Contains((ushort)0xE3));
    }

    [Fact]
    public void Fan_speeds_reported_without_any_speed_gives_an_empty_list()
    {
        AcCapabilities c = AcCapabilities.FromEntries(new[] { new CapabilityEntry(0x0210, new byte[] { 0x02 }) });
        Assert.True(c.FanSpeedsReported);
        Assert.Empty(c.FanSpeeds);
        AcCapabilities all = AcCapabilities.FromEntries(new[] { new CapabilityEntry(0x0210, new byte[] { 0x09 }) });
        Assert.Equal(new byte[] { 20, 40, 80, 102 }, all.FanSpeeds);
    }

    [Fact]
    public void No_capabilities_derive_msmart_defaults()
    {
        AcCapabilities c = AcCapabilities.FromEntries(Array.Empty<CapabilityEntry>());
        Assert.Equal(new[] { OperationalMode.FanOnly }, c.Modes);
        Assert.Equal(new[] { SwingMode.Off }, c.SwingModes);
        Assert.Equal(DefaultSpeeds, c.FanSpeeds);
        Assert.Equal(new[] { AuxiliaryHeat.Off }, c.AuxModes);
        Assert.Empty(c.RateSelects);
        Assert.Empty(c.PolledProperties);
        Assert.False(c.Eco);
    }

    [Fact]
    public void Assumed_matches_msmart_before_capabilities()
    {
        AcCapabilities a = AcCapabilities.Assumed;
        Assert.Same(a, AcCapabilities.Assumed);
        Assert.True(a.CustomFanSpeed);
        Assert.True(a.Eco);
        Assert.True(a.Turbo);
        Assert.True(a.FreezeProtection);
        Assert.True(a.DisplayControl);
        Assert.True(a.FilterReminder);
        Assert.True(a.Purifier);
        Assert.Equal(new[] { OperationalMode.FanOnly, OperationalMode.Dry, OperationalMode.Cool, OperationalMode.Heat, OperationalMode.Auto, OperationalMode.SmartDry }, a.Modes);
        Assert.Equal(new[] { SwingMode.Off, SwingMode.Horizontal, SwingMode.Vertical, SwingMode.Both }, a.SwingModes);
        Assert.Equal(NamedSpeeds, a.FanSpeeds);
        Assert.Equal(16.0, a.MinTemperature);
        Assert.Equal(30.0, a.MaxTemperature);
        Assert.Equal(new[] { AuxiliaryHeat.Off }, a.AuxModes);
        Assert.Empty(a.RateSelects);
        Assert.False(a.Humidity);
        Assert.False(a.TargetHumidity);
        Assert.False(a.BreezeAway || a.BreezeMild || a.BreezelessMode);
        Assert.False(a.IEcoSupported);
        Assert.Empty(a.Entries);
        Assert.Empty(a.UndecodedIds);
        Assert.Empty(a.PolledProperties);
    }

    [Fact]
    public void P03_B5_with_frame_type_05_is_recognisable_by_its_frame_type()
    {
        // The capability parser does not look at the frame type; callers must (protocol.md §4.7).
        AaFrame frame = AaFrame.Decode(B(P03));
        Assert.Equal(0x05, frame.FrameType);
        Assert.Equal((byte)FrameType.Notify, frame.FrameType);
        Assert.Equal(CapabilityCodec.Id, frame.Body[0]);
    }

    [Fact]
    public void Entry_copies_its_value_and_names_known_ids()
    {
        byte[] value = { 0x01 };
        var entry = new CapabilityEntry(0x0225, value);
        value[0] = 0x02;
        Assert.Equal(new byte[] { 0x01 }, entry.Value);
        Assert.Equal("TemperatureRanges", entry.Name);
        Assert.Equal("Modes", new CapabilityEntry(0x0214, value).Name);
        Assert.Equal("0x0225 TemperatureRanges = 01", entry.ToString());
        Assert.Throws<ArgumentNullException>(() => new CapabilityEntry(1, null!));
    }
}
