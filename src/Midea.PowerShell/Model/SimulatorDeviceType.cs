namespace Midea;

/// <summary>Which appliance a simulated unit is (Start-MideaSimulator -DeviceType).</summary>
public enum SimulatorDeviceType
{
    /// <summary>A residential air conditioner, appliance type 0xAC.</summary>
    AirConditioner,
    /// <summary>A commercial air conditioner, appliance type 0xCC; its answers follow msmart-ng's captures (protocol.md §9).</summary>
    CommercialAc,
}
