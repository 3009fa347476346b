namespace Midea.Protocol.Ac;

/// <summary>
/// The air conditioner's state as C0 reports it and SetState sets it (protocol.md §5.4, §5.5).
/// Temperatures are °C; the Fahrenheit flag only selects the unit's display.
/// </summary>
public sealed class AcState
{
    /// <summary>Power on.</summary>
    public bool Power { get; set; }
    /// <summary>Operational mode.</summary>
    public OperationalMode Mode { get; set; } = OperationalMode.Cool;
    /// <summary>Target temperature in °C, in 0.5 steps.</summary>
    public double TargetTemperature { get; set; } = 25;
    /// <summary>Fan speed on the percent scale (20 silent … 100 max, 102 auto).</summary>
    public byte FanSpeed { get; set; } = 102;
    /// <summary>Swing mode.</summary>
    public SwingMode Swing { get; set; }
    /// <summary>Eco mode.</summary>
    public bool Eco { get; set; }
    /// <summary>Turbo (boost).</summary>
    public bool Turbo { get; set; }
    /// <summary>Sleep mode.</summary>
    public bool Sleep { get; set; }
    /// <summary>Freeze protection (8 °C heating); null when the reply is too short to say.</summary>
    public bool? FreezeProtection { get; set; }
    /// <summary>Display lit.</summary>
    public bool Display { get; set; } = true;
    /// <summary>Unit shows °F.</summary>
    public bool Fahrenheit { get; set; }
    /// <summary>Follow-me (the remote's sensor).</summary>
    public bool FollowMe { get; set; }
    /// <summary>Purifier / anion.</summary>
    public bool Purifier { get; set; }
    /// <summary>Auxiliary electric heat.</summary>
    public bool AuxHeat { get; set; }
    /// <summary>Auxiliary heat alone ("aux only").</summary>
    public bool IndependentAuxHeat { get; set; }
    /// <summary>Indoor temperature °C; null when the unit reports none.</summary>
    public double? IndoorTemperature { get; set; }
    /// <summary>Outdoor temperature °C; null when the unit reports none (raw FF).</summary>
    public double? OutdoorTemperature { get; set; }
    /// <summary>Error code, 0 when none.</summary>
    public byte ErrorCode { get; set; }
    /// <summary>The filter needs cleaning.</summary>
    public bool FilterAlert { get; set; }
    /// <summary>Target humidity %; null when the reply is too short to carry it.</summary>
    public int? TargetHumidity { get; set; }

    /// <summary>A copy, so a caller can change fields without touching the original.</summary>
    public AcState Clone() => (AcState)MemberwiseClone();
}
