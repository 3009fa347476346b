using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Midea.Protocol.Ac;

/// <summary>
/// What an air conditioner says it can do: the merged <c>B5</c> capability entries (protocol.md §5.7), the flag
/// each decode rule yields, and msmart's device-level derivation from those flags.
/// </summary>
/// <remarks>
/// Build it with <see cref="FromPages"/> from the parsed reply pages, or use <see cref="Assumed"/> before any
/// capabilities have arrived. Instances are immutable. Flags of capabilities that were not reported are false
/// (or null for the numeric ones).
/// </remarks>
public sealed partial class AcCapabilities
{
    private AcCapabilities(IList<CapabilityEntry> entries, IList<ushort> undecoded)
    {
        Entries = new ReadOnlyCollection<CapabilityEntry>(entries);
        UndecodedIds = new ReadOnlyCollection<ushort>(undecoded);
    }

    /// <summary>msmart's assumptions before any capabilities arrive (§5.7, last bullet).</summary>
    /// <remarks>
    /// Custom fan speed, eco, turbo, freeze protection, display control, filter reminder and purifier are assumed,
    /// so <see cref="FanCustom"/>, <see cref="Eco"/>, <see cref="TurboHeat"/>, <see cref="TurboCool"/>,
    /// <see cref="FreezeProtection"/>, <see cref="DisplayControl"/>, <see cref="FilterNotice"/> and
    /// <see cref="Anion"/> are true. Every mode, swing mode and named fan speed is allowed, the target range is
    /// 16–30 °C, and the only aux mode is off. All other flags are false, there are no entries, and nothing is polled.
    /// </remarks>
    public static AcCapabilities Assumed { get; } = CreateAssumed();

    /// <summary>Merges parsed reply pages in order; a later page overrides an earlier one for the same id.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> or one of its items is null.</exception>
    public static AcCapabilities FromPages(params CapabilityPage[] pages)
    {
        if (pages is null) throw new ArgumentNullException(nameof(pages));
        var all = new List<CapabilityEntry>();
        foreach (CapabilityPage? page in pages)
        {
            if (page is null) throw new ArgumentNullException(nameof(pages), "A capability page is null.");
            all.AddRange(page.Entries);
        }
        return FromEntries(all);
    }

    /// <summary>Decodes a list of entries; a later entry overrides an earlier one with the same id, keeping the first position.</summary>
    /// <remarks>Entries with an empty value are ignored, as the wire parser skips length-0 entries.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> or one of its items is null.</exception>
    public static AcCapabilities FromEntries(IEnumerable<CapabilityEntry> entries)
    {
        if (entries is null) throw new ArgumentNullException(nameof(entries));
        var order = new List<ushort>();
        var latest = new Dictionary<ushort, CapabilityEntry>();
        foreach (CapabilityEntry? entry in entries)
        {
            if (entry is null) throw new ArgumentNullException(nameof(entries), "A capability entry is null.");
            if (entry.Value.Length == 0) continue;
            if (!latest.ContainsKey(entry.Id)) order.Add(entry.Id);
            latest[entry.Id] = entry;
        }

        var merged = new List<CapabilityEntry>(order.Count);
        var undecoded = new List<ushort>();
        foreach (ushort id in order) merged.Add(latest[id]);
        var capabilities = new AcCapabilities(merged, undecoded);
        foreach (CapabilityEntry entry in merged)
        {
            if (!capabilities.Decode(entry)) undecoded.Add(entry.Id);
        }
        capabilities.Derive();
        return capabilities;
    }

    /// <summary>Every entry received, merged, in first-seen order. Unknown and undecoded ids are kept here.</summary>
    public IReadOnlyList<CapabilityEntry> Entries { get; }

    /// <summary>Ids present in <see cref="Entries"/> that have no decoder: ids msmart names but ignores (such as 0x0040 or 0x0234) and unknown ids.</summary>
    public IReadOnlyList<ushort> UndecodedIds { get; }

    // ---- Decoded flags, one per rule of the §5.7 table ----

    /// <summary>0x0009: the vertical swing angle can be set (property 0x09).</summary>
    public bool VerticalSwingAngle { get; private set; }
    /// <summary>0x000A: the horizontal swing angle can be set (property 0x0A).</summary>
    public bool HorizontalSwingAngle { get; private set; }
    /// <summary>0x0018 raw flag: breezeless through property 0x18. See <see cref="BreezelessMode"/> for the derived result.</summary>
    public bool Breezeless { get; private set; }
    /// <summary>0x0030: smart eye.</summary>
    public bool SmartEye { get; private set; }
    /// <summary>0x0032: wind on me.</summary>
    public bool WindOnMe { get; private set; }
    /// <summary>0x0033: wind off me.</summary>
    public bool WindOffMe { get; private set; }
    /// <summary>0x0039: self clean (property 0x39).</summary>
    public bool SelfClean { get; private set; }
    /// <summary>0x0042 raw flag: breeze away through property 0x42. See <see cref="BreezeAway"/> for the derived result.</summary>
    public bool BreezeAwayFlag { get; private set; }
    /// <summary>0x0043: breeze away, mild and breezeless through property 0x43; supersedes 0x0042 and 0x0018.</summary>
    public bool BreezeControl { get; private set; }
    /// <summary>0x0048: rate select levels, 0 (none), 2 (value 1) or 5 (value 2 or 3).</summary>
    public int RateSelectLevels { get; private set; }
    /// <summary>0x004B: fresh air (property 0x4B).</summary>
    public bool FreshAir { get; private set; }
    /// <summary>0x0059: cascade, "wind around" (property 0x59).</summary>
    public bool Cascade { get; private set; }
    /// <summary>0x0067: flash, "jet cool" (value 1..4; property 0x67).</summary>
    public bool Flash { get; private set; }
    /// <summary>0x0093: aux fan speed control.</summary>
    public bool AuxFanSpeed { get; private set; }
    /// <summary>0x0094: aux-heat fan speed control.</summary>
    public bool AuxHeatFanSpeed { get; private set; }
    /// <summary>0x00CD: out-silent (PortaSplit), value 1 or 3 (property 0xCD).</summary>
    public bool OutSilent { get; private set; }
    /// <summary>0x00E3 first value byte, the iECO kind; null without 0x00E3.</summary>
    public int? IEcoValue { get; private set; }
    /// <summary>0x00E3 second value byte, the iECO end; null when absent or the value has one byte.</summary>
    public int? IEcoEnd { get; private set; }
    /// <summary>0x0210: silent fan speed (value 6 or 9).</summary>
    public bool FanSilent { get; private set; }
    /// <summary>0x0210: low fan speed (value 3, 4, 5, 6, 7 or 9).</summary>
    public bool FanLow { get; private set; }
    /// <summary>0x0210: medium fan speed (value 5, 6 or 7).</summary>
    public bool FanMedium { get; private set; }
    /// <summary>0x0210: high fan speed (value 3, 4, 5, 6, 7 or 9).</summary>
    public bool FanHigh { get; private set; }
    /// <summary>0x0210: auto fan speed (value 4, 5, 6 or 9).</summary>
    public bool FanAuto { get; private set; }
    /// <summary>0x0210: custom fan speed 1..100 (value 1).</summary>
    public bool FanCustom { get; private set; }
    /// <summary>0x0210 was present, so <see cref="FanSpeeds"/> follows the fan flags instead of the default set.</summary>
    public bool FanSpeedsReported { get; private set; }
    /// <summary>0x0212: eco (value 1 or 2).</summary>
    public bool Eco { get; private set; }
    /// <summary>0x0213: freeze protection.</summary>
    public bool FreezeProtection { get; private set; }
    /// <summary>0x0214: heat mode.</summary>
    public bool ModeHeat { get; private set; }
    /// <summary>0x0214: cool mode.</summary>
    public bool ModeCool { get; private set; }
    /// <summary>0x0214: dry mode.</summary>
    public bool ModeDry { get; private set; }
    /// <summary>0x0214: auto mode.</summary>
    public bool ModeAuto { get; private set; }
    /// <summary>0x0214 value 9: heat plus aux heat.</summary>
    public bool AuxHeatFromModes { get; private set; }
    /// <summary>0x0214: aux heat only (value 9, 10, 11, 13, 14 or 15).</summary>
    public bool AuxOnly { get; private set; }
    /// <summary>0x0215: horizontal swing (value 1 or 3).</summary>
    public bool SwingHorizontal { get; private set; }
    /// <summary>0x0215: vertical swing (value 0 or 1).</summary>
    public bool SwingVertical { get; private set; }
    /// <summary>0x0216: energy statistics (value 2..5); enables group 4 polling.</summary>
    public bool EnergyStats { get; private set; }
    /// <summary>0x0216: energy setting (value 3 or 5).</summary>
    public bool EnergySetting { get; private set; }
    /// <summary>0x0216: energy data is BCD (value 2 or 3).</summary>
    public bool EnergyBcd { get; private set; }
    /// <summary>0x0217: filter notice (value 1, 2 or 4).</summary>
    public bool FilterNotice { get; private set; }
    /// <summary>0x0217: filter clean (value 3 or 4).</summary>
    public bool FilterClean { get; private set; }
    /// <summary>0x0219: aux electric heat (PTC).</summary>
    public bool AuxElectricHeat { get; private set; }
    /// <summary>0x021A: turbo in heat (value 1 or 3).</summary>
    public bool TurboHeat { get; private set; }
    /// <summary>0x021A: turbo in cool (value 0 or 1).</summary>
    public bool TurboCool { get; private set; }
    /// <summary>0x021E: anion, offered as the purifier.</summary>
    public bool Anion { get; private set; }
    /// <summary>0x021F: humidity auto-set (value 1 or 2).</summary>
    public bool HumidityAutoSet { get; private set; }
    /// <summary>0x021F: humidity manual-set (value 2 or 3).</summary>
    public bool HumidityManualSet { get; private set; }
    /// <summary>0x0222: Fahrenheit display; value 0 means supported.</summary>
    public bool Fahrenheit { get; private set; }
    /// <summary>0x0224: display control (value 1, 2 or 100).</summary>
    public bool DisplayControl { get; private set; }
    /// <summary>0x022C: buzzer.</summary>
    public bool Buzzer { get; private set; }
    /// <summary>0x0225 byte 0 × 0.5 °C; null without a 0x0225 of at least 6 bytes.</summary>
    public double? CoolMin { get; private set; }
    /// <summary>0x0225 byte 1 × 0.5 °C.</summary>
    public double? CoolMax { get; private set; }
    /// <summary>0x0225 byte 2 × 0.5 °C.</summary>
    public double? AutoMin { get; private set; }
    /// <summary>0x0225 byte 3 × 0.5 °C.</summary>
    public double? AutoMax { get; private set; }
    /// <summary>0x0225 byte 4 × 0.5 °C.</summary>
    public double? HeatMin { get; private set; }
    /// <summary>0x0225 byte 5 × 0.5 °C.</summary>
    public double? HeatMax { get; private set; }
    /// <summary>0x0225: byte 6 ≠ 0, or, with exactly 6 bytes, the length itself (so true; an msmart quirk).</summary>
    public bool TemperatureDecimals { get; private set; }

    // ---- Device-level derivation (§5.7, msmart _update_capabilities) ----

    /// <summary>Supported modes: fan only always, then dry, cool, heat and auto per their flags, then smart dry with humidity manual-set.</summary>
    public IReadOnlyList<OperationalMode> Modes { get; private set; } = Array.Empty<OperationalMode>();

    /// <summary>Supported swing modes: off always, then horizontal, vertical, and both when both are supported.</summary>
    public IReadOnlyList<SwingMode> SwingModes { get; private set; } = Array.Empty<SwingMode>();

    /// <summary>
    /// Supported named fan speeds as percent bytes, in the order 20 silent, 40 low, 60 medium, 80 high, 100 max,
    /// 102 auto. With 0x0210 each named speed needs its flag or custom, and max needs custom; without 0x0210 the
    /// set is 40, 60, 80, 102.
    /// </summary>
    public IReadOnlyList<byte> FanSpeeds { get; private set; } = Array.Empty<byte>();

    /// <summary>Any fan speed 1..100 may be set (<see cref="FanCustom"/>).</summary>
    public bool CustomFanSpeed => FanCustom;

    /// <summary>Aux heat modes: off always; aux heat with aux electric heat or modes value 9; aux only with <see cref="AuxOnly"/>.</summary>
    public IReadOnlyList<AuxiliaryHeat> AuxModes { get; private set; } = Array.Empty<AuxiliaryHeat>();

    /// <summary>Lowest target temperature, °C: the least of the cool, auto and heat minima, each 16 when not reported.</summary>
    public double MinTemperature => Math.Min(CoolMin ?? 16, Math.Min(AutoMin ?? 16, HeatMin ?? 16));

    /// <summary>Highest target temperature, °C: the greatest of the cool, auto and heat maxima, each 30 when not reported.</summary>
    public double MaxTemperature => Math.Max(CoolMax ?? 30, Math.Max(AutoMax ?? 30, HeatMax ?? 30));

    /// <summary>Humidity is reported (auto-set or manual-set); enables group 5 polling.</summary>
    public bool Humidity => HumidityAutoSet || HumidityManualSet;

    /// <summary>A target humidity can be set (manual-set).</summary>
    public bool TargetHumidity => HumidityManualSet;

    /// <summary>Purifier, which is the anion capability.</summary>
    public bool Purifier => Anion;

    /// <summary>Filter reminder, which is the filter notice flag.</summary>
    public bool FilterReminder => FilterNotice;

    /// <summary>Breeze away: through property 0x43 with <see cref="BreezeControl"/>, else through 0x42 with <see cref="BreezeAwayFlag"/>.</summary>
    public bool BreezeAway => BreezeControl || BreezeAwayFlag;

    /// <summary>Breeze mild, only through property 0x43 with <see cref="BreezeControl"/>.</summary>
    public bool BreezeMild => BreezeControl;

    /// <summary>Breezeless: through property 0x43 with <see cref="BreezeControl"/>, else through 0x18 with <see cref="Breezeless"/>.</summary>
    public bool BreezelessMode => BreezeControl || Breezeless;

    /// <summary>Rate select values (100 is off): {100, 80, 60, 40, 20, 1} with 5 levels, {100, 75, 50} with 2, else empty.</summary>
    public IReadOnlyList<byte> RateSelects { get; private set; } = Array.Empty<byte>();

    /// <summary>iECO is supported: <see cref="IEcoValue"/> ∈ {1, 3, 4, 8} or <see cref="IEcoEnd"/> ∈ {1, 2, 3, 8}.</summary>
    public bool IEcoSupported => IEcoValue is 1 or 3 or 4 or 8 || IEcoEnd is 1 or 2 or 3 or 8;

    /// <summary>The iECO "number" sent in property 0xE3: 8 when the end is 8 (ECOMaster), 3 when it is 1..3, else 1.</summary>
    public int IEcoNumber => IEcoEnd switch
    {
        8 => 8,
        1 or 2 or 3 => 3,
        _ => 1,
    };

    /// <summary>Turbo in heat or in cool.</summary>
    public bool Turbo => TurboHeat || TurboCool;

    /// <summary>
    /// Property ids msmart polls with <c>B1</c> (§5.8), in this order when present: 0x43 with breeze control, else
    /// 0x42 and 0x18 per their flags; 0x59, 0x67, 0x4B, 0xE3 (iECO supported), 0xCD, 0x39, 0x09, 0x0A per their
    /// flags; and 0x48 when rate select is available. A subset of <see cref="BackedProperties"/>.
    /// </summary>
    public IReadOnlyList<ushort> PolledProperties { get; private set; } = Array.Empty<ushort>();

    /// <summary>
    /// Every property id these capabilities back, so a unit that reports them answers a <c>B1</c> and takes a
    /// <c>B0</c> of it (§5.8, "Which capability backs which property"): the polled ones, plus 0x18 with breeze
    /// control, 0x15 (indoor humidity) with humidity, 0x1A (buzzer) and 0x22C (sound) with the buzzer capability,
    /// and 0x21E with anion. Empty for <see cref="Assumed"/>.
    /// </summary>
    public IReadOnlyList<ushort> BackedProperties { get; private set; } = Array.Empty<ushort>();

    private static AcCapabilities CreateAssumed()
    {
        var assumed = new AcCapabilities(new List<CapabilityEntry>(), new List<ushort>())
        {
            FanCustom = true,
            Eco = true,
            TurboHeat = true,
            TurboCool = true,
            FreezeProtection = true,
            DisplayControl = true,
            FilterNotice = true,
            Anion = true,
        };
        assumed.Derive();
        // Assumed flags are the client's guess, not a unit's report, so they back no property.
        assumed.BackedProperties = Array.Empty<ushort>();
        assumed.Modes = ReadOnly(new[] { OperationalMode.FanOnly, OperationalMode.Dry, OperationalMode.Cool, OperationalMode.Heat, OperationalMode.Auto, OperationalMode.SmartDry });
        assumed.SwingModes = ReadOnly(new[] { SwingMode.Off, SwingMode.Horizontal, SwingMode.Vertical, SwingMode.Both });
        assumed.FanSpeeds = ReadOnly(new byte[] { 20, 40, 60, 80, 100, 102 });
        return assumed;
    }

    private static ReadOnlyCollection<T> ReadOnly<T>(IList<T> items) => new(items);
}
