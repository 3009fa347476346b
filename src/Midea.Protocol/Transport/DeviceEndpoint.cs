using System.Net;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Transport;

/// <summary>Everything needed to open a session with one unit.</summary>
public sealed class DeviceEndpoint
{
    /// <summary>Creates an endpoint.</summary>
    /// <param name="address">The unit's IP address.</param>
    /// <param name="port">The unit's TCP port, usually 6444.</param>
    /// <param name="deviceId">The unit's 48-bit device id, written into every V2 header.</param>
    /// <param name="protocolVersion">2 or 3; a V3 unit needs a token and key.</param>
    /// <param name="token">The 64-byte V3 token; null for a V2 unit.</param>
    /// <param name="key">The 32-byte V3 key that goes with the token; null for a V2 unit.</param>
    /// <param name="applianceType">What kind of appliance the unit is, as discovery reports it (0xAC an air conditioner); it picks the appliance type that drives the unit.</param>
    public DeviceEndpoint(IPAddress address, int port, long deviceId, int protocolVersion, byte[]? token = null, byte[]? key = null, byte applianceType = AaFrame.AirConditioner)
    {
        ApplianceType = applianceType;
        Address = address;
        Port = port;
        DeviceId = deviceId;
        ProtocolVersion = protocolVersion;
        Token = token;
        Key = key;
    }

    /// <summary>Unit address.</summary>
    public IPAddress Address { get; }
    /// <summary>TCP port, usually 6444.</summary>
    public int Port { get; }
    /// <summary>48-bit device id, written into every V2 header.</summary>
    public long DeviceId { get; }
    /// <summary>2 or 3.</summary>
    public int ProtocolVersion { get; }
    /// <summary>V3 token (64 bytes).</summary>
    public byte[]? Token { get; }
    /// <summary>V3 key (32 bytes).</summary>
    public byte[]? Key { get; }
    /// <summary>The appliance type byte (0xAC for an air conditioner), which also heads every AA frame to and from the unit.</summary>
    public byte ApplianceType { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Address}:{Port}";
}
