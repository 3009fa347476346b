using System;
using System.Linq;
using Midea.Protocol.Codec;
using Midea.Protocol.Provisioning;

namespace Midea.Protocol.Tests;

/// <summary>Channel plans (provisioning TLV 02): the captured DE plan and the derived ones.</summary>
public class ChannelPlanTests
{
    /// <summary>TLV 02 value of the captures (provisioning.md §1).</summary>
    private const string CapturedPlanValue = "44 45 02 04 01 0d 14 00 24 04 17 00 34 04 14 01 64 0b 1b 01";

    private static readonly SubBand[] EuBands =
    {
        new(1, 13, 20, false), new(36, 4, 23, false), new(52, 4, 20, true), new(100, 11, 27, true),
    };

    private static readonly string[] Required = { "DE", "FR", "US", "CA", "GB", "AU", "JP", "CN", "IN" };

    [Fact]
    public void DE_is_the_captured_plan_and_encodes_to_the_captured_bytes()
    {
        ChannelPlan? plan = ChannelPlans.For("DE");
        Assert.NotNull(plan);
        Assert.Same(ChannelPlans.Germany, plan);
        Assert.True(plan!.Captured);
        Assert.Equal("DE", plan.Country);
        Assert.Equal(0x02, plan.Unknown);
        Assert.Equal(EuBands, plan.Bands);
        byte[] value = plan.Encode();
        Assert.Equal(20, value.Length);
        Assert.Equal(Hex.Encode(Hex.Decode(CapturedPlanValue)), Hex.Encode(value));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("De")]
    [InlineData("dE")]
    public void For_is_case_insensitive_for_DE(string code)
    {
        ChannelPlan? plan = ChannelPlans.For(code);
        Assert.Same(ChannelPlans.Germany, plan);
        Assert.Equal("DE", plan!.Country);
    }

    [Fact]
    public void FR_has_the_EU_bands_but_is_not_captured()
    {
        ChannelPlan? plan = ChannelPlans.For("FR");
        Assert.NotNull(plan);
        Assert.Equal("FR", plan!.Country);
        Assert.Equal(ChannelPlans.Germany.Bands, plan.Bands);
        Assert.Equal(EuBands, plan.Bands);
        Assert.False(plan.Captured);
        Assert.Equal(0x02, plan.Unknown);
        // Same bytes as the capture except the country.
        Assert.Equal(Hex.Encode(Hex.Decode("4652" + CapturedPlanValue.Remove(0, 5))), Hex.Encode(plan.Encode()));
    }

    [Theory]
    [InlineData("US")]
    [InlineData("CA")]
    [InlineData("GB")]
    [InlineData("AU")]
    [InlineData("JP")]
    [InlineData("CN")]
    [InlineData("IN")]
    [InlineData("FR")]
    [InlineData("CH")]
    [InlineData("NO")]
    public void Derived_plans_exist_and_are_not_captured(string code)
    {
        ChannelPlan? plan = ChannelPlans.For(code);
        Assert.NotNull(plan);
        Assert.Equal(code, plan!.Country);
        Assert.False(plan.Captured);
        Assert.NotEmpty(plan.Bands);
        Assert.EndsWith("(derived)", plan.ToString(), StringComparison.Ordinal);
        Assert.Equal(code, ChannelPlans.For(code.ToLowerInvariant())!.Country);
    }

    [Theory]
    [InlineData("us", "US")]
    [InlineData("gb", "GB")]
    [InlineData("Jp", "JP")]
    [InlineData("fr", "FR")]
    public void For_upper_cases_the_country(string given, string expected)
    {
        ChannelPlan? plan = ChannelPlans.For(given);
        Assert.NotNull(plan);
        Assert.Equal(expected, plan!.Country);
        Assert.Equal(ChannelPlans.For(expected)!.Bands, plan.Bands);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData("D")]
    [InlineData("DEU")]
    [InlineData("EU")]
    [InlineData(" DE")]
    public void Unknown_country_has_no_plan(string code)
    {
        Assert.Null(ChannelPlans.For(code));
    }

    [Fact]
    public void Null_country_has_no_plan()
    {
        Assert.Null(ChannelPlans.For(null));
    }

    [Fact]
    public void Countries_are_sorted_unique_and_complete()
    {
        var countries = ChannelPlans.Countries;
        Assert.Equal(countries.OrderBy(c => c, StringComparer.Ordinal).ToArray(), countries.ToArray());
        Assert.Equal(countries.Count, countries.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (string code in Required) Assert.Contains(code, countries);
        Assert.All(countries, c => Assert.Matches("^[A-Z]{2}$", c));
    }

    [Fact]
    public void Every_listed_country_has_a_plan_for_itself()
    {
        Assert.All(ChannelPlans.Countries, code =>
        {
            ChannelPlan? plan = ChannelPlans.For(code);
            Assert.NotNull(plan);
            Assert.Equal(code, plan!.Country);
            Assert.Equal(code == "DE", plan.Captured);
        });
    }

    [Fact]
    public void Only_DE_is_captured()
    {
        Assert.Equal(new[] { "DE" }, ChannelPlans.Countries.Where(c => ChannelPlans.For(c)!.Captured).ToArray());
    }

    public static TheoryData<string> Countries()
    {
        var data = new TheoryData<string>();
        foreach (string country in ChannelPlans.Countries) data.Add(country);
        return data;
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void Decode_of_Encode_round_trips(string code)
    {
        ChannelPlan plan = ChannelPlans.For(code)!;
        byte[] value = plan.Encode();
        Assert.Equal(4 + 4 * plan.Bands.Count, value.Length);
        Assert.Equal(plan.Bands.Count, value[3]);

        ChannelPlan decoded = ChannelPlan.Decode(value);
        Assert.Equal(plan.Country, decoded.Country);
        Assert.Equal(plan.Unknown, decoded.Unknown);
        Assert.Equal(plan.Bands, decoded.Bands);
        // Decode alone does not know whether the bytes came from a capture.
        Assert.False(decoded.Captured);
        Assert.Equal(value, decoded.Encode());
    }

    [Fact]
    public void Decode_of_the_captured_bytes_gives_the_documented_sub_bands()
    {
        ChannelPlan plan = ChannelPlan.Decode(Hex.Decode(CapturedPlanValue));
        Assert.Equal("DE", plan.Country);
        Assert.Equal(0x02, plan.Unknown);
        Assert.Equal(4, plan.Bands.Count);
        Assert.Equal((byte)1, plan.Bands[0].FirstChannel);
        Assert.Equal((byte)13, plan.Bands[0].ChannelCount);
        Assert.Equal((byte)20, plan.Bands[0].MaxPowerDbm);
        Assert.False(plan.Bands[0].Dfs);
        Assert.Equal((byte)100, plan.Bands[3].FirstChannel);
        Assert.Equal((byte)11, plan.Bands[3].ChannelCount);
        Assert.Equal((byte)27, plan.Bands[3].MaxPowerDbm);
        Assert.True(plan.Bands[3].Dfs);
        Assert.Equal(EuBands, plan.Bands);
    }

    [Fact]
    public void Encode_writes_country_unknown_count_and_four_bytes_per_band()
    {
        var plan = new ChannelPlan("ZZ", new[] { new SubBand(149, 5, 30, false), new SubBand(0, 255, 255, true) }, unknown: 0xab);
        Assert.Equal("5a5a" + "ab" + "02" + "95051e00" + "00ffff01", Hex.Encode(plan.Encode()));
    }

    [Fact]
    public void Empty_plan_is_four_bytes()
    {
        var plan = new ChannelPlan("DE", Array.Empty<SubBand>());
        Assert.Equal("44450200", Hex.Encode(plan.Encode()));
        Assert.Empty(ChannelPlan.Decode(plan.Encode()).Bands);
    }

    [Theory]
    [InlineData("44450204010d14002404170034041401640b1b")]
    [InlineData("44450204010d14002404170034041401640b1b0100")]
    [InlineData("4445020100")]
    [InlineData("44450201010d140000")]
    public void Decode_rejects_a_length_that_does_not_match_the_count(string hex)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => ChannelPlan.Decode(Hex.Decode(hex)));
        Assert.Equal(ProtocolFault.BadLength, ex.Fault);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4445")]
    [InlineData("444502")]
    public void Decode_rejects_fewer_than_four_bytes(string hex)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => ChannelPlan.Decode(Hex.Decode(hex)));
        Assert.Equal(ProtocolFault.Truncated, ex.Fault);
    }

    [Theory]
    [InlineData("44450201010d1402")]
    [InlineData("44450201010d1480")]
    [InlineData("44450201010d14ff")]
    [InlineData("8045020100000000")]
    [InlineData("44ff020100000000")]
    public void Decode_rejects_bad_values(string hex)
    {
        var ex = Assert.Throws<MideaProtocolException>(() => ChannelPlan.Decode(Hex.Decode(hex)));
        Assert.Equal(ProtocolFault.BadValue, ex.Fault);
    }

    [Theory]
    [InlineData("D")]
    [InlineData("DEU")]
    [InlineData("")]
    [InlineData("DÜ")]
    public void Constructor_rejects_a_country_that_is_not_two_ascii_letters(string country)
    {
        Assert.Throws<ArgumentException>(() => new ChannelPlan(country, EuBands));
    }

    [Fact]
    public void Constructor_rejects_null_country_and_bands()
    {
        Assert.Throws<ArgumentException>(() => new ChannelPlan(null!, EuBands));
        Assert.Throws<ArgumentException>(() => new ChannelPlan("DE", null!));
    }

    [Fact]
    public void Plan_of_62_sub_bands_is_the_largest_that_fits_a_tlv()
    {
        SubBand[] bands = Enumerable.Range(0, 62).Select(i => new SubBand((byte)i, 1, 20, false)).ToArray();
        byte[] value = new ChannelPlan("US", bands).Encode();
        Assert.Equal(252, value.Length);
        Assert.Equal(bands, ChannelPlan.Decode(value).Bands);
    }

    [Fact]
    public void Constructor_rejects_a_plan_that_cannot_be_sent()
    {
        // Every plan the constructor accepts should be encodable in the provisioning payload.
        SubBand[] bands = Enumerable.Range(0, 63).Select(i => new SubBand((byte)i, 1, 20, false)).ToArray();
        Assert.Throws<ArgumentException>(() => new ChannelPlan("US", bands));
    }

    [Fact]
    public void Plan_keeps_its_own_copy_of_the_bands()
    {
        var bands = new[] { new SubBand(1, 13, 20, false) };
        var plan = new ChannelPlan("US", bands);
        bands[0] = new SubBand(36, 4, 23, false);
        Assert.Equal(new SubBand(1, 13, 20, false), plan.Bands[0]);
    }

    [Fact]
    public void Plan_of_64_sub_bands_is_rejected()
    {
        SubBand[] bands = Enumerable.Range(0, 64).Select(i => new SubBand((byte)i, 1, 20, false)).ToArray();
        Assert.Throws<ArgumentException>(() => new ChannelPlan("US", bands));
    }

    [Fact]
    public void Captured_plan_reads_without_derived_note()
    {
        Assert.Equal("DE: ch 1x13 @ 20 dBm, ch 36x4 @ 23 dBm, ch 52x4 @ 20 dBm DFS, ch 100x11 @ 27 dBm DFS", ChannelPlans.Germany.ToString());
    }

    [Fact]
    public void SubBand_equality_compares_every_field()
    {
        var band = new SubBand(52, 4, 20, true);
        Assert.Equal(new SubBand(52, 4, 20, true), band);
        Assert.True(band == new SubBand(52, 4, 20, true));
        Assert.Equal(band.GetHashCode(), new SubBand(52, 4, 20, true).GetHashCode());
        Assert.True(band != new SubBand(53, 4, 20, true));
        Assert.True(band != new SubBand(52, 5, 20, true));
        Assert.True(band != new SubBand(52, 4, 21, true));
        Assert.True(band != new SubBand(52, 4, 20, false));
        Assert.False(band.Equals((object?)null));
        Assert.False(band.Equals("ch 52x4 @ 20 dBm DFS"));
        Assert.Equal("ch 52x4 @ 20 dBm DFS", band.ToString());
        Assert.Equal("ch 1x13 @ 20 dBm", new SubBand(1, 13, 20, false).ToString());
    }
}
