namespace Midea;

/// <summary>Operating mode of the unit.</summary>
public enum OperationalMode
{
    /// <summary>The unit picks cooling or heating.</summary>
    Auto = 1,
    /// <summary>Cooling.</summary>
    Cool = 2,
    /// <summary>Dehumidifying.</summary>
    Dry = 3,
    /// <summary>Heating.</summary>
    Heat = 4,
    /// <summary>Fan only.</summary>
    FanOnly = 5,
    /// <summary>Dehumidifying to a target humidity.</summary>
    SmartDry = 6,
}

/// <summary>Fan speed. Units with a custom fan report other percentages as plain numbers.</summary>
public enum FanSpeed
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

/// <summary>Louver swing.</summary>
public enum SwingMode
{
    /// <summary>Fixed louvers.</summary>
    Off = 0x0,
    /// <summary>Up and down.</summary>
    Vertical = 0xC,
    /// <summary>Left and right.</summary>
    Horizontal = 0x3,
    /// <summary>Both directions.</summary>
    Both = 0xF,
}
