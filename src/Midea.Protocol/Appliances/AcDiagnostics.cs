using System;
using System.Collections.Generic;
using Midea.Protocol.Ac;

namespace Midea.Protocol.Appliances;

/// <summary>The diagnostic data groups 1, 2, 5, 7 and 11 (protocol.md §5.9), whichever answered; physically impossible values are flagged.</summary>
public sealed class AcDiagnostics
{
    /// <summary>The groups a diagnostic reading asks, in order; group 5 only of a unit that measures humidity.</summary>
    internal static IReadOnlyList<int> Groups(AcCapabilities? caps) =>
        caps is { Humidity: true } ? new[] { 1, 2, 5, 7, 11 } : new[] { 1, 2, 7, 11 };

    /// <summary>Compressor frequency, Hz (group 1).</summary>
    public int? CompressorHz { get; private set; }
    /// <summary>Compressor target frequency, Hz.</summary>
    public int? CompressorTargetHz { get; private set; }
    /// <summary>Outdoor current, A.</summary>
    public int? CurrentA { get; private set; }
    /// <summary>Supply voltage, V.</summary>
    public int? VoltageV { get; private set; }
    /// <summary>T1 indoor air, °C.</summary>
    public double? T1Indoor { get; private set; }
    /// <summary>T2 indoor coil, °C.</summary>
    public double? T2IndoorCoil { get; private set; }
    /// <summary>T3 outdoor coil, °C.</summary>
    public double? T3OutdoorCoil { get; private set; }
    /// <summary>T4 outdoor air, °C.</summary>
    public double? T4Outdoor { get; private set; }
    /// <summary>Compressor discharge, °C.</summary>
    public int? DischargeC { get; private set; }
    /// <summary>Indoor fan target speed (group 2).</summary>
    public int? IndoorFanTarget { get; private set; }
    /// <summary>Indoor fan actual speed.</summary>
    public int? IndoorFanActual { get; private set; }
    /// <summary>Condensate pump running.</summary>
    public bool? WaterPump { get; private set; }
    /// <summary>Indoor humidity, % (group 5).</summary>
    public int? Humidity { get; private set; }
    /// <summary>Outdoor fan speed.</summary>
    public int? OutdoorFanSpeed { get; private set; }
    /// <summary>Defrosting.</summary>
    public bool? Defrost { get; private set; }
    /// <summary>Outdoor unit power, W (group 7).</summary>
    public int? OutdoorPowerW { get; private set; }
    /// <summary>Horizontal louver angle (group 11).</summary>
    public int? HorizontalLouverAngle { get; private set; }
    /// <summary>Vertical louver angle.</summary>
    public int? VerticalLouverAngle { get; private set; }
    /// <summary>Groups that did not come back or did not decode, ascending.</summary>
    public IReadOnlyList<int> MissingGroups { get; private set; } = Array.Empty<int>();
    /// <summary>Values that cannot be right, and groups that did not decode.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = Array.Empty<string>();

    /// <summary>
    /// Fills the diagnostics from whichever group replies arrived. A reply that does not decode is
    /// listed as missing with a warning, and the others still count.
    /// </summary>
    public static AcDiagnostics Read(IReadOnlyDictionary<int, byte[]> groups, IEnumerable<int> missing)
    {
        var d = new AcDiagnostics();
        var absent = new List<int>(missing);
        var warnings = new List<string>();
        bool Decode<T>(int group, Func<byte[], T> parse, out T reading)
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
        if (Decode(1, b => GroupCodec.ParseOutdoorUnit(b), out OutdoorUnitReading outdoor))
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
        if (Decode(2, b => GroupCodec.ParseIndoorFan(b), out IndoorFanReading fan))
        {
            d.IndoorFanTarget = fan.TargetSpeed;
            d.IndoorFanActual = fan.ActualSpeed;
            d.WaterPump = fan.WaterPump;
        }
        if (Decode(5, b => GroupCodec.ParseHumidity(b), out HumidityReading humidity))
        {
            d.Humidity = humidity.Humidity;
            d.OutdoorFanSpeed = humidity.OutdoorFanSpeed;
            d.Defrost = humidity.Defrost;
            if (humidity.Humidity > 100) warnings.Add($"Humidity {humidity.Humidity} % is above 100 %.");
        }
        if (Decode(7, b => GroupCodec.ParseOutdoorPower(b), out OutdoorPowerReading power))
        {
            d.OutdoorPowerW = power.Watts;
            if (d.OutdoorPowerW > 20000) warnings.Add($"Outdoor unit power {d.OutdoorPowerW} W is implausible.");
        }
        if (Decode(11, b => GroupCodec.ParseLouvers(b), out LouverReading louvers))
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
