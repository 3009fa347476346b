using System;
using System.Net;

namespace Midea.Simulator;

/// <summary>How to start one virtual unit. Everything but the address has a default.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The loopback address the unit binds (127.x.y.z); each unit needs its own.</summary>
    public IPAddress Address { get; set; } = IPAddress.Parse("127.0.0.2");
    /// <summary>2 or 3.</summary>
    public int ProtocolVersion { get; set; } = 3;
    /// <summary>Device id; derived from the address when null.</summary>
    public long? DeviceId { get; set; }
    /// <summary>V3 token (64 bytes); random when null.</summary>
    public byte[]? Token { get; set; }
    /// <summary>V3 key (32 bytes); random when null.</summary>
    public byte[]? Key { get; set; }
    /// <summary>TCP port of the LAN protocol.</summary>
    public int TcpPort { get; set; } = 6444;
    /// <summary>UDP discovery ports.</summary>
    public int[] DiscoveryPorts { get; set; } = { 6445, 20086 };
    /// <summary>Which appliance the unit is; an air conditioner by default. A 0xCC unit ignores <see cref="CapabilityProfile"/>.</summary>
    public DeviceType DeviceType { get; set; } = DeviceType.AirConditioner;
    /// <summary>Room temperature at start, °C.</summary>
    public double IndoorTemperature { get; set; } = 27.0;
    /// <summary>Outside temperature, °C.</summary>
    public double OutdoorTemperature { get; set; } = 31.5;
    /// <summary>Which features the unit reports and serves.</summary>
    public CapabilityProfile CapabilityProfile { get; set; } = CapabilityProfile.Full;
    /// <summary>
    /// Start "factory fresh": the unit runs its own access point (named like the unit) on
    /// <see cref="Address"/> and waits to be provisioned (provisioning.md, working hypothesis).
    /// </summary>
    public bool ApMode { get; set; }
    /// <summary>Password of the unit's access point; AP-mode tokens minted from it are accepted.</summary>
    public string ApPassword { get; set; } = "12345678";
    /// <summary>The loopback address the unit takes after joining a network; its AP address when null.</summary>
    public IPAddress? HomeAddress { get; set; }
    /// <summary>How long the unit takes to join the network and reappear after acknowledging.</summary>
    public TimeSpan JoinDelay { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>The network the unit has already joined (not in AP mode); tokens minted from it are accepted.</summary>
    public string? NetworkSsid { get; set; }
    /// <summary>Passphrase of <see cref="NetworkSsid"/> as UTF-8 bytes (empty for an open network).</summary>
    public byte[]? NetworkPassphrase { get; set; }
    /// <summary>Most TCP connections open at once, 0 for no limit (see <see cref="VirtualAirConditioner.MaxConnections"/>).</summary>
    public int MaxConnections { get; set; }
    /// <summary>Faults injected from the start (see <see cref="VirtualAirConditioner.Faults"/>); none when null.</summary>
    public FaultPlan? Faults { get; set; }
}
