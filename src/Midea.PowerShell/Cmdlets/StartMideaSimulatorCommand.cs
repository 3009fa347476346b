using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Security;
using Midea.PowerShell.Internal;
using Midea.Protocol.Codec;
using Midea.Simulator;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Starts simulated air conditioners on loopback addresses, one per address, in this PowerShell
/// process. They answer discovery and serve V2 or V3 until Stop-MideaSimulator or Remove-Module.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "MideaSimulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
    HelpUri = "https://github.com/midea-powershell/Midea#start-mideasimulator")]
[OutputType(typeof(MideaSimulator))]
public sealed class StartMideaSimulatorCommand : MideaCmdlet
{
    /// <summary>First loopback address; -Count takes consecutive addresses from here.</summary>
    [Parameter(Position = 0)]
    [Alias("IPAddress", "Ip")]
    [ValidateNotNullOrEmpty]
    public string Address { get; set; } = "127.0.0.2";

    /// <summary>How many units to start.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int Count { get; set; } = 1;

    /// <summary>Protocol the units speak.</summary>
    [Parameter]
    [ValidateSet("2", "3")]
    public int ProtocolVersion { get; set; } = 3;

    /// <summary>Device id of the unit (only with a single unit); derived from the address otherwise.</summary>
    [Parameter]
    [ValidateRange(1, 0xFFFFFFFFFFFFL)]
    [Alias("DeviceId")]
    public long Id { get; set; }

    /// <summary>V3 token the units accept (128 hex digits); random when not given.</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>V3 key paired with the token (64 hex digits); random when not given.</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? Key { get; set; }

    /// <summary>Which appliance the units are: air conditioners (0xAC) or commercial air conditioners (0xCC).</summary>
    [Parameter]
    public SimulatorDeviceType DeviceType { get; set; } = SimulatorDeviceType.AirConditioner;

    /// <summary>Which features the units report and serve.</summary>
    [Parameter]
    public SimulatorProfile CapabilityProfile { get; set; } = SimulatorProfile.Full;

    /// <summary>The Wi-Fi network the units have joined: they accept tokens minted from it (New-MideaToken).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Ssid { get; set; }

    /// <summary>Passphrase of -Ssid.</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? Passphrase { get; set; }

    /// <summary>Start "factory fresh": the unit runs its own access point and waits for Set-MideaWifi.</summary>
    [Parameter]
    public SwitchParameter ApMode { get; set; }

    /// <summary>With -ApMode: the loopback address the unit takes after joining (consecutive ones with -Count); its AP address by default.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? HomeAddress { get; set; }

    /// <summary>With -ApMode: seconds between acknowledging the settings and appearing on the home address.</summary>
    [Parameter]
    [ValidateRange(0.0, 600.0)]
    public double JoinDelaySeconds { get; set; } = 2;

    /// <summary>With -ApMode: password of the unit's access point (what -SimulatedWlan checks, and what minted AP tokens use).</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? ApPassword { get; set; }

    /// <summary>Most TCP connections each unit serves at once; one beyond it is accepted and closed at once. 0 means no limit.</summary>
    [Parameter]
    [ValidateRange(0, 1000)]
    public int MaxConnections { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (!IPAddress.TryParse(Address, out IPAddress? first))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"'{Address}' is not an IPv4 address."), "InvalidArgument", ErrorCategory.InvalidArgument, Address));
            return;
        }
        if (Id != 0 && Count > 1)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Id names a single unit; do not combine it with -Count."), "InvalidArgument", ErrorCategory.InvalidArgument, Address));
        }
        if (Ssid != null && ApMode)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Ssid names the network a unit has joined; an -ApMode unit has joined none yet."), "InvalidArgument", ErrorCategory.InvalidArgument, Ssid));
        }
        if (Passphrase != null && Ssid is null)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Passphrase goes with -Ssid."), "InvalidArgument", ErrorCategory.InvalidArgument, Address));
        }
        IPAddress? home = null;
        if (HomeAddress != null && (!ApMode || !IPAddress.TryParse(HomeAddress, out home)))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(ApMode ? $"'{HomeAddress}' is not an IPv4 address." : "-HomeAddress applies to -ApMode units only."), "InvalidArgument", ErrorCategory.InvalidArgument, HomeAddress));
        }
        if ((Token is null) != (Key is null))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("Give -Token and -Key together."), "InvalidArgument", ErrorCategory.InvalidArgument, Address));
        }
        IReadOnlyList<VirtualAirConditioner> units;
        try
        {
            byte[]? token = Token is null ? null : Secrets.HexBytes(Token, Handshake.TokenSize, "token");
            byte[]? key = Key is null ? null : Secrets.HexBytes(Key, Handshake.KeySize, "key");
            // Every address is checked before ShouldProcess, so -WhatIf never promises a start
            // that the real call would refuse (a non-loopback address, a range running past 127/8).
            _ = SimulatorFleet.Consecutive(first, Count);
            IPAddress[] homes = home is null ? Array.Empty<IPAddress>() : new List<IPAddress>(SimulatorFleet.Consecutive(home, Count)).ToArray();
            int next = 0;
            string what = Count == 1 ? first.ToString() : $"{Count} addresses from {first}";
            if (!ShouldProcess(what, $"Start {Count} simulated V{ProtocolVersion} unit(s){(ApMode ? " in AP mode" : "")}")) return;
            units = SimulatorFleet.Start(first, Count, o =>
            {
                o.ProtocolVersion = ProtocolVersion;
                o.DeviceId = Id == 0 ? null : Id;
                o.Token = token;
                o.Key = key;
                o.CapabilityProfile = (CapabilityProfile)CapabilityProfile;
                o.DeviceType = (Simulator.DeviceType)DeviceType;
                o.NetworkSsid = Ssid;
                o.NetworkPassphrase = Passphrase is null ? null : System.Text.Encoding.UTF8.GetBytes(Secrets.ToPlain(Passphrase));
                o.ApMode = ApMode;
                if (ApPassword != null) o.ApPassword = Secrets.ToPlain(ApPassword);
                o.JoinDelay = TimeSpan.FromSeconds(JoinDelaySeconds);
                o.HomeAddress = homes.Length == 0 ? null : homes[next++];
                o.MaxConnections = MaxConnections;
            });
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, Address));
            return;
        }
        catch (SocketException ex)
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException($"Cannot bind a simulated unit from {first}: {ex.Message} (is another simulator or program using that address?)", ex),
                "AddressInUse", ErrorCategory.ResourceUnavailable, Address));
            return;
        }
        foreach (VirtualAirConditioner unit in units)
        {
            SimulatorRegistry.Add(unit);
            WriteVerbose($"Started {unit}.");
            WriteObject(new MideaSimulator(unit));
        }
    }
}
