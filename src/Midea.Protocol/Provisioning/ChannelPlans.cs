using System;
using System.Collections.Generic;
using System.Linq;

namespace Midea.Protocol.Provisioning;

/// <summary>
/// Channel plans by country. Only DE is captured from a real provisioning session; every other
/// plan is derived from public regulatory rules (ETSI EN 300 328/301 893, FCC part 15, ISED RSS-247,
/// ACMA, MIC, MIIT, WPC) and marked <see cref="ChannelPlan.Captured"/> = false.
/// </summary>
public static class ChannelPlans
{
    /// <summary>EU and EEA countries (and GB, CH) that follow the ETSI rules of the captured DE plan.</summary>
    private static readonly string[] Etsi =
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
        "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH", "GB",
    };

    private static readonly SubBand[] EtsiBands =
    {
        new(1, 13, 20, false), new(36, 4, 23, false), new(52, 4, 20, true), new(100, 11, 27, true),
    };

    private static readonly Dictionary<string, SubBand[]> Derived = new(StringComparer.OrdinalIgnoreCase)
    {
        // FCC: 2.4 GHz channels 1-11; U-NII-1 at 1 W since 2014; U-NII-2A/2C with DFS; U-NII-3.
        ["US"] = new SubBand[] { new(1, 11, 30, false), new(36, 4, 30, false), new(52, 4, 24, true), new(100, 12, 24, true), new(149, 5, 30, false) },
        // ISED follows FCC with U-NII-1 limited to 200 mW e.i.r.p. indoors.
        ["CA"] = new SubBand[] { new(1, 11, 30, false), new(36, 4, 23, false), new(52, 4, 24, true), new(100, 12, 24, true), new(149, 5, 30, false) },
        // ACMA class licence: channels 1-13; 5.6 GHz weather-radar channels 120-128 excluded.
        ["AU"] = new SubBand[] { new(1, 13, 30, false), new(36, 4, 23, false), new(52, 4, 23, true), new(100, 5, 30, true), new(132, 4, 30, true), new(149, 5, 30, false) },
        // MIC: channels 1-13 (14 is 802.11b only, left out); W52/W53/W56.
        ["JP"] = new SubBand[] { new(1, 13, 20, false), new(36, 4, 20, false), new(52, 4, 20, true), new(100, 12, 23, true) },
        // MIIT: channels 1-13; 5.1/5.3 GHz indoor; 5.8 GHz band; no 5.5 GHz band.
        ["CN"] = new SubBand[] { new(1, 13, 20, false), new(36, 4, 23, false), new(52, 4, 23, true), new(149, 5, 33, false) },
        // WPC (GSR 1048/1036): channels 1-13; 5.15-5.35, 5.47-5.725 and 5.725-5.875 GHz.
        ["IN"] = new SubBand[] { new(1, 13, 30, false), new(36, 4, 23, false), new(52, 4, 23, true), new(100, 12, 23, true), new(149, 5, 30, false) },
    };

    /// <summary>The captured plan: Germany, EU rules (provisioning.md §1, TLV 02).</summary>
    public static ChannelPlan Germany { get; } = new("DE", EtsiBands, captured: true);

    /// <summary>Every country code with a plan, sorted.</summary>
    public static IReadOnlyList<string> Countries { get; } = Etsi.Concat(Derived.Keys).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(c => c, StringComparer.Ordinal).ToArray();

    /// <summary>The plan for a two-letter country code (case-insensitive), or null when there is none.</summary>
    public static ChannelPlan? For(string? country)
    {
        if (country is null) return null;
        if (string.Equals(country, "DE", StringComparison.OrdinalIgnoreCase)) return Germany;
        string code = country.ToUpperInvariant();
        if (Array.IndexOf(Etsi, code) >= 0) return new ChannelPlan(code, EtsiBands);
        return Derived.TryGetValue(code, out SubBand[]? bands) ? new ChannelPlan(code, bands) : null;
    }
}
