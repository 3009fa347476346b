using System;
using System.Collections.Generic;
using System.Linq;
using Midea.Protocol.Ac;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;

namespace Midea.PowerShell.Internal;

/// <summary>From the appliance layer's capability, property, energy and diagnostic types to the public ones: field by field, no decisions.</summary>
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
        return new MideaCapabilities
        {
            Address = address,
            Id = id,
            Type = Protocol.Appliances.Appliance.TypeName(Protocol.Appliances.AirConditioner.ApplianceType),
            Modes = caps.Modes.Select(EnumMapping.ToPublic).ToArray(),
            SwingModes = caps.SwingModes.Select(EnumMapping.ToPublic).ToArray(),
            FanSpeeds = caps.FanSpeeds.Select(f => EnumMapping.ToPublic((Protocol.Ac.FanSpeed)f)).ToArray(),
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
            EnergyFormat = EnumMapping.ToPublic(AirConditioner.EnergyFormatOf(caps)),
            FilterReminder = caps.FilterReminder,
            SelfClean = caps.SelfClean,
            BreezeModes = AirConditioner.BreezeSettings(caps).Select(EnumMapping.ToPublic).ToArray(),
            VerticalSwingAngle = caps.VerticalSwingAngle,
            HorizontalSwingAngle = caps.HorizontalSwingAngle,
            RateSelects = caps.RateSelects.Select(r => EnumMapping.ToPublic((Protocol.Ac.RateSelect)r)).ToArray(),
            FreshAir = caps.FreshAir,
            Cascade = caps.Cascade,
            Flash = caps.Flash,
            OutSilent = caps.OutSilent,
            IEco = caps.IEcoSupported,
            AuxHeatModes = AirConditioner.AuxiliaryHeatModes(caps).Select(EnumMapping.ToPublic).ToArray(),
            Purifier = caps.Purifier,
            Buzzer = caps.Buzzer,
            Undecoded = undecoded,
            Raw = raw,
        };
    }

    public static MideaProperties ToPublic(AcProperties properties) => new()
    {
        VerticalSwingAngle = properties.VerticalSwingAngle is { } vertical ? EnumMapping.ToPublic((Protocol.Ac.SwingAngle)vertical) : null,
        HorizontalSwingAngle = properties.HorizontalSwingAngle is { } horizontal ? EnumMapping.ToPublic((Protocol.Ac.SwingAngle)horizontal) : null,
        Breeze = AirConditioner.BreezeOf(properties) is { } breeze ? EnumMapping.ToPublic(breeze) : null,
        Breezeless = AirConditioner.BreezelessOf(properties),
        IndirectWind = AirConditioner.IndirectWindOf(properties),
        SelfClean = properties.SelfClean,
        IEco = properties.IEco,
        RateSelect = properties.RateSelect is { } rate ? EnumMapping.ToPublic((Protocol.Ac.RateSelect)rate) : null,
        FreshAir = properties.FreshAirSpeed is { } fresh ? EnumMapping.ToPublic((Protocol.Ac.FreshAirSpeed)fresh) : null,
        Cascade = properties.CascadeMode is { } cascade ? EnumMapping.ToPublic((Protocol.Ac.CascadeMode)cascade) : null,
        Flash = properties.Flash,
        OutSilent = properties.OutSilent,
    };

    public static MideaEnergy ToPublic(AcEnergy energy) => new()
    {
        Format = EnumMapping.ToPublic(energy.Format),
        TotalKwh = energy.TotalKwh,
        CurrentKwh = energy.CurrentKwh,
        PowerW = energy.PowerW,
        Plausible = energy.Plausible,
        Warnings = energy.Warnings.ToArray(),
    };

    public static MideaDiagnostics ToPublic(AcDiagnostics d) => new()
    {
        CompressorHz = d.CompressorHz,
        CompressorTargetHz = d.CompressorTargetHz,
        CurrentA = d.CurrentA,
        VoltageV = d.VoltageV,
        T1Indoor = d.T1Indoor,
        T2IndoorCoil = d.T2IndoorCoil,
        T3OutdoorCoil = d.T3OutdoorCoil,
        T4Outdoor = d.T4Outdoor,
        DischargeC = d.DischargeC,
        IndoorFanTarget = d.IndoorFanTarget,
        IndoorFanActual = d.IndoorFanActual,
        WaterPump = d.WaterPump,
        Humidity = d.Humidity,
        OutdoorFanSpeed = d.OutdoorFanSpeed,
        Defrost = d.Defrost,
        OutdoorPowerW = d.OutdoorPowerW,
        HorizontalLouverAngle = d.HorizontalLouverAngle,
        VerticalLouverAngle = d.VerticalLouverAngle,
        MissingGroups = d.MissingGroups.ToArray(),
        Warnings = d.Warnings.ToArray(),
    };
}
