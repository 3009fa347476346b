namespace Midea;

// Settings only commercial units (appliance type 0xCC) have (docs/protocol.md §9.1). Values that
// both families share (mode, louver angle, auxiliary heat) use the shared enums.

/// <summary>Fan speed of a commercial unit (0xCC): seven levels, or auto.</summary>
public enum FanLevel
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

/// <summary>"Wind sense" airflow of a commercial unit (0xCC). Untested: msmart-ng marks it so and every capture shows Off.</summary>
public enum WindSense
{
    /// <summary>Off.</summary>
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

/// <summary>Purifier (ionizer) of a commercial unit (0xCC).</summary>
public enum PurifierMode
{
    /// <summary>The unit decides. No capture shows it.</summary>
    Auto = 0,
    /// <summary>On.</summary>
    On = 1,
    /// <summary>Off.</summary>
    Off = 2,
}
