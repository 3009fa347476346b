using System;
using System.Collections.Generic;

namespace Midea.Protocol.Ac;

// The decode rules of the protocol.md §5.7 table and the device-level derivation.
public sealed partial class AcCapabilities
{
    /// <summary>Applies the §5.7 rule of one entry (value of at least one byte). Returns false when the id has no decoder.</summary>
    private bool Decode(CapabilityEntry entry)
    {
        byte[] v = entry.Value;
        int b = v[0];
        switch (entry.Id)
        {
            case 0x0009: VerticalSwingAngle = b == 1; break;
            case 0x000A: HorizontalSwingAngle = b == 1; break;
            case 0x0018: Breezeless = b == 1; break;
            case 0x0030: SmartEye = b == 1; break;
            case 0x0032: WindOnMe = b == 1; break;
            case 0x0033: WindOffMe = b == 1; break;
            case 0x0039: SelfClean = b == 1; break;
            case 0x0042: BreezeAwayFlag = b == 1; break;
            case 0x0043: BreezeControl = b == 1; break;
            case 0x0048: RateSelectLevels = b is 2 or 3 ? 5 : b == 1 ? 2 : 0; break;
            case 0x004B: FreshAir = b == 1; break;
            case 0x0059: Cascade = b == 1; break;
            case 0x0067: Flash = b is >= 1 and <= 4; break;
            case 0x0093: AuxFanSpeed = b == 1; break;
            case 0x0094: AuxHeatFanSpeed = b == 1; break;
            case 0x00CD: OutSilent = b is 1 or 3; break;
            case 0x00E3:
                IEcoValue = b;
                IEcoEnd = v.Length > 1 ? v[1] : null;
                break;
            case 0x0210:
                FanSpeedsReported = true;
                FanSilent = b is 6 or 9;
                FanLow = b is 3 or 4 or 5 or 6 or 7 or 9;
                FanMedium = b is 5 or 6 or 7;
                FanHigh = b is 3 or 4 or 5 or 6 or 7 or 9;
                FanAuto = b is 4 or 5 or 6 or 9;
                FanCustom = b == 1;
                break;
            case 0x0212: Eco = b is 1 or 2; break;
            case 0x0213: FreezeProtection = b == 1; break;
            case 0x0214:
                ModeHeat = b is 1 or 2 or 4 or 6 or 7 or 9 or 10 or 11 or 12 or 13;
                ModeCool = b is 0 or 1 or 3 or 4 or 5 or 6 or 7 or 8 or 9 or 11 or 13 or 14 or 15;
                ModeDry = b is 0 or 1 or 5 or 6 or 9 or 11 or 13 or 14 or 15;
                ModeAuto = b is 0 or 1 or 2 or 7 or 8 or 9 or 13 or 14;
                AuxHeatFromModes = b == 9;
                AuxOnly = b is 9 or 10 or 11 or 13 or 14 or 15;
                break;
            case 0x0215:
                SwingHorizontal = b is 1 or 3;
                SwingVertical = b is 0 or 1;
                break;
            case 0x0216:
                EnergyStats = b is 2 or 3 or 4 or 5;
                EnergySetting = b is 3 or 5;
                EnergyBcd = b is 2 or 3;
                break;
            case 0x0217:
                FilterNotice = b is 1 or 2 or 4;
                FilterClean = b is 3 or 4;
                break;
            case 0x0219: AuxElectricHeat = b == 1; break;
            case 0x021A:
                TurboHeat = b is 1 or 3;
                TurboCool = b is 0 or 1;
                break;
            case 0x021E: Anion = b == 1; break;
            case 0x021F:
                HumidityAutoSet = b is 1 or 2;
                HumidityManualSet = b is 2 or 3;
                break;
            case 0x0222: Fahrenheit = b == 0; break;
            case 0x0224: DisplayControl = b is 1 or 2 or 100; break;
            case 0x0225: DecodeTemperatureRanges(v); break;
            case 0x022C: Buzzer = b == 1; break;
            default: return false;
        }
        return true;
    }

    private void DecodeTemperatureRanges(byte[] v)
    {
        // Too short to hold the six limits: ignored (the id still has a decoder).
        if (v.Length < 6) return;
        CoolMin = v[0] * 0.5;
        CoolMax = v[1] * 0.5;
        AutoMin = v[2] * 0.5;
        AutoMax = v[3] * 0.5;
        HeatMin = v[4] * 0.5;
        HeatMax = v[5] * 0.5;
        // msmart reads the length byte when there is no 7th value byte, so exactly 6 bytes means "decimals".
        TemperatureDecimals = (v.Length > 6 ? v[6] : v.Length) != 0;
    }

    /// <summary>Computes the device-level lists from the decoded flags (msmart device.py _update_capabilities).</summary>
    private void Derive()
    {
        var modes = new List<OperationalMode> { OperationalMode.FanOnly };
        if (ModeDry) modes.Add(OperationalMode.Dry);
        if (ModeCool) modes.Add(OperationalMode.Cool);
        if (ModeHeat) modes.Add(OperationalMode.Heat);
        if (ModeAuto) modes.Add(OperationalMode.Auto);
        if (HumidityManualSet) modes.Add(OperationalMode.SmartDry);
        Modes = ReadOnly(modes);

        var swings = new List<SwingMode> { SwingMode.Off };
        if (SwingHorizontal) swings.Add(SwingMode.Horizontal);
        if (SwingVertical) swings.Add(SwingMode.Vertical);
        if (SwingHorizontal && SwingVertical) swings.Add(SwingMode.Both);
        SwingModes = ReadOnly(swings);

        var fans = new List<byte>();
        if (FanSpeedsReported)
        {
            if (FanSilent || FanCustom) fans.Add(20);
            if (FanLow || FanCustom) fans.Add(40);
            if (FanMedium || FanCustom) fans.Add(60);
            if (FanHigh || FanCustom) fans.Add(80);
            if (FanCustom) fans.Add(100);
            if (FanAuto || FanCustom) fans.Add(102);
        }
        else
        {
            fans.AddRange(new byte[] { 40, 60, 80, 102 });
        }
        FanSpeeds = ReadOnly(fans);

        var aux = new List<AuxiliaryHeat> { AuxiliaryHeat.Off };
        if (AuxElectricHeat || AuxHeatFromModes) aux.Add(AuxiliaryHeat.On);
        if (AuxOnly) aux.Add(AuxiliaryHeat.Only);
        AuxModes = ReadOnly(aux);

        RateSelects = ReadOnly(RateSelectLevels switch
        {
            5 => new byte[] { 100, 80, 60, 40, 20, 1 },
            2 => new byte[] { 100, 75, 50 },
            _ => Array.Empty<byte>(),
        });

        var backed = new List<ushort>();
        var polled = new List<ushort>();
        foreach ((ushort property, Func<AcCapabilities, bool> backedBy, Polling polling) in PropertyBacking.Rows)
        {
            if (!backedBy(this)) continue;
            backed.Add(property);
            // Breeze control supersedes the separate breeze away (0x42) and breezeless (0x18) properties in msmart's poll.
            if (polling == Polling.Always || (polling == Polling.WithoutBreezeControl && !BreezeControl)) polled.Add(property);
        }
        BackedProperties = ReadOnly(backed);
        PolledProperties = ReadOnly(polled);
    }

    /// <summary>Whether msmart polls a property its capabilities back (protocol.md §5.8, "Polling").</summary>
    private enum Polling
    {
        /// <summary>Polled whenever backed.</summary>
        Always,
        /// <summary>Polled when backed and the unit has no breeze control (0x0043), which supersedes it.</summary>
        WithoutBreezeControl,
        /// <summary>Backed but never polled (msmart has no decoder for it).</summary>
        Never,
    }

    /// <summary>
    /// The one home of the mapping capability → property (protocol.md §5.8, "Which capability backs which
    /// property"): every property id the module knows, the decoded capability that backs it, and whether msmart
    /// polls it. The client polls from it (<see cref="PolledProperties"/>) and the simulator answers from it
    /// (<see cref="BackedProperties"/>). The rows are in msmart's polling order, so <see cref="PolledProperties"/>
    /// keeps that order.
    /// </summary>
    private static class PropertyBacking
    {
        // A class of its own, so the rows exist before the static Assumed instance derives from them (static
        // fields of a partial class initialise in an order across files that nothing fixes).
        /// <summary>One row per property id: the property, the capability flag that backs it, and msmart's polling.</summary>
        internal static readonly (ushort Property, Func<AcCapabilities, bool> BackedBy, Polling Polled)[] Rows =
        {
            (PropertyId.BreezeAway, c => c.BreezeAwayFlag, Polling.WithoutBreezeControl),
            (PropertyId.BreezeControl, c => c.BreezeControl, Polling.Always),
            // A breeze-control unit answers 0x18 as well (vectors P07, P09, P10) without listing 0x0018 (K05).
            (PropertyId.Breezeless, c => c.Breezeless || c.BreezeControl, Polling.WithoutBreezeControl),
            (PropertyId.Cascade, c => c.Cascade, Polling.Always),
            (PropertyId.Flash, c => c.Flash, Polling.Always),
            (PropertyId.FreshAir, c => c.FreshAir, Polling.Always),
            (PropertyId.IEco, c => c.IEcoSupported, Polling.Always),
            (PropertyId.OutSilent, c => c.OutSilent, Polling.Always),
            (PropertyId.SelfClean, c => c.SelfClean, Polling.Always),
            (PropertyId.VerticalSwingAngle, c => c.VerticalSwingAngle, Polling.Always),
            (PropertyId.HorizontalSwingAngle, c => c.HorizontalSwingAngle, Polling.Always),
            (PropertyId.RateSelect, c => c.RateSelects.Count > 0, Polling.Always),
            // The unit with humidity in its capabilities (K05) answered 0x15 with a reading (P01).
            (PropertyId.IndoorHumidity, c => c.Humidity, Polling.Never),
            // msmart names both the capability 0x022C and the property 0x1A "buzzer"; the vendor plugin calls 0x022C "sound".
            (PropertyId.Buzzer, c => c.Buzzer, Polling.Never),
            (PropertyId.Sound, c => c.Buzzer, Polling.Never),
            (PropertyId.Anion, c => c.Anion, Polling.Never),
        };
    }

    /// <summary>Every property id that has a row in the capability → property mapping, in its order.</summary>
    internal static IReadOnlyList<ushort> MappedProperties { get; } = Array.ConvertAll(PropertyBacking.Rows, row => row.Property);
}
