namespace Midea;

/// <summary>An air conditioner's (appliance type 0xAC) state as it reported it. Temperatures are °C; Fahrenheit only says which unit the display shows. A commercial unit (0xCC) gives a MideaCommercialAcState, whose leading properties match these.</summary>
public sealed class MideaState
{
    /// <summary>Address of the unit.</summary>
    public string Address { get; internal set; } = "";
    /// <summary>TCP port of the unit.</summary>
    public int Port { get; internal set; }
    /// <summary>Device id.</summary>
    public long Id { get; internal set; }
    /// <summary>Protocol version.</summary>
    public int ProtocolVersion { get; internal set; }
    /// <summary>Appliance type: AirConditioner (a commercial unit's state is a MideaCommercialAcState).</summary>
    public string Type { get; internal set; } = "";
    /// <summary>Power on.</summary>
    public bool Power { get; internal set; }
    /// <summary>Operating mode.</summary>
    public OperationalMode Mode { get; internal set; }
    /// <summary>Target temperature, °C, in 0.5 steps.</summary>
    public double TargetTemperature { get; internal set; }
    /// <summary>Fan speed.</summary>
    public FanSpeed FanSpeed { get; internal set; }
    /// <summary>Swing mode.</summary>
    public SwingMode SwingMode { get; internal set; }
    /// <summary>Eco mode.</summary>
    public bool Eco { get; internal set; }
    /// <summary>Turbo mode.</summary>
    public bool Turbo { get; internal set; }
    /// <summary>Sleep mode.</summary>
    public bool Sleep { get; internal set; }
    /// <summary>Freeze protection (8 °C heating); empty when the unit does not report it.</summary>
    public bool? FreezeProtection { get; internal set; }
    /// <summary>Display lit.</summary>
    public bool Display { get; internal set; }
    /// <summary>The display shows °F.</summary>
    public bool Fahrenheit { get; internal set; }
    /// <summary>Indoor temperature, °C; empty when the unit reports none.</summary>
    public double? IndoorTemperature { get; internal set; }
    /// <summary>Outdoor temperature, °C; empty when the unit reports none.</summary>
    public double? OutdoorTemperature { get; internal set; }
    /// <summary>Error code, 0 when none.</summary>
    public int ErrorCode { get; internal set; }
    /// <summary>The filter needs cleaning.</summary>
    public bool FilterAlert { get; internal set; }
    /// <summary>Target humidity, %; empty when the unit does not report it.</summary>
    public int? TargetHumidity { get; internal set; }
    /// <summary>Follow-me: the unit uses the remote's sensor.</summary>
    public bool FollowMe { get; internal set; }
    /// <summary>Purifier (anion) on.</summary>
    public bool Purifier { get; internal set; }
    /// <summary>Auxiliary electric heat on.</summary>
    public bool AuxHeat { get; internal set; }
    /// <summary>Auxiliary heat mode: Off, On (with the heat pump) or Only.</summary>
    public AuxiliaryHeat AuxHeatMode { get; internal set; }
    /// <summary>The target as the unit's °F display shows it (whole degrees).</summary>
    public double TargetTemperatureFahrenheit => Protocol.Ac.Fahrenheit.FromCelsius(TargetTemperature);
    /// <summary>With -IncludeCapabilities: what the unit can do.</summary>
    public MideaCapabilities? Capabilities { get; internal set; }
    /// <summary>With -IncludeProperties: feature settings (swing angles, breeze, iECO…).</summary>
    public MideaProperties? Properties { get; internal set; }
    /// <summary>From Set-MideaState -PassThru: whether each property change was applied.</summary>
    public MideaPropertyResult[]? PropertyResults { get; internal set; }
    /// <summary>With -IncludeEnergy: energy counters.</summary>
    public MideaEnergy? Energy { get; internal set; }
    /// <summary>With -IncludeDiagnostics: outdoor unit, fans, humidity, defrost, louvers.</summary>
    public MideaDiagnostics? Diagnostics { get; internal set; }
}
