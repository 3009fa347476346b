using System;
using System.Collections.Generic;
using Midea.Protocol.Ac;

namespace Midea.Protocol.Appliances;

/// <summary>The parts of an air conditioner's picture a read may add to the state.</summary>
[Flags]
public enum AcParts
{
    /// <summary>The state alone (one GetState).</summary>
    None = 0,
    /// <summary>The capabilities (B5, one or two pages), read afresh.</summary>
    Capabilities = 1,
    /// <summary>The feature properties the capabilities back (B1).</summary>
    Properties = 2,
    /// <summary>The energy counters (data group 4).</summary>
    Energy = 4,
    /// <summary>The diagnostic data groups.</summary>
    Diagnostics = 8,
}

/// <summary>One read of an air conditioner: the state, the parts asked for that came back, and warnings for those that did not.</summary>
public sealed class AcReading
{
    internal AcReading(AcState state) => State = state;

    /// <summary>The state (always read first; a read fails only when the state fails).</summary>
    public AcState State { get; }

    /// <summary>The capabilities, when asked for and read.</summary>
    public AcCapabilities? Capabilities { get; internal set; }

    /// <summary>The properties, when asked for and read.</summary>
    public AcProperties? Properties { get; internal set; }

    /// <summary>The energy counters, when asked for and read.</summary>
    public AcEnergy? Energy { get; internal set; }

    /// <summary>The diagnostics, when asked for (groups that did not answer are listed in it).</summary>
    public AcDiagnostics? Diagnostics { get; internal set; }

    /// <summary>What was left out and why, and values that look wrong; each names the unit.</summary>
    public IReadOnlyList<string> Warnings => WarningList;

    internal List<string> WarningList { get; } = new();
}
