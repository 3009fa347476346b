using System;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal.Wlan;

/// <summary>
/// macOS: networksetup. It takes the AP password only as an argument, so the (publicly known)
/// AP password is briefly visible in the process list; the target network's passphrase never is.
/// </summary>
internal sealed class NetworkSetupWlanClient : IWlanClient
{
    private static readonly Regex WifiDevice = new(@"Hardware Port: (Wi-Fi|AirPort)\s*\r?\nDevice: (\S+)");
    private static readonly Regex Current = new(@"Current (?:Wi-Fi|AirPort) Network: (.+?)\s*$", RegexOptions.Multiline);
    private string? _device;

    public string Description => "macOS Wi-Fi (networksetup)";

    public string? CurrentNetwork(CancellationToken cancel)
    {
        Match match = Current.Match(WlanTool.Run("networksetup", RequestPolicy.WlanCommandLimit, cancel, "-getairportnetwork", Device(cancel)));
        return match.Success ? match.Groups[1].Value : null;
    }

    public IPAddress? Join(string ssid, string password, TimeSpan timeout, CancellationToken cancel)
    {
        var args = password.Length > 0
            ? new[] { "-setairportnetwork", Device(cancel), ssid, password }
            : new[] { "-setairportnetwork", Device(cancel), ssid };
        WlanTool.Run("networksetup", timeout, cancel, args);
        WlanTool.WaitUntil(() => CurrentNetwork(cancel) == ssid, ssid, timeout, cancel);
        return null;
    }

    public void Rejoin(string network, TimeSpan timeout, CancellationToken cancel)
    {
        WlanTool.Run("networksetup", timeout, cancel, "-setairportnetwork", Device(cancel), network);
        WlanTool.WaitUntil(() => CurrentNetwork(cancel) == network, network, timeout, cancel);
    }

    public void Forget(string ssid, CancellationToken cancel)
    {
        try
        {
            WlanTool.Run("networksetup", RequestPolicy.WlanCommandLimit, cancel, "-removepreferredwirelessnetwork", Device(cancel), ssid);
        }
        catch (WlanException)
        {
            // Only housekeeping.
        }
    }

    private string Device(CancellationToken cancel)
    {
        if (_device != null) return _device;
        Match match = WifiDevice.Match(WlanTool.Run("networksetup", RequestPolicy.WlanCommandLimit, cancel, "-listallhardwareports"));
        return _device = match.Success ? match.Groups[2].Value : "en0";
    }
}
