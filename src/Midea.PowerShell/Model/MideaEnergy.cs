using System;

namespace Midea;

/// <summary>Energy counters (group 4). Values the format cannot produce, or that no unit could reach, are flagged, not hidden.</summary>
public sealed class MideaEnergy
{
    /// <summary>Total energy used, kWh.</summary>
    public double? TotalKwh { get; internal set; }
    /// <summary>Energy used in the current run, kWh.</summary>
    public double? CurrentKwh { get; internal set; }
    /// <summary>Power drawn now, W.</summary>
    public double? PowerW { get; internal set; }
    /// <summary>The format the values were read in.</summary>
    public EnergyFormat Format { get; internal set; }
    /// <summary>False when a value is implausible; see <see cref="Warnings"/>.</summary>
    public bool Plausible { get; internal set; } = true;
    /// <summary>Why values are implausible.</summary>
    public string[] Warnings { get; internal set; } = Array.Empty<string>();

    /// <inheritdoc/>
    public override string ToString() => $"{TotalKwh} kWh, {PowerW} W ({Format})";
}

/// <summary>Diagnostic groups 1, 2, 5, 7 and 11; null where the unit did not answer.</summary>
public sealed class MideaDiagnostics
{
    /// <summary>Compressor frequency, Hz (group 1).</summary>
    public int? CompressorHz { get; internal set; }
    /// <summary>Compressor target frequency, Hz.</summary>
    public int? CompressorTargetHz { get; internal set; }
    /// <summary>Outdoor unit current, A.</summary>
    public int? CurrentA { get; internal set; }
    /// <summary>Supply voltage, V.</summary>
    public int? VoltageV { get; internal set; }
    /// <summary>T1 indoor air, °C.</summary>
    public double? T1Indoor { get; internal set; }
    /// <summary>T2 indoor coil, °C.</summary>
    public double? T2IndoorCoil { get; internal set; }
    /// <summary>T3 outdoor coil, °C.</summary>
    public double? T3OutdoorCoil { get; internal set; }
    /// <summary>T4 outdoor air, °C.</summary>
    public double? T4Outdoor { get; internal set; }
    /// <summary>Compressor discharge pipe, °C.</summary>
    public int? DischargeC { get; internal set; }
    /// <summary>Indoor fan target speed, rpm (group 2).</summary>
    public int? IndoorFanTarget { get; internal set; }
    /// <summary>Indoor fan actual speed, rpm.</summary>
    public int? IndoorFanActual { get; internal set; }
    /// <summary>Condensate pump running.</summary>
    public bool? WaterPump { get; internal set; }
    /// <summary>Indoor humidity, % (group 5).</summary>
    public int? Humidity { get; internal set; }
    /// <summary>Outdoor fan speed, rpm.</summary>
    public int? OutdoorFanSpeed { get; internal set; }
    /// <summary>Defrosting now.</summary>
    public bool? Defrost { get; internal set; }
    /// <summary>Outdoor unit power, W (group 7).</summary>
    public int? OutdoorPowerW { get; internal set; }
    /// <summary>Horizontal louver angle, degrees (group 11).</summary>
    public int? HorizontalLouverAngle { get; internal set; }
    /// <summary>Vertical louver angle, degrees.</summary>
    public int? VerticalLouverAngle { get; internal set; }
    /// <summary>Groups that did not answer in time.</summary>
    public int[] MissingGroups { get; internal set; } = Array.Empty<int>();
    /// <summary>Values outside what a unit can physically report.</summary>
    public string[] Warnings { get; internal set; } = Array.Empty<string>();
}
