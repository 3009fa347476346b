namespace Midea.Protocol.Ac;

/// <summary>Operational mode, 3 bits of C0 byte 2 (protocol.md §5.1).</summary>
public enum AcMode : byte
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
public enum AcSwing : byte
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
public enum AuxHeatMode : byte
{
    /// <summary>No auxiliary heat.</summary>
    Off = 0,
    /// <summary>Heat pump plus auxiliary heat.</summary>
    AuxHeat = 1,
    /// <summary>Auxiliary heat only.</summary>
    AuxOnly = 2,
}

/// <summary>Breeze modes of property 0x43 (protocol.md §5.1).</summary>
public enum BreezeMode : byte
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
