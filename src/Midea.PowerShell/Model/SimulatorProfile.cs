namespace Midea;

/// <summary>Which unit a simulator pretends to be (Start-MideaSimulator -CapabilityProfile).</summary>
public enum SimulatorProfile
{
    /// <summary>Cool, dry, fan-only and auto (no heat), vertical swing only, no swing angles, no energy, no feature properties.</summary>
    Basic,
    /// <summary>Every capability the module decodes: heat, aux heat, all swings, energy (BCD), diagnostics, every property.</summary>
    Full,
    /// <summary>The capabilities a PortaSplit reports (captured page 2; page 1 assumed): out-silent, iECO, binary energy.</summary>
    PortaSplit,
}
