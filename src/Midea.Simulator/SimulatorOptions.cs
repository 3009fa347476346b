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
    /// <summary>Room temperature at start, °C.</summary>
    public double IndoorTemperature { get; set; } = 27.0;
    /// <summary>Outside temperature, °C.</summary>
    public double OutdoorTemperature { get; set; } = 31.5;
}
