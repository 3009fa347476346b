namespace Midea;

/// <summary>
/// What a commercial unit (0xCC) says it can do, from its query answer (protocol.md §9.3); it has no
/// separate capability query. Set-MideaState refuses values outside these before sending anything.
/// Fields marked unverified come from msmart-ng's reading of the answer, with no capture to confirm them.
/// </summary>
public sealed class MideaCommercialAcCapabilities
{
    /// <summary>Address of the unit.</summary>
    public string Address { get; internal set; } = "";
    /// <summary>Device id.</summary>
    public long Id { get; internal set; }
    /// <summary>Appliance type: CommercialAc.</summary>
    public string Type { get; internal set; } = "";
    /// <summary>Operating modes.</summary>
    public OperationalMode[] Modes { get; internal set; } = System.Array.Empty<OperationalMode>();
    /// <summary>Lowest target temperature, °C.</summary>
    public double MinTemperature { get; internal set; }
    /// <summary>Highest target temperature, °C.</summary>
    public double MaxTemperature { get; internal set; }
    /// <summary>The fan level can be set.</summary>
    public bool FanLevel { get; internal set; }
    /// <summary>The vertical louver can be set.</summary>
    public bool VerticalSwingAngle { get; internal set; }
    /// <summary>The horizontal louver can be set.</summary>
    public bool HorizontalSwingAngle { get; internal set; }
    /// <summary>Wind sense can be set. Untested.</summary>
    public bool WindSense { get; internal set; }
    /// <summary>A target humidity can be set. Unverified.</summary>
    public bool TargetHumidity { get; internal set; }
    /// <summary>Eco mode.</summary>
    public bool Eco { get; internal set; }
    /// <summary>Silent mode.</summary>
    public bool Silent { get; internal set; }
    /// <summary>Sleep mode.</summary>
    public bool Sleep { get; internal set; }
    /// <summary>Self clean. Unverified.</summary>
    public bool SelfClean { get; internal set; }
    /// <summary>Purifier on and off.</summary>
    public bool Purifier { get; internal set; }
    /// <summary>Purifier auto. Unverified.</summary>
    public bool PurifierAuto { get; internal set; }
    /// <summary>Auxiliary heat settings; empty without auxiliary heat.</summary>
    public AuxiliaryHeat[] AuxHeatModes { get; internal set; } = System.Array.Empty<AuxiliaryHeat>();
    /// <summary>The unit measures CO₂. Unverified; the reading is not decoded.</summary>
    public bool Co2Level { get; internal set; }
    /// <summary>The unit reports a filter level. Unverified; the level is not decoded.</summary>
    public bool FilterLevel { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Address}: {string.Join(", ", Modes)}";
}
