using System;
using System.Net;
using System.Security;
using System.Text.RegularExpressions;
using System.Threading;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal.Wlan;

/// <summary>Windows: netsh wlan. The AP password goes into a profile file that is deleted at once, never onto a command line.</summary>
internal sealed class NetshWlanClient : IWlanClient
{
    private static readonly Regex SsidLine = new(@"^\s*SSID\s*:\s*(.+?)\s*$", RegexOptions.Multiline);

    public string Description => "Windows Wi-Fi (netsh wlan)";

    public string? CurrentNetwork(CancellationToken cancel)
    {
        Match match = SsidLine.Match(WlanTool.Run("netsh", RequestPolicy.WlanCommandLimit, cancel, "wlan", "show", "interfaces"));
        return match.Success ? match.Groups[1].Value : null;
    }

    public IPAddress? Join(string ssid, string password, TimeSpan timeout, CancellationToken cancel)
    {
        string profile = WlanTool.WritePrivateFile(ProfileXml(ssid, password), ".xml");
        try
        {
            WlanTool.Run("netsh", RequestPolicy.WlanCommandLimit, cancel, "wlan", "add", "profile", $"filename={profile}", "user=current");
        }
        finally
        {
            WlanTool.DeleteQuietly(profile);
        }
        WlanTool.Run("netsh", RequestPolicy.WlanCommandLimit, cancel, "wlan", "connect", $"name={ssid}", $"ssid={ssid}");
        WlanTool.WaitUntil(() => CurrentNetwork(cancel) == ssid, ssid, timeout, cancel);
        return null;
    }

    public void Rejoin(string network, TimeSpan timeout, CancellationToken cancel)
    {
        WlanTool.Run("netsh", RequestPolicy.WlanCommandLimit, cancel, "wlan", "connect", $"name={network}");
        WlanTool.WaitUntil(() => CurrentNetwork(cancel) == network, network, timeout, cancel);
    }

    public void Forget(string ssid, CancellationToken cancel)
    {
        try
        {
            WlanTool.Run("netsh", RequestPolicy.WlanCommandLimit, cancel, "wlan", "delete", "profile", $"name={ssid}");
        }
        catch (WlanException)
        {
            // Only housekeeping: a leftover profile is harmless.
        }
    }

    private static string ProfileXml(string ssid, string password)
    {
        string name = SecurityElement.Escape(ssid);
        string security = password.Length == 0
            ? "<authEncryption><authentication>open</authentication><encryption>none</encryption><useOneX>false</useOneX></authEncryption>"
            : "<authEncryption><authentication>WPA2PSK</authentication><encryption>AES</encryption><useOneX>false</useOneX></authEncryption>"
              + $"<sharedKey><keyType>passPhrase</keyType><protected>false</protected><keyMaterial>{SecurityElement.Escape(password)}</keyMaterial></sharedKey>";
        return "<?xml version=\"1.0\"?><WLANProfile xmlns=\"http://www.microsoft.com/networking/WLAN/profile/v1\">"
            + $"<name>{name}</name><SSIDConfig><SSID><name>{name}</name></SSID></SSIDConfig><connectionType>ESS</connectionType>"
            + $"<connectionMode>manual</connectionMode><MSM><security>{security}</security></MSM></WLANProfile>";
    }
}
