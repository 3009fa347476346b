using System;
using System.Collections.Generic;
using System.Linq;
using Midea.Protocol;
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

    /// <summary>
    /// Fills the diagnostics from whichever group replies arrived; flags physically impossible values.
    /// A reply that does not decode is listed as missing with a warning, and the others still count.
    /// </summary>
    public static MideaDiagnostics ToPublic(IReadOnlyDictionary<int, byte[]> groups, IEnumerable<int> missing)
    {
        var d = new MideaDiagnostics();
        var absent = new List<int>(missing);
        var warnings = new List<string>();
        bool Read<T>(int group, Func<byte[], T> parse, out T reading)
        {
            reading = default!;
            if (!groups.TryGetValue(group, out byte[]? body)) return false;
            try
            {
                reading = parse(body);
                return true;
            }
            catch (MideaProtocolException ex)
            {
                absent.Add(group);
                warnings.Add($"Data group {group} did not decode and is left out: {ex.Message}");
                return false;
            }
        }
        if (Read(1, b => GroupCodec.ParseOutdoorUnit(b), out OutdoorUnitReading outdoor))
        {
            d.CompressorHz = outdoor.CompressorHz;
            d.CompressorTargetHz = outdoor.TargetHz;
            d.CurrentA = outdoor.CurrentA;
            d.VoltageV = outdoor.VoltageV;
            d.T1Indoor = outdoor.T1Indoor;
            d.T2IndoorCoil = outdoor.T2IndoorCoil;
            d.T3OutdoorCoil = outdoor.T3OutdoorCoil;
            d.T4Outdoor = outdoor.T4Outdoor;
            d.DischargeC = outdoor.DischargeC;
            if (outdoor.VoltageV != 0 && (outdoor.VoltageV < 80 || outdoor.VoltageV > 300)) warnings.Add($"Supply voltage {outdoor.VoltageV} V is outside 80-300 V.");
            if (outdoor.DischargeC > 150) warnings.Add($"Discharge temperature {outdoor.DischargeC} °C is implausible.");
        }
        if (Read(2, b => GroupCodec.ParseIndoorFan(b), out IndoorFanReading fan))
        {
            d.IndoorFanTarget = fan.TargetSpeed;
            d.IndoorFanActual = fan.ActualSpeed;
            d.WaterPump = fan.WaterPump;
        }
        if (Read(5, b => GroupCodec.ParseHumidity(b), out HumidityReading humidity))
        {
            d.Humidity = humidity.Humidity;
            d.OutdoorFanSpeed = humidity.OutdoorFanSpeed;
            d.Defrost = humidity.Defrost;
            if (humidity.Humidity > 100) warnings.Add($"Humidity {humidity.Humidity} % is above 100 %.");
        }
        if (Read(7, b => GroupCodec.ParseOutdoorPower(b), out OutdoorPowerReading power))
        {
            d.OutdoorPowerW = power.Watts;
            if (d.OutdoorPowerW > 20000) warnings.Add($"Outdoor unit power {d.OutdoorPowerW} W is implausible.");
        }
        if (Read(11, b => GroupCodec.ParseLouvers(b), out LouverReading louvers))
        {
            d.HorizontalLouverAngle = louvers.Horizontal;
            d.VerticalLouverAngle = louvers.Vertical;
        }
        absent.Sort();
        d.MissingGroups = absent.ToArray();
        d.Warnings = warnings.ToArray();
        return d;
    }
}
