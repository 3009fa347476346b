using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal.Wlan;

/// <summary>Linux: NetworkManager's nmcli. The AP password reaches nmcli through a passwd-file, never a command line.</summary>
internal sealed class NmcliWlanClient : IWlanClient
{
    private static readonly string[] WpaPsk = { "wifi-sec.key-mgmt", "wpa-psk" };

    public string Description => "NetworkManager (nmcli)";

    /// <summary>The active Wi-Fi connection profile's name, which is what <see cref="Rejoin"/> brings up again.</summary>
    public string? CurrentNetwork(CancellationToken cancel)
    {
        string output = WlanTool.Run("nmcli", RequestPolicy.WlanCommandLimit, cancel, "-t", "-f", "NAME,TYPE", "connection", "show", "--active");
        return output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.EndsWith(":802-11-wireless", StringComparison.Ordinal))
            .Select(line => line.Substring(0, line.Length - ":802-11-wireless".Length).Replace("\\:", ":"))
            .FirstOrDefault();
    }

    public IPAddress? Join(string ssid, string password, TimeSpan timeout, CancellationToken cancel)
    {
        string name = ProfileName(ssid);
        Forget(ssid, cancel);
        var add = new[] { "connection", "add", "type", "wifi", "con-name", name, "ifname", "*", "ssid", ssid, "connection.autoconnect", "no" };
        if (password.Length > 0) add = add.Concat(WpaPsk).ToArray();
        WlanTool.Run("nmcli", RequestPolicy.WlanCommandLimit, cancel, add);
        string secrets = WlanTool.WritePrivateFile(password.Length > 0 ? $"802-11-wireless-security.psk:{password}\n" : "");
        try
        {
            string wait = ((int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            WlanTool.Run("nmcli", timeout + RequestPolicy.WlanJoinSlack, cancel, "--wait", wait, "connection", "up", "id", name, "passwd-file", secrets);
        }
        finally
        {
            WlanTool.DeleteQuietly(secrets);
        }
        return null;
    }

    public void Rejoin(string network, TimeSpan timeout, CancellationToken cancel)
    {
        string wait = ((int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        WlanTool.Run("nmcli", timeout + RequestPolicy.WlanJoinSlack, cancel, "--wait", wait, "connection", "up", "id", network);
    }

    public void Forget(string ssid, CancellationToken cancel)
    {
        try
        {
            WlanTool.Run("nmcli", RequestPolicy.WlanCommandLimit, cancel, "connection", "delete", "id", ProfileName(ssid));
        }
        catch (WlanException)
        {
            // No such profile, or nothing to clean up.
        }
    }

    private static string ProfileName(string ssid) => "midea-" + ssid;
}
