namespace Midea.Simulator;

/// <summary>Which kind of appliance a simulated unit is; the LAN machinery (discovery, V2/V3, faults) is the same for all.</summary>
public enum DeviceType
{
    /// <summary>A residential air conditioner, appliance type 0xAC (protocol.md §5).</summary>
    AirConditioner,
    /// <summary>A commercial air conditioner, appliance type 0xCC (protocol.md §9).</summary>
    CommercialAc,
}
