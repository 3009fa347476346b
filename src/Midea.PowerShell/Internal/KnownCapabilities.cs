using Midea.Protocol.Appliances;

namespace Midea.PowerShell.Internal;

/// <summary>Capabilities read in this PowerShell process, by device id, shared by every command so a change does not ask the unit again each time.</summary>
internal static class KnownCapabilities
{
    public static CapabilityCache Cache { get; } = new();
}
