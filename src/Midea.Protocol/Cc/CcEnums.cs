namespace Midea.Protocol.Cc;

// The values of 0xCC units differ from the AC's (protocol.md §5.1), so these are their own enums.
// A byte outside the named values is kept as it came (an enum holds any byte), never refused.

/// <summary>Operational mode of a 0xCC unit: answer byte 31, control 0x0012 (protocol.md §9.1).</summary>
public enum CcMode : byte
{
    /// <summary>Fan only.</summary>
    Fan = 1,
    /// <summary>Cool.</summary>
    Cool = 2,
    /// <summary>Heat.</summary>
    Heat = 3,
    /// <summary>Auto. No capture shows it; the value is msmart-ng's.</summary>
    Auto = 5,
    /// <summary>Dry.</summary>
    Dry = 6,
}

/// <summary>Fan speed of a 0xCC unit: seven levels and auto; answer byte 34, control 0x0015 (protocol.md §9.1).</summary>
public enum CcFanSpeed : byte
{
    /// <summary>Level 1, the lowest.</summary>
    Level1 = 1,
    /// <summary>Level 2.</summary>
    Level2 = 2,
    /// <summary>Level 3.</summary>
    Level3 = 3,
    /// <summary>Level 4.</summary>
    Level4 = 4,
    /// <summary>Level 5.</summary>
    Level5 = 5,
    /// <summary>Level 6.</summary>
    Level6 = 6,
    /// <summary>Level 7, the highest.</summary>
    Level7 = 7,
    /// <summary>The unit decides.</summary>
    Auto = 8,
}

/// <summary>
/// Louver angle of a 0xCC unit, vertical (answer byte 41, control 0x001C) or horizontal (byte 43,
/// control 0x001E): five fixed positions, or auto, which swings the louver (protocol.md §9.1).
/// </summary>
public enum CcSwingAngle : byte
{
    /// <summary>Louver closed. Unverified: msmart-ng's guess; one capture shows 0 where the app showed auto.</summary>
    Closed = 0,
    /// <summary>Position 1.</summary>
    Position1 = 1,
    /// <summary>Position 2.</summary>
    Position2 = 2,
    /// <summary>Position 3.</summary>
    Position3 = 3,
    /// <summary>Position 4.</summary>
    Position4 = 4,
    /// <summary>Position 5.</summary>
    Position5 = 5,
    /// <summary>Auto: the louver swings.</summary>
    Auto = 6,
}

/// <summary>"Wind sense" airflow of a 0xCC unit: answer byte 45, control 0x0020. Untested by msmart-ng (protocol.md §9.6).</summary>
public enum CcWindSense : byte
{
    /// <summary>Off ("close").</summary>
    Off = 0,
    /// <summary>Air follows the occupant.</summary>
    Follow = 1,
    /// <summary>Air avoids the occupant.</summary>
    Avoid = 2,
    /// <summary>Soft air.</summary>
    Soft = 3,
    /// <summary>Strong air.</summary>
    Strong = 4,
}

/// <summary>Purifier (ionizer) of a 0xCC unit: answer byte 75, control 0x003A (protocol.md §9.1).</summary>
public enum CcPurifier : byte
{
    /// <summary>The unit decides. No capture shows it.</summary>
    Auto = 0,
    /// <summary>On.</summary>
    On = 1,
    /// <summary>Off.</summary>
    Off = 2,
}

/// <summary>Auxiliary (electric) heat of a 0xCC unit: answer byte 87, control 0x0043 (protocol.md §9.1).</summary>
public enum CcAuxiliaryHeat : byte
{
    /// <summary>The unit decides.</summary>
    Auto = 0,
    /// <summary>Forced on.</summary>
    On = 1,
    /// <summary>Forced off.</summary>
    Off = 2,
    /// <summary>"Separate". Unverified: named in msmart-ng's comments only, never seen in a capture.</summary>
    Separate = 4,
}

/// <summary>Control ids of 0xCC control entries (protocol.md §9.4). Each sets one field of <see cref="CcState"/>.</summary>
public enum CcControl : ushort
{
    /// <summary>Power, 1 on, 0 off.</summary>
    Power = 0x0000,
    /// <summary>Target temperature, raw / 2 − 40 °C.</summary>
    TargetTemperature = 0x0003,
    /// <summary>Temperature unit, 1 °F.</summary>
    TemperatureUnit = 0x000C,
    /// <summary>Target humidity %.</summary>
    TargetHumidity = 0x000F,
    /// <summary>Operational mode, <see cref="CcMode"/>.</summary>
    Mode = 0x0012,
    /// <summary>Fan speed, <see cref="CcFanSpeed"/>.</summary>
    FanSpeed = 0x0015,
    /// <summary>Vertical louver angle, <see cref="CcSwingAngle"/>.</summary>
    VerticalSwingAngle = 0x001C,
    /// <summary>Horizontal louver angle, <see cref="CcSwingAngle"/>.</summary>
    HorizontalSwingAngle = 0x001E,
    /// <summary>Wind sense, <see cref="CcWindSense"/>. Untested by msmart-ng.</summary>
    WindSense = 0x0020,
    /// <summary>Eco.</summary>
    Eco = 0x0028,
    /// <summary>Silent.</summary>
    Silent = 0x002A,
    /// <summary>Sleep.</summary>
    Sleep = 0x002C,
    /// <summary>Self-clean. Untested by msmart-ng.</summary>
    SelfClean = 0x002E,
    /// <summary>Purifier, <see cref="CcPurifier"/>.</summary>
    Purifier = 0x003A,
    /// <summary>Buzzer.</summary>
    Beep = 0x003F,
    /// <summary>Display.</summary>
    Display = 0x0040,
    /// <summary>Auxiliary heat, <see cref="CcAuxiliaryHeat"/>. Untested by msmart-ng.</summary>
    AuxiliaryHeat = 0x0043,
}
