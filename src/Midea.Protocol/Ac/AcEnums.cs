namespace Midea.Protocol.Ac;

/// <summary>Operational mode, 3 bits of C0 byte 2 (protocol.md §5.1).</summary>
public enum OperationalMode : byte
{
    /// <summary>Auto.</summary>
    Auto = 1,
    /// <summary>Cool.</summary>
    Cool = 2,
    /// <summary>Dry.</summary>
    Dry = 3,
    /// <summary>Heat.</summary>
    Heat = 4,
    /// <summary>Fan only; also what unknown values decode to.</summary>
    FanOnly = 5,
    /// <summary>Smart dry.</summary>
    SmartDry = 6,
}

/// <summary>Swing mode, the low nibble of C0 byte 7.</summary>
public enum SwingMode : byte
{
    /// <summary>No swing.</summary>
    Off = 0x0,
    /// <summary>Horizontal louvers.</summary>
    Horizontal = 0x3,
    /// <summary>Vertical louvers.</summary>
    Vertical = 0xC,
    /// <summary>Both.</summary>
    Both = 0xF,
}

/// <summary>Auxiliary (electric) heat (protocol.md §5.1).</summary>
public enum AuxiliaryHeat : byte
{
    /// <summary>No auxiliary heat.</summary>
    Off = 0,
    /// <summary>Heat pump plus auxiliary heat.</summary>
    On = 1,
    /// <summary>Auxiliary heat only.</summary>
    Only = 2,
}

/// <summary>Breeze modes of property 0x43 (protocol.md §5.1).</summary>
public enum BreezeSetting : byte
{
    /// <summary>Off.</summary>
    Off = 1,
    /// <summary>Breeze away.</summary>
    BreezeAway = 2,
    /// <summary>Breeze mild.</summary>
    BreezeMild = 3,
    /// <summary>Breezeless.</summary>
    Breezeless = 4,
}

/// <summary>Named fan speeds on the percent scale of C0 byte 3; units with a custom fan take any 1-100 as well (protocol.md §5.4).</summary>
public enum FanSpeed : byte
{
    /// <summary>20 %.</summary>
    Silent = 20,
    /// <summary>40 %.</summary>
    Low = 40,
    /// <summary>60 %.</summary>
    Medium = 60,
    /// <summary>80 %.</summary>
    High = 80,
    /// <summary>100 %.</summary>
    Max = 100,
    /// <summary>The unit decides.</summary>
    Auto = 102,
}

/// <summary>Fixed louver positions of properties 0x09 (vertical) and 0x0A (horizontal).</summary>
public enum SwingAngle : byte
{
    /// <summary>No fixed position.</summary>
    Off = 0,
    /// <summary>Position 1.</summary>
    Position1 = 1,
    /// <summary>Position 2.</summary>
    Position2 = 25,
    /// <summary>Position 3.</summary>
    Position3 = 50,
    /// <summary>Position 4.</summary>
    Position4 = 75,
    /// <summary>Position 5.</summary>
    Position5 = 100,
}

/// <summary>Power limit levels of property 0x48 (100 is no limit).</summary>
public enum RateSelect : byte
{
    /// <summary>No limit.</summary>
    Off = 100,
    /// <summary>80 % (5-level units).</summary>
    Level80 = 80,
    /// <summary>75 % (2-level units).</summary>
    Level75 = 75,
    /// <summary>60 % (5-level units).</summary>
    Level60 = 60,
    /// <summary>50 % (2-level units).</summary>
    Level50 = 50,
    /// <summary>40 % (5-level units).</summary>
    Level40 = 40,
    /// <summary>20 % (5-level units).</summary>
    Level20 = 20,
    /// <summary>Lowest (5-level units).</summary>
    Level1 = 1,
}

/// <summary>Fresh-air fan speeds of property 0x4B; off is the switch byte, not a speed.</summary>
public enum FreshAirSpeed : byte
{
    /// <summary>Fresh air off.</summary>
    Off = 0,
    /// <summary>Low.</summary>
    Low = 40,
    /// <summary>Medium.</summary>
    Medium = 60,
    /// <summary>High.</summary>
    High = 80,
    /// <summary>Boost.</summary>
    Boost = 100,
}

/// <summary>Cascade ("wind around") airflow of property 0x59.</summary>
public enum CascadeMode : byte
{
    /// <summary>Off.</summary>
    Off = 0,
    /// <summary>Air flows upward.</summary>
    Up = 1,
    /// <summary>Air flows downward.</summary>
    Down = 2,
}

/// <summary>How a unit encodes its energy counters in data group 4 (protocol.md §5.9).</summary>
public enum EnergyFormat
{
    /// <summary>Let the unit's capabilities decide (the energy-format flag of 0x0216).</summary>
    Auto,
    /// <summary>Binary-coded decimal.</summary>
    Bcd,
    /// <summary>Binary (tenths).</summary>
    Binary,
}
