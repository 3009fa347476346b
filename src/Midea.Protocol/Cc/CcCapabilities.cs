using System;
using System.Collections.Generic;

namespace Midea.Protocol.Cc;

/// <summary>
/// What a 0xCC unit says it can do, in the same query answer that carries its state (protocol.md
/// §9.3). A 0xCC unit has no separate capabilities query.
/// </summary>
public sealed class CcCapabilities
{
    /// <summary>Lowest target temperature in °C (byte 9).</summary>
    public double MinimumTargetTemperature { get; set; } = 17;
    /// <summary>Highest target temperature in °C (byte 10).</summary>
    public double MaximumTargetTemperature { get; set; } = 30;
    /// <summary>Target humidity can be set (byte 23). Unverified.</summary>
    public bool Humidity { get; set; }
    /// <summary>The modes the unit takes (bytes 26..30, one slot per mode; 0 is an empty slot).</summary>
    public IReadOnlyList<CcMode> Modes { get; set; } = Array.Empty<CcMode>();
    /// <summary>The fan speed can be set (byte 32).</summary>
    public bool FanSpeed { get; set; }
    /// <summary>The vertical louver angle can be set (byte 40).</summary>
    public bool VerticalSwingAngle { get; set; }
    /// <summary>The horizontal louver angle can be set (byte 42).</summary>
    public bool HorizontalSwingAngle { get; set; }
    /// <summary>Wind sense can be set (byte 44). Untested.</summary>
    public bool WindSense { get; set; }
    /// <summary>The unit measures CO₂ (byte 52). Unverified: no unit seen reports one; the reading is not decoded.</summary>
    public bool Co2Level { get; set; }
    /// <summary>Eco can be set (byte 55).</summary>
    public bool Eco { get; set; }
    /// <summary>Silent can be set (byte 57).</summary>
    public bool Silent { get; set; }
    /// <summary>Sleep can be set (byte 59).</summary>
    public bool Sleep { get; set; }
    /// <summary>The unit cleans itself (byte 61). Unverified.</summary>
    public bool SelfClean { get; set; }
    /// <summary>The purifier can be switched on and off (byte 73).</summary>
    public bool Purifier { get; set; }
    /// <summary>The purifier has an auto setting (byte 74). Unverified.</summary>
    public bool PurifierAuto { get; set; }
    /// <summary>The unit reports its filter level (byte 78). Unverified; the level is not decoded.</summary>
    public bool FilterLevel { get; set; }
    /// <summary>
    /// The auxiliary-heat settings the unit takes (bytes 83..86 when byte 82 says it has auxiliary
    /// heat; empty when it has none). Bytes that name no setting (FF pads) are left out.
    /// </summary>
    public IReadOnlyList<CcAuxiliaryHeat> AuxiliaryHeatModes { get; set; } = Array.Empty<CcAuxiliaryHeat>();
}
