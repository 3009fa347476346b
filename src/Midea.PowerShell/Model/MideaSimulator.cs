namespace Midea;

/// <summary>
/// A simulated unit started by Start-MideaSimulator. Token and Key are test credentials, given
/// as hex so tests and other programs can use them; no view shows them.
/// </summary>
public sealed class MideaSimulator
{
    internal MideaSimulator(string address, int port, long id, string name, int protocolVersion, string macAddress, string? token, string? key)
    {
        Address = address;
        Port = port;
        Id = id;
        Name = name;
        ProtocolVersion = protocolVersion;
        MacAddress = macAddress;
        Token = token;
        Key = key;
    }

    /// <summary>Loopback address the unit is bound to.</summary>
    public string Address { get; }
    /// <summary>TCP port.</summary>
    public int Port { get; }
    /// <summary>Device id.</summary>
    public long Id { get; }
    /// <summary>Name / SoftAP SSID.</summary>
    public string Name { get; }
    /// <summary>2 or 3.</summary>
    public int ProtocolVersion { get; }
    /// <summary>Simulated module MAC.</summary>
    public string MacAddress { get; }
    /// <summary>V3 token as hex (empty for V2).</summary>
    public string? Token { get; }
    /// <summary>V3 key as hex (empty for V2).</summary>
    public string? Key { get; }
    /// <summary>True until Stop-MideaSimulator or Remove-Module stops it.</summary>
    public bool Running => Midea.PowerShell.Internal.SimulatorRegistry.IsRunning(Address);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Address})";
}
