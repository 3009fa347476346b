namespace Midea;

/// <summary>Fixed louver position: properties 0x09 (vertical) and 0x0A (horizontal) of an air conditioner, controls 0x001C and 0x001E of a commercial unit, where Off is the closed louver.</summary>
public enum SwingAngle
{
    /// <summary>No fixed position (air conditioners); the closed louver (commercial units, unverified: msmart-ng's guess).</summary>
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
    /// <summary>Commercial units (0xCC) only: the louver swings. Air conditioners (0xAC) swing with -SwingMode instead.</summary>
    Auto = 200,
}

/// <summary>Breeze modes (property 0x43, or 0x42/0x18 on older units).</summary>
public enum BreezeSetting
{
    /// <summary>Off.</summary>
    Off = 1,
    /// <summary>Air led away from people.</summary>
    BreezeAway = 2,
    /// <summary>Gentle air.</summary>
    BreezeMild = 3,
    /// <summary>No felt draught.</summary>
    Breezeless = 4,
}

/// <summary>Power limit ("rate select", property 0x48); which levels exist depends on the unit.</summary>
public enum RateSelect
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

/// <summary>Fresh-air fan (property 0x4B).</summary>
public enum FreshAirSpeed
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

/// <summary>Cascade ("wind around") airflow (property 0x59).</summary>
public enum CascadeMode
{
    /// <summary>Off.</summary>
    Off = 0,
    /// <summary>Air flows upward.</summary>
    Up = 1,
    /// <summary>Air flows downward.</summary>
    Down = 2,
}

/// <summary>Auxiliary electric heat. Air conditioners (0xAC) offer Off, On and Only; commercial units (0xCC) Auto, On, Off and Separate.</summary>
public enum AuxiliaryHeat
{
    /// <summary>No auxiliary heat.</summary>
    Off = 0,
    /// <summary>Heat pump plus auxiliary heat.</summary>
    On = 1,
    /// <summary>Auxiliary heat only.</summary>
    Only = 2,
    /// <summary>Commercial units (0xCC) only: the unit decides.</summary>
    Auto = 3,
    /// <summary>Commercial units (0xCC) only: "separate" heat. Unverified: no capture shows it (protocol.md §9.6).</summary>
    Separate = 4,
}

/// <summary>Unit of -TargetTemperature.</summary>
public enum TemperatureUnit
{
    /// <summary>Degrees Celsius, 0.5 steps.</summary>
    Celsius,
    /// <summary>Degrees Fahrenheit, whole degrees (converted to the nearest 0.5 °C the unit takes).</summary>
    Fahrenheit,
}

/// <summary>How the unit encodes its energy counters (group 4).</summary>
public enum EnergyFormat
{
    /// <summary>Choose from the unit's capabilities (BCD unless the unit reports otherwise).</summary>
    Auto,
    /// <summary>Binary-coded decimal.</summary>
    Bcd,
    /// <summary>Binary (tenths).</summary>
    Binary,
}
