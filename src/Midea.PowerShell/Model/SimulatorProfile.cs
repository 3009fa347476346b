namespace Midea;

/// <summary>Which unit a simulator pretends to be (Start-MideaSimulator -CapabilityProfile).</summary>
public enum SimulatorProfile
{
    /// <summary>Invented: cool, dry, fan-only and auto (no heat), vertical swing only, no swing angles, no energy, no feature properties.</summary>
    Basic,
    /// <summary>Invented: every capability the module decodes (heat, aux heat, all swings, energy in BCD, diagnostics), serving every property they back.</summary>
    Full,
    /// <summary>The capabilities a PortaSplit reports (captured page 2; page 1 invented): out-silent, iECO, binary energy, no humidity sensor.</summary>
    PortaSplit,
}
