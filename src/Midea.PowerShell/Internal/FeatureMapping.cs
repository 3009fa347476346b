using System;
using System.Collections.Generic;
using System.Linq;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;

namespace Midea.PowerShell.Internal;

/// <summary>From the protocol's capability, property and group types to the public ones.</summary>
internal static class FeatureMapping
{
    public static MideaCapabilities ToPublic(AcCapabilities caps, string address, long id)
    {
        var undecoded = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var raw = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (CapabilityEntry entry in caps.Entries)
        {
            string key = "0x" + entry.Id.ToString("x4", System.Globalization.CultureInfo.InvariantCulture);
            raw[key] = Hex.Encode(entry.Value);
            if (caps.UndecodedIds.Contains(entry.Id)) undecoded[key] = Hex.Encode(entry.Value);
        }
        var breeze = new List<BreezeSetting>();
        if (caps.BreezeAway) breeze.Add(BreezeSetting.BreezeAway);
        if (caps.BreezeMild) breeze.Add(BreezeSetting.BreezeMild);
        if (caps.BreezelessMode) breeze.Add(BreezeSetting.Breezeless);
        if (breeze.Count > 0) breeze.Insert(0, BreezeSetting.Off);
        return new MideaCapabilities
        {
            Address = address,
            Id = id,
            Modes = caps.Modes.Select(m => (OperationalMode)m).ToArray(),
            SwingModes = caps.SwingModes.Select(s => (SwingMode)s).ToArray(),
            FanSpeeds = caps.FanSpeeds.Select(f => (FanSpeed)f).ToArray(),
            CustomFanSpeed = caps.CustomFanSpeed,
            MinTemperature = caps.MinTemperature,
            MaxTemperature = caps.MaxTemperature,
            Eco = caps.Eco,
            TurboCool = caps.TurboCool,
            TurboHeat = caps.TurboHeat,
            FreezeProtection = caps.FreezeProtection,
            DisplayControl = caps.DisplayControl,
            Fahrenheit = caps.Fahrenheit,
            Humidity = caps.Humidity,
            TargetHumidity = caps.TargetHumidity,
            Energy = caps.EnergyStats,
            EnergyFormat = !caps.EnergyStats ? EnergyFormat.Auto : caps.EnergyBcd ? EnergyFormat.Bcd : EnergyFormat.Binary,
            FilterReminder = caps.FilterReminder,
            SelfClean = caps.SelfClean,
            BreezeModes = breeze.ToArray(),
            VerticalSwingAngle = caps.VerticalSwingAngle,
            HorizontalSwingAngle = caps.HorizontalSwingAngle,
            RateSelects = caps.RateSelects.Select(r => (RateSelect)r).ToArray(),
            FreshAir = caps.FreshAir,
            Cascade = caps.Cascade,
            Flash = caps.Flash,
            OutSilent = caps.OutSilent,
            IEco = caps.IEcoSupported,
            // A unit without auxiliary heat lists only Off; the public list is then empty, like BreezeModes.
            AuxHeatModes = caps.AuxModes.Count > 1 ? caps.AuxModes.Select(a => (AuxiliaryHeat)a).ToArray() : Array.Empty<AuxiliaryHeat>(),
            Purifier = caps.Purifier,
            Buzzer = caps.Buzzer,
            Undecoded = undecoded,
            Raw = raw,
        };
    }

    public static MideaProperties ToPublic(AcProperties properties) => new()
    {
        VerticalSwingAngle = (SwingAngle?)properties.VerticalSwingAngle,
        HorizontalSwingAngle = (SwingAngle?)properties.HorizontalSwingAngle,
        Breeze = properties.Breeze is { } mode ? (BreezeSetting)mode
            : properties.BreezeAway == true ? BreezeSetting.BreezeAway
            : properties.Breezeless == true ? BreezeSetting.Breezeless
            : properties.BreezeAway is null && properties.Breezeless is null ? null : BreezeSetting.Off,
        SelfClean = properties.SelfClean,
        IEco = properties.IEco,
        RateSelect = (RateSelect?)properties.RateSelect,
        FreshAir = (FreshAirSpeed?)properties.FreshAirSpeed,
        Cascade = (CascadeMode?)properties.CascadeMode,
        Flash = properties.Flash,
        OutSilent = properties.OutSilent,
    };

    /// <summary>
    /// Picks the format (the override, else the unit's BCD flag) and flags values no unit can
    /// report: BCD bytes with a digit above 9, or power and energy beyond any room unit.
    /// </summary>
    public static MideaEnergy ToPublic(EnergyReading reading, EnergyFormat requested, bool unitSaysBcd)
    {
        EnergyFormat format = requested != EnergyFormat.Auto ? requested : unitSaysBcd ? EnergyFormat.Bcd : EnergyFormat.Binary;
        bool bcd = format == EnergyFormat.Bcd;
        var energy = new MideaEnergy
        {
            Format = format,
            TotalKwh = bcd ? reading.TotalBcd : reading.TotalBinary,
            CurrentKwh = bcd ? reading.CurrentBcd : reading.CurrentBinary,
            PowerW = bcd ? reading.PowerBcd : reading.PowerBinary,
        };
        var warnings = new List<string>();
        if (bcd && reading.Valid && !reading.BcdDigitsValid)
            warnings.Add("The energy bytes contain a digit above 9, so they are not BCD; try -EnergyFormat Binary.");
        if (energy.PowerW > 20000) warnings.Add($"Power {energy.PowerW} W is beyond any room unit; the format may be wrong.");
        if (energy.TotalKwh > 1000000) warnings.Add($"Total energy {energy.TotalKwh} kWh is implausible; the format may be wrong.");
        if (energy.CurrentKwh > energy.TotalKwh) warnings.Add("The current-run energy exceeds the total.");
        energy.Warnings = warnings.ToArray();
        energy.Plausible = warnings.Count == 0;
        return energy;
    }

    /// <summary>Fills the diagnostics from whichever group replies arrived; flags physically impossible values.</summary>
    public static MideaDiagnostics ToPublic(IReadOnlyDictionary<int, byte[]> groups, IEnumerable<int> missing)
    {
        var d = new MideaDiagnostics { MissingGroups = missing.ToArray() };
        var warnings = new List<string>();
        if (groups.TryGetValue(1, out byte[]? g1))
        {
            OutdoorUnitReading r = GroupCodec.ParseOutdoorUnit(g1);
            d.CompressorHz = r.CompressorHz;
            d.CompressorTargetHz = r.TargetHz;
            d.CurrentA = r.CurrentA;
            d.VoltageV = r.VoltageV;
            d.T1Indoor = r.T1Indoor;
            d.T2IndoorCoil = r.T2IndoorCoil;
            d.T3OutdoorCoil = r.T3OutdoorCoil;
            d.T4Outdoor = r.T4Outdoor;
            d.DischargeC = r.DischargeC;
            if (r.VoltageV != 0 && (r.VoltageV < 80 || r.VoltageV > 300)) warnings.Add($"Supply voltage {r.VoltageV} V is outside 80-300 V.");
            if (r.DischargeC > 150) warnings.Add($"Discharge temperature {r.DischargeC} °C is implausible.");
        }
        if (groups.TryGetValue(2, out byte[]? g2))
        {
            IndoorFanReading r = GroupCodec.ParseIndoorFan(g2);
            d.IndoorFanTarget = r.TargetSpeed;
            d.IndoorFanActual = r.ActualSpeed;
            d.WaterPump = r.WaterPump;
        }
        if (groups.TryGetValue(5, out byte[]? g5))
        {
            HumidityReading r = GroupCodec.ParseHumidity(g5);
            d.Humidity = r.Humidity;
            d.OutdoorFanSpeed = r.OutdoorFanSpeed;
            d.Defrost = r.Defrost;
            if (r.Humidity > 100) warnings.Add($"Humidity {r.Humidity} % is above 100 %.");
        }
        if (groups.TryGetValue(7, out byte[]? g7))
        {
            d.OutdoorPowerW = GroupCodec.ParseOutdoorPower(g7).Watts;
            if (d.OutdoorPowerW > 20000) warnings.Add($"Outdoor unit power {d.OutdoorPowerW} W is implausible.");
        }
        if (groups.TryGetValue(11, out byte[]? g11))
        {
            LouverReading r = GroupCodec.ParseLouvers(g11);
            d.HorizontalLouverAngle = r.Horizontal;
            d.VerticalLouverAngle = r.Vertical;
        }
        d.Warnings = warnings.ToArray();
        return d;
    }
}
