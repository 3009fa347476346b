using System.Runtime.InteropServices;

namespace Midea.PowerShell.Internal.Wlan;

/// <summary>Picks the Wi-Fi client for this operating system.</summary>
internal static class WlanClients
{
    public static IWlanClient ForThisComputer()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return new NetshWlanClient();
        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return new NetworkSetupWlanClient();
        return new NmcliWlanClient();
    }
}
