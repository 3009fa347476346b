namespace Midea.Protocol.Ac;

/// <summary>
/// Group 4 energy data (protocol.md §5.9). Both the BCD and the binary reading are always computed; the energy
/// capability's bcd flag suggests which applies. When <see cref="Valid"/> is false all six values are null.
/// </summary>
public sealed class EnergyReading
{
    /// <summary>Total energy in kWh, BCD reading of bytes 4..7.</summary>
    public double? TotalBcd { get; init; }

    /// <summary>Current-run energy in kWh, BCD reading of bytes 12..15.</summary>
    public double? CurrentBcd { get; init; }

    /// <summary>Real-time power in W, BCD reading of bytes 16..18.</summary>
    public double? PowerBcd { get; init; }

    /// <summary>Total energy in kWh, big-endian bytes 4..7 / 10.</summary>
    public double? TotalBinary { get; init; }

    /// <summary>Current-run energy in kWh, big-endian bytes 12..15 / 10.</summary>
    public double? CurrentBinary { get; init; }

    /// <summary>Real-time power in W, big-endian bytes 16..18 / 10.</summary>
    public double? PowerBinary { get; init; }

    /// <summary>At least one BCD value is non-zero (equivalently, one of the 11 energy bytes is).</summary>
    public bool Valid { get; init; }

    /// <summary>
    /// Every nibble of the 11 energy bytes is at most 9. When false the bytes cannot be true BCD, which hints that
    /// the binary reading applies (or that the unit sends non-BCD digits, see G02).
    /// </summary>
    public bool BcdDigitsValid { get; init; }
}

/// <summary>Group 5: indoor humidity, outdoor fan and defrost.</summary>
public sealed class HumidityReading
{
    /// <summary>Indoor relative humidity in percent, byte 4; null when the byte is 0.</summary>
    public int? Humidity { get; init; }

    /// <summary>Outdoor fan speed, 8 × byte 8.</summary>
    public int OutdoorFanSpeed { get; init; }

    /// <summary>Defrost active, byte 10 ≠ 0.</summary>
    public bool Defrost { get; init; }
}

/// <summary>Group 1: outdoor unit performance.</summary>
public sealed class OutdoorUnitReading
{
    /// <summary>Compressor frequency in Hz, byte 4.</summary>
    public int CompressorHz { get; init; }

    /// <summary>Target compressor frequency in Hz, byte 5.</summary>
    public int TargetHz { get; init; }

    /// <summary>Current in A, byte 7.</summary>
    public int CurrentA { get; init; }

    /// <summary>Voltage in V, byte 8.</summary>
    public int VoltageV { get; init; }

    /// <summary>T1 indoor temperature in °C, (byte 10 − 30) / 2.</summary>
    public double T1Indoor { get; init; }

    /// <summary>T2 indoor coil temperature in °C, (byte 11 − 30) / 2.</summary>
    public double T2IndoorCoil { get; init; }

    /// <summary>T3 outdoor coil temperature in °C, (byte 12 − 50) / 2.</summary>
    public double T3OutdoorCoil { get; init; }

    /// <summary>T4 outdoor temperature in °C, (byte 13 − 50) / 2.</summary>
    public double T4Outdoor { get; init; }

    /// <summary>Discharge pipe temperature in °C, byte 14.</summary>
    public int DischargeC { get; init; }
}

/// <summary>Group 2: indoor fan.</summary>
public sealed class IndoorFanReading
{
    /// <summary>Target indoor fan speed, 8 × byte 4.</summary>
    public int TargetSpeed { get; init; }

    /// <summary>Actual indoor fan speed, 8 × byte 5.</summary>
    public int ActualSpeed { get; init; }

    /// <summary>Water pump running, byte 8 bit 0x10.</summary>
    public bool WaterPump { get; init; }
}

/// <summary>Group 7: outdoor unit power.</summary>
public sealed class OutdoorPowerReading
{
    /// <summary>Power in W, byte 10 + 256 × byte 11.</summary>
    public int Watts { get; init; }
}

/// <summary>Group 11: louver angles.</summary>
public sealed class LouverReading
{
    /// <summary>Horizontal louver angle in degrees, byte 9.</summary>
    public int Horizontal { get; init; }

    /// <summary>Vertical louver angle in degrees, byte 12.</summary>
    public int Vertical { get; init; }
}
