using System.Collections.Generic;
using Midea.Protocol.Ac;

namespace Midea.Protocol.Appliances;

/// <summary>The energy counters of data group 4 read in one format, with what looks wrong about them (protocol.md §5.9).</summary>
public sealed class AcEnergy
{
    private AcEnergy(EnergyFormat format, double? totalKwh, double? currentKwh, double? powerW, IReadOnlyList<string> warnings)
    {
        Format = format;
        TotalKwh = totalKwh;
        CurrentKwh = currentKwh;
        PowerW = powerW;
        Warnings = warnings;
    }

    /// <summary>The format the values were read in (never Auto).</summary>
    public EnergyFormat Format { get; }

    /// <summary>Energy used since the counter was reset, kWh.</summary>
    public double? TotalKwh { get; }

    /// <summary>Energy of the current run, kWh.</summary>
    public double? CurrentKwh { get; }

    /// <summary>Power now, W.</summary>
    public double? PowerW { get; }

    /// <summary>Values no unit can report (the format may be wrong); empty when the reading looks sound.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>No warning.</summary>
    public bool Plausible => Warnings.Count == 0;

    /// <summary>
    /// Picks the format (the one asked for, else the unit's own BCD flag) and flags values no unit
    /// can report: BCD bytes with a digit above 9, or power and energy beyond any room unit.
    /// </summary>
    public static AcEnergy Read(EnergyReading reading, EnergyFormat requested, bool unitSaysBcd)
    {
        EnergyFormat format = requested != EnergyFormat.Auto ? requested : unitSaysBcd ? EnergyFormat.Bcd : EnergyFormat.Binary;
        bool bcd = format == EnergyFormat.Bcd;
        double? total = bcd ? reading.TotalBcd : reading.TotalBinary;
        double? current = bcd ? reading.CurrentBcd : reading.CurrentBinary;
        double? power = bcd ? reading.PowerBcd : reading.PowerBinary;
        var warnings = new List<string>();
        if (bcd && reading.Valid && !reading.BcdDigitsValid)
            warnings.Add("The energy bytes contain a digit above 9, so they are not BCD; try -EnergyFormat Binary.");
        if (power > 20000) warnings.Add($"Power {power} W is beyond any room unit; the format may be wrong.");
        if (total > 1000000) warnings.Add($"Total energy {total} kWh is implausible; the format may be wrong.");
        if (current > total) warnings.Add("The current-run energy exceeds the total.");
        return new AcEnergy(format, total, current, power, warnings);
    }
}
