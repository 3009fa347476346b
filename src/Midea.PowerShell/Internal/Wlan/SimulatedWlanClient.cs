using System;
using System.Linq;
using System.Net;
using System.Threading;
using Midea.Simulator;

namespace Midea.PowerShell.Internal.Wlan;

/// <summary>
/// A pretend radio for -SimulatedWlan: "joining" an access point means finding the AP-mode
/// simulator of that name in this session; its loopback address plays the AP's 192.168.1.1.
/// Lets users (and the tests) run bulk provisioning scripts with no Wi-Fi hardware.
/// </summary>
internal sealed class SimulatedWlanClient : IWlanClient
{
    /// <summary>The network the simulated computer starts on.</summary>
    public const string HomeNetwork = "simulated-home-network";

    private string? _current = HomeNetwork;

    public string Description => "simulated Wi-Fi (access points of the simulators in this session)";

    public string? CurrentNetwork(CancellationToken cancel) => _current;

    public IPAddress? Join(string ssid, string password, TimeSpan timeout, CancellationToken cancel)
    {
        _current = null;
        VirtualAirConditioner? unit = SimulatorRegistry.Units().FirstOrDefault(u => u.ApMode && u.Name == ssid);
        if (unit is null) throw new WlanException($"No access point named '{ssid}' is in range (no AP-mode simulator has that name).");
        if (unit.ApPassword != password) throw new WlanException($"The access point '{ssid}' refused the password.");
        _current = ssid;
        return unit.Address;
    }

    public void Rejoin(string network, TimeSpan timeout, CancellationToken cancel) => _current = network;

    public void Forget(string ssid, CancellationToken cancel)
    {
        // Nothing is saved.
    }
}
