namespace Midea.Protocol.Cc;

/// <summary>
/// A 0xCC unit's state as its query answer and reports carry it (protocol.md §9.3). Temperatures
/// are °C; the Fahrenheit flag only selects the unit's display.
/// </summary>
public sealed class CcState
{
    /// <summary>Power on (byte 8).</summary>
    public bool Power { get; set; }
    /// <summary>Target temperature in °C, in 0.5 steps (byte 11).</summary>
    public double TargetTemperature { get; set; } = 24;
    /// <summary>Indoor temperature in °C, in tenths (bytes 12..13).</summary>
    public double IndoorTemperature { get; set; }
    /// <summary>
    /// Outdoor temperature in °C (byte 14); null when the unit sends 0. Unverified: every capture
    /// sends 0, so the scale is msmart-ng's guess (that of the target).
    /// </summary>
    public double? OutdoorTemperature { get; set; }
    /// <summary>The unit shows °F (byte 21).</summary>
    public bool Fahrenheit { get; set; }
    /// <summary>Target humidity % (byte 24). Unverified: msmart-ng marks it so.</summary>
    public int TargetHumidity { get; set; } = 40;
    /// <summary>Indoor humidity % (byte 25); null when the unit sends FF, as every capture does. Unverified.</summary>
    public int? IndoorHumidity { get; set; }
    /// <summary>Operational mode (byte 31).</summary>
    public CcMode Mode { get; set; } = CcMode.Fan;
    /// <summary>Fan speed (byte 34).</summary>
    public CcFanSpeed FanSpeed { get; set; } = CcFanSpeed.Auto;
    /// <summary>Vertical louver angle (byte 41).</summary>
    public CcSwingAngle VerticalSwingAngle { get; set; } = CcSwingAngle.Position3;
    /// <summary>Horizontal louver angle (byte 43).</summary>
    public CcSwingAngle HorizontalSwingAngle { get; set; } = CcSwingAngle.Position3;
    /// <summary>Wind sense (byte 45). Untested: every capture sends 0.</summary>
    public CcWindSense WindSense { get; set; }
    /// <summary>Eco (byte 56).</summary>
    public bool Eco { get; set; }
    /// <summary>Silent (byte 58).</summary>
    public bool Silent { get; set; }
    /// <summary>Sleep (byte 60).</summary>
    public bool Sleep { get; set; }
    /// <summary>Purifier (byte 75).</summary>
    public CcPurifier Purifier { get; set; } = CcPurifier.Off;
    /// <summary>Buzzer on (byte 80). Unverified: msmart-ng's test unit did not answer as expected.</summary>
    public bool Beep { get; set; }
    /// <summary>Display lit (byte 81). Unverified: msmart-ng's test unit did not answer as expected.</summary>
    public bool Display { get; set; } = true;
    /// <summary>Auxiliary heat (byte 87).</summary>
    public CcAuxiliaryHeat AuxiliaryHeat { get; set; } = CcAuxiliaryHeat.Off;

    /// <summary>A copy, so a caller can change fields without touching the original.</summary>
    public CcState Clone() => (CcState)MemberwiseClone();
}
