using System;
using Midea.Protocol.Codec;
using Midea.Simulator;

namespace Midea;

/// <summary>
/// A simulated unit started by Start-MideaSimulator. Token and Key are test credentials, given
/// as hex so tests and other programs can use them; no view shows them.
/// </summary>
public sealed class MideaSimulator
{
    private readonly VirtualAirConditioner _unit;

    internal MideaSimulator(VirtualAirConditioner unit)
    {
        _unit = unit;
        MacAddress = Midea.Protocol.Codec.Hex.FormatMac(unit.Mac);
        if (unit.ProtocolVersion == 3)
        {
            Token = Hex.Encode(unit.Token);
            Key = Hex.Encode(unit.Key);
        }
    }

    /// <summary>Loopback address the unit is bound to (it changes when an AP-mode unit joins a network, or with Set-MideaSimulator -MoveTo).</summary>
    public string Address => _unit.Address.ToString();
    /// <summary>True while the unit runs its own access point, waiting for Set-MideaWifi.</summary>
    public bool ApMode => _unit.ApMode;
    /// <summary>The Wi-Fi network the unit has joined, or null.</summary>
    public string? Network => _unit.NetworkSsid;
    /// <summary>The faults the unit simulates now (Set-MideaSimulator), or "none".</summary>
    public string Faults => _unit.Faults.IsNone ? "none" : _unit.Faults.ToString();
    /// <summary>Replies the unit has sent.</summary>
    public long RepliesSent => _unit.RepliesSent;
    /// <summary>Replies the unit withheld on purpose (drops and silence).</summary>
    public long RepliesDropped => _unit.RepliesDropped;
    /// <summary>TCP sessions open now.</summary>
    public int OpenSessions => _unit.OpenSessions;
    /// <summary>Which appliance the unit is: AirConditioner (0xAC) or CommercialAc (0xCC).</summary>
    public SimulatorDeviceType DeviceType => (SimulatorDeviceType)_unit.DeviceType;
    /// <summary>Which features the unit reports (an air conditioner's; a 0xCC unit ignores it).</summary>
    public SimulatorProfile CapabilityProfile => (SimulatorProfile)_unit.CapabilityProfile;
    /// <summary>Times the unit accepted Wi-Fi settings.</summary>
    public int Provisioned => _unit.Provisioned;
    /// <summary>TCP port.</summary>
    public int Port => _unit.Port;
    /// <summary>Device id.</summary>
    public long Id => _unit.DeviceId;
    /// <summary>Name / SoftAP SSID.</summary>
    public string Name => _unit.Name;
    /// <summary>2 or 3.</summary>
    public int ProtocolVersion => _unit.ProtocolVersion;
    /// <summary>Simulated module MAC.</summary>
    public string MacAddress { get; }
    /// <summary>V3 token as hex (empty for V2).</summary>
    public string? Token { get; }
    /// <summary>V3 key as hex (empty for V2).</summary>
    public string? Key { get; }
    /// <summary>True until Stop-MideaSimulator or Remove-Module stops it.</summary>
    public bool Running => _unit.Running;
    /// <summary>TCP connections the unit has accepted and served (live; lets a test prove that -WhatIf sent nothing).</summary>
    public long Connections => _unit.Connections;
    /// <summary>Command frames the unit has received (live).</summary>
    public long Requests => _unit.Requests;
    /// <summary>V3 handshakes the unit accepted (live).</summary>
    public long Handshakes => _unit.Handshakes;
    /// <summary>Pushed state reports the unit wrote after Set-MideaSimulator -RemoteControl, one per open connection (live).</summary>
    public long PushesSent => _unit.PushesSent;
    /// <summary>Heartbeat packets the unit received and accepted without an answer (live).</summary>
    public long Heartbeats => _unit.Heartbeats;
    /// <summary>Most TCP connections the unit serves at once; 0 means no limit.</summary>
    public int MaxConnections => _unit.MaxConnections;
    /// <summary>TCP connections the unit accepted and closed at once because MaxConnections were open (live).</summary>
    public long RefusedConnections => _unit.RefusedConnections;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Address})";
}
