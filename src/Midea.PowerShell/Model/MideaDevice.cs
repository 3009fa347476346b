using System.Security;

namespace Midea;

/// <summary>A unit found on the network. Its property names match the device parameters of the other cmdlets, so it pipes into them.</summary>
public sealed class MideaDevice
{
    /// <summary>Creates a device record.</summary>
    public MideaDevice(string address, int port, long id, string name, string serialNumber, string type, int protocolVersion, string? macAddress)
    {
        Address = address;
        Port = port;
        Id = id;
        Name = name;
        SerialNumber = serialNumber;
        Type = type;
        ProtocolVersion = protocolVersion;
        MacAddress = macAddress;
    }

    /// <summary>IP address the reply came from.</summary>
    public string Address { get; }
    /// <summary>TCP port of the LAN protocol.</summary>
    public int Port { get; }
    /// <summary>Device id (48 bits).</summary>
    public long Id { get; }
    /// <summary>Name the unit reports, which is also its SoftAP SSID (net_ac_XXXX).</summary>
    public string Name { get; }
    /// <summary>Serial number.</summary>
    public string SerialNumber { get; }
    /// <summary>Appliance type, AirConditioner for every unit this module controls.</summary>
    public string Type { get; }
    /// <summary>LAN protocol version: 2, or 3 (needs a token and key).</summary>
    public int ProtocolVersion { get; }
    /// <summary>Wi-Fi module MAC, aa:bb:cc:dd:ee:ff; empty when the reply does not carry it.</summary>
    public string? MacAddress { get; }
    /// <summary>V3 token; empty until set. No view shows it.</summary>
    public SecureString? Token { get; set; }
    /// <summary>V3 key; empty until set. No view shows it.</summary>
    public SecureString? Key { get; set; }
    /// <summary>For a saved unit: how many earlier token/key pairs the store keeps (Restore-MideaDevice brings the newest back); 0 otherwise.</summary>
    public int PreviousPairs { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Address})";
}
