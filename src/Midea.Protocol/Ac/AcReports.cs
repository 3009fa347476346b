namespace Midea.Protocol.Ac;

/// <summary>
/// What a pushed state report (body A0, frame type 0x05) carries, as midea-local reads it
/// (protocol.md §5.10). The display is left out: where A0 carries it is not settled.
/// </summary>
public sealed class AcStateReport
{
    /// <summary>Power on.</summary>
    public bool Power { get; internal set; }
    /// <summary>Target temperature in °C, in 0.5 steps (12 … 43.5 fit the field).</summary>
    public double TargetTemperature { get; internal set; }
    /// <summary>Operational mode; an unknown value reads as FanOnly, as in a C0 (protocol.md §5.1).</summary>
    public OperationalMode Mode { get; internal set; }
    /// <summary>Fan speed byte as sent (7 bits, the percent scale of protocol.md §5.1).</summary>
    public byte FanSpeed { get; internal set; }
    /// <summary>Up-and-down swing.</summary>
    public bool VerticalSwing { get; internal set; }
    /// <summary>Left-and-right swing.</summary>
    public bool HorizontalSwing { get; internal set; }
    /// <summary>The two swing bits as a swing mode.</summary>
    public SwingMode Swing => (VerticalSwing ? SwingMode.Vertical : SwingMode.Off) | (HorizontalSwing ? SwingMode.Horizontal : SwingMode.Off);
    /// <summary>Turbo (boost).</summary>
    public bool Turbo { get; internal set; }
    /// <summary>Eco mode.</summary>
    public bool Eco { get; internal set; }
    /// <summary>Sleep mode.</summary>
    public bool Sleep { get; internal set; }
    /// <summary>Auxiliary electric heat.</summary>
    public bool AuxHeat { get; internal set; }
    /// <summary>Purifier / anion.</summary>
    public bool Purifier { get; internal set; }
    /// <summary>Freeze protection; null when the body is too short to carry it.</summary>
    public bool? FreezeProtection { get; internal set; }
}

/// <summary>What a pushed sensor report (body A1, frame type 0x04) carries, as midea-local reads it (protocol.md §5.10).</summary>
public sealed class AcSensorReport
{
    /// <summary>Indoor temperature °C; null when the unit reports none.</summary>
    public double? IndoorTemperature { get; internal set; }
    /// <summary>Outdoor temperature °C; null when the unit reports none.</summary>
    public double? OutdoorTemperature { get; internal set; }
    /// <summary>Indoor humidity %; null when the unit reports none (0).</summary>
    public int? Humidity { get; internal set; }
}
