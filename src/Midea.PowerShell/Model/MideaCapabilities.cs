using System.Collections.Generic;

namespace Midea;

/// <summary>
/// What a unit says it can do (capabilities B5, both pages merged). Set-MideaState refuses values
/// outside these before sending anything. Ids the module cannot decode are kept in <see cref="Undecoded"/>.
/// </summary>
public sealed class MideaCapabilities
{
    /// <summary>Address of the unit.</summary>
    public string Address { get; internal set; } = "";
    /// <summary>Device id.</summary>
    public long Id { get; internal set; }
    /// <summary>Appliance type: AirConditioner (a commercial unit's capabilities are a MideaCommercialAcCapabilities).</summary>
    public string Type { get; internal set; } = "";
    /// <summary>Operating modes.</summary>
    public OperationalMode[] Modes { get; internal set; } = System.Array.Empty<OperationalMode>();
    /// <summary>Swing modes.</summary>
    public SwingMode[] SwingModes { get; internal set; } = System.Array.Empty<SwingMode>();
    /// <summary>Named fan speeds.</summary>
    public FanSpeed[] FanSpeeds { get; internal set; } = System.Array.Empty<FanSpeed>();
    /// <summary>Any fan percentage 1-100 is accepted.</summary>
    public bool CustomFanSpeed { get; internal set; }
    /// <summary>Lowest target temperature, °C.</summary>
    public double MinTemperature { get; internal set; }
    /// <summary>Highest target temperature, °C.</summary>
    public double MaxTemperature { get; internal set; }
    /// <summary>Eco mode.</summary>
    public bool Eco { get; internal set; }
    /// <summary>Turbo in cooling.</summary>
    public bool TurboCool { get; internal set; }
    /// <summary>Turbo in heating.</summary>
    public bool TurboHeat { get; internal set; }
    /// <summary>Freeze protection (8 °C heating).</summary>
    public bool FreezeProtection { get; internal set; }
    /// <summary>The display can be switched (Set-MideaDisplay).</summary>
    public bool DisplayControl { get; internal set; }
    /// <summary>The display can show °F.</summary>
    public bool Fahrenheit { get; internal set; }
    /// <summary>Humidity is measured.</summary>
    public bool Humidity { get; internal set; }
    /// <summary>A target humidity can be set.</summary>
    public bool TargetHumidity { get; internal set; }
    /// <summary>Energy counters are reported (group 4).</summary>
    public bool Energy { get; internal set; }
    /// <summary>How the energy counters are encoded, as the unit reports it.</summary>
    public EnergyFormat EnergyFormat { get; internal set; }
    /// <summary>Filter reminder.</summary>
    public bool FilterReminder { get; internal set; }
    /// <summary>Self clean.</summary>
    public bool SelfClean { get; internal set; }
    /// <summary>Breeze modes the unit offers (Off included when any).</summary>
    public BreezeSetting[] BreezeModes { get; internal set; } = System.Array.Empty<BreezeSetting>();
    /// <summary>Fixed vertical louver positions.</summary>
    public bool VerticalSwingAngle { get; internal set; }
    /// <summary>Fixed horizontal louver positions.</summary>
    public bool HorizontalSwingAngle { get; internal set; }
    /// <summary>Power limits the unit offers.</summary>
    public RateSelect[] RateSelects { get; internal set; } = System.Array.Empty<RateSelect>();
    /// <summary>Fresh-air fan.</summary>
    public bool FreshAir { get; internal set; }
    /// <summary>Cascade airflow.</summary>
    public bool Cascade { get; internal set; }
    /// <summary>Flash (jet) cooling.</summary>
    public bool Flash { get; internal set; }
    /// <summary>Quiet outdoor unit (PortaSplit).</summary>
    public bool OutSilent { get; internal set; }
    /// <summary>iECO.</summary>
    public bool IEco { get; internal set; }
    /// <summary>Auxiliary heat modes (Off included when any).</summary>
    public AuxiliaryHeat[] AuxHeatModes { get; internal set; } = System.Array.Empty<AuxiliaryHeat>();
    /// <summary>Purifier / anion.</summary>
    public bool Purifier { get; internal set; }
    /// <summary>Buzzer control.</summary>
    public bool Buzzer { get; internal set; }
    /// <summary>
    /// The unit's subtype from its answer to the appliance query (Get-MideaCapability
    /// -IncludeApplianceInfo); null when not asked, not answered, or not in the answer. Read by the
    /// vendor plugin's layout, which no captured answer confirms.
    /// </summary>
    public int? Subtype { get; internal set; }
    /// <summary>
    /// Byte 8 of the unit's answer to the appliance query: the message-protocol version that
    /// midea-local writes into its requests afterwards (Get-MideaCapability -IncludeApplianceInfo);
    /// null when not asked or not answered.
    /// </summary>
    public int? MessageProtocolVersion { get; internal set; }
    /// <summary>Capability ids the module does not decode, as hex id → hex value; kept so nothing is lost.</summary>
    public IDictionary<string, string> Undecoded { get; internal set; } = new SortedDictionary<string, string>();
    /// <summary>Every capability entry as received, hex id → hex value.</summary>
    public IDictionary<string, string> Raw { get; internal set; } = new SortedDictionary<string, string>();

    /// <inheritdoc/>
    public override string ToString() => $"{Address}: {string.Join(", ", Modes)}";
}
