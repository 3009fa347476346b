namespace Midea;

/// <summary>
/// A commercial unit's (appliance type 0xCC) state as it reported it (protocol.md §9.3). The
/// leading properties, through TargetTemperature, are named and typed as those of MideaState, so a
/// list of both families reads alike; the others are the 0xCC unit's own. Temperatures are °C.
/// </summary>
public sealed class MideaCommercialAcState
{
    /// <summary>Address of the unit.</summary>
    public string Address { get; internal set; } = "";
    /// <summary>TCP port of the unit.</summary>
    public int Port { get; internal set; }
    /// <summary>Device id.</summary>
    public long Id { get; internal set; }
    /// <summary>Protocol version.</summary>
    public int ProtocolVersion { get; internal set; }
    /// <summary>Appliance type: CommercialAc.</summary>
    public string Type { get; internal set; } = "";
    /// <summary>Power on.</summary>
    public bool Power { get; internal set; }
    /// <summary>Operating mode: Auto, Cool, Dry, Heat or FanOnly.</summary>
    public OperationalMode Mode { get; internal set; }
    /// <summary>Target temperature, °C, in 0.5 steps.</summary>
    public double TargetTemperature { get; internal set; }
    /// <summary>Fan speed: Level1 to Level7, or Auto.</summary>
    public FanLevel FanLevel { get; internal set; }
    /// <summary>Vertical louver: a position, Auto (swinging) or Off (closed; unverified).</summary>
    public SwingAngle VerticalSwingAngle { get; internal set; }
    /// <summary>Horizontal louver: a position, Auto (swinging) or Off (closed; unverified).</summary>
    public SwingAngle HorizontalSwingAngle { get; internal set; }
    /// <summary>Wind sense. Untested: every capture shows Off.</summary>
    public WindSense WindSense { get; internal set; }
    /// <summary>Eco mode.</summary>
    public bool Eco { get; internal set; }
    /// <summary>Silent mode.</summary>
    public bool Silent { get; internal set; }
    /// <summary>Sleep mode.</summary>
    public bool Sleep { get; internal set; }
    /// <summary>Display lit. Unverified: msmart-ng's test unit did not answer as expected.</summary>
    public bool Display { get; internal set; }
    /// <summary>The display shows °F.</summary>
    public bool Fahrenheit { get; internal set; }
    /// <summary>Indoor temperature, °C.</summary>
    public double? IndoorTemperature { get; internal set; }
    /// <summary>Outdoor temperature, °C; empty when the unit sends none, as every capture does. Unverified scale.</summary>
    public double? OutdoorTemperature { get; internal set; }
    /// <summary>Target humidity, %. Unverified.</summary>
    public int? TargetHumidity { get; internal set; }
    /// <summary>Indoor humidity, %; empty when the unit measures none, as in every capture. Unverified.</summary>
    public int? IndoorHumidity { get; internal set; }
    /// <summary>Purifier: Auto, On or Off.</summary>
    public PurifierMode Purifier { get; internal set; }
    /// <summary>Buzzer on. Unverified: msmart-ng's test unit did not answer as expected.</summary>
    public bool Buzzer { get; internal set; }
    /// <summary>Auxiliary heat: Auto, On, Off or Separate (unverified).</summary>
    public AuxiliaryHeat AuxHeatMode { get; internal set; }
    /// <summary>The target as the unit's °F display shows it (whole degrees).</summary>
    public double TargetTemperatureFahrenheit => Protocol.Ac.Fahrenheit.FromCelsius(TargetTemperature);
    /// <summary>With -IncludeCapabilities: what the unit can do (from the same answer; no extra request).</summary>
    public MideaCommercialAcCapabilities? Capabilities { get; internal set; }
    /// <summary>From Set-MideaState -PassThru: the fields the unit's answer did not confirm; empty when it confirmed all.</summary>
    public string[]? Unconfirmed { get; internal set; }
}
