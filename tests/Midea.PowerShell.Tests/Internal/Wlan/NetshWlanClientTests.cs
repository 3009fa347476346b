using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Xml.Linq;
using Midea.PowerShell.Internal.Wlan;

namespace Midea.PowerShell.Tests;

/// <summary>
/// The Windows Wi-Fi client against a stand-in netsh (an sh script, so these run on Linux and
/// macOS): the SSID read from "netsh wlan show interfaces", and the profile file that carries the
/// AP password instead of a command line.
/// </summary>
[Collection(ProcessesAndPath.Name)]
public class NetshWlanClientTests
{
    private static readonly XNamespace Profile = "http://www.microsoft.com/networking/WLAN/profile/v1";

    /// <summary>"netsh wlan show interfaces" of one interface connected to <paramref name="ssid"/>.</summary>
    private static string Interfaces(string ssid) => $"""
        printf '%s\r\n' '' 'There is 1 interface on the system:' '' \
          '    Name                   : Wi-Fi' \
          '    Description            : Wireless Network Adapter' \
          '    State                  : connected' \
          '    SSID                   : {ssid}' \
          '    BSSID                  : 02:00:00:00:00:01' \
          '    Network type           : Infrastructure' \
          '    Profile                : {ssid}'
        """;

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void The_current_network_is_the_SSID_line_not_the_BSSID_line()
    {
        using var tools = new FakeTools();
        tools.Add("netsh", Interfaces("home net"));
        Assert.Equal("home net", new NetshWlanClient().CurrentNetwork(default));
        Assert.Equal(new[] { "wlan", "show", "interfaces" }, Assert.Single(tools.Calls("netsh")));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_disconnected_interface_is_no_current_network()
    {
        using var tools = new FakeTools();
        tools.Add("netsh", """
            printf '%s\r\n' '    Name                   : Wi-Fi' '    State                  : disconnected'
            """);
        Assert.Null(new NetshWlanClient().CurrentNetwork(default));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Joining_adds_a_profile_from_a_file_that_holds_the_escaped_password_and_is_then_deleted()
    {
        const string Ssid = "net_ac_1A2B";
        const string Password = "<Pa55 & \"word\">";
        using var tools = new FakeTools();
        tools.Add("netsh", $$"""
            for a in "$@"; do
              case "$a" in filename=*) cp "${a#filename=}" "$dir/profile.seen"; printf '%s' "${a#filename=}" > "$dir/profile.path";; esac
            done
            if [ "$2" = show ]; then
            {{Interfaces(Ssid)}}
            fi
            """);

        Assert.Null(new NetshWlanClient().Join(Ssid, Password, TimeSpan.FromSeconds(5), default));

        var calls = tools.Calls("netsh");
        Assert.Equal(new[] { "wlan", "add", "profile", "filename=" + tools.Read("profile.path"), "user=current" }, calls[0]);
        Assert.Equal(new[] { "wlan", "connect", "name=" + Ssid, "ssid=" + Ssid }, calls[1]);
        Assert.Equal(new[] { "wlan", "show", "interfaces" }, calls[2]);
        Assert.Equal(3, calls.Count);
        Assert.DoesNotContain(calls.SelectMany(c => c), a => a.Contains("Pa55", StringComparison.Ordinal));
        Assert.False(File.Exists(tools.Read("profile.path")));

        XElement profile = XDocument.Parse(tools.Read("profile.seen")).Root!;
        Assert.Equal(Ssid, profile.Element(Profile + "name")!.Value);
        Assert.Equal(Ssid, profile.Descendants(Profile + "SSID").Single().Element(Profile + "name")!.Value);
        Assert.Equal("manual", profile.Element(Profile + "connectionMode")!.Value);
        Assert.Equal("WPA2PSK", profile.Descendants(Profile + "authentication").Single().Value);
        Assert.Equal(Password, profile.Descendants(Profile + "keyMaterial").Single().Value);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void An_open_access_point_gets_a_profile_without_a_key()
    {
        using var tools = new FakeTools();
        tools.Add("netsh", $$"""
            for a in "$@"; do
              case "$a" in filename=*) cp "${a#filename=}" "$dir/profile.seen";; esac
            done
            if [ "$2" = show ]; then
            {{Interfaces("open-ap")}}
            fi
            """);
        new NetshWlanClient().Join("open-ap", "", TimeSpan.FromSeconds(5), default);
        XElement profile = XDocument.Parse(tools.Read("profile.seen")).Root!;
        Assert.Equal("open", profile.Descendants(Profile + "authentication").Single().Value);
        Assert.Empty(profile.Descendants(Profile + "sharedKey"));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Rejoining_connects_by_profile_name_and_waits_until_netsh_shows_it()
    {
        using var tools = new FakeTools();
        tools.Add("netsh", Interfaces("Home Wi-Fi"));
        new NetshWlanClient().Rejoin("Home Wi-Fi", TimeSpan.FromSeconds(5), default);
        var calls = tools.Calls("netsh");
        Assert.Equal(new[] { "wlan", "connect", "name=Home Wi-Fi" }, calls[0]);
        Assert.Equal(new[] { "wlan", "show", "interfaces" }, calls[1]);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Joining_times_out_when_netsh_never_shows_the_network()
    {
        using var tools = new FakeTools();
        tools.Add("netsh", """
            if [ "$2" = show ]; then printf '%s\r\n' '    SSID                   : elsewhere'; fi
            """);
        var error = Assert.Throws<WlanException>(() => new NetshWlanClient().Join("net_ac_1A2B", "12345678", TimeSpan.FromSeconds(1), default));
        Assert.Equal("Not connected to net_ac_1A2B after 1 s.", error.Message);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Forgetting_deletes_the_profile_and_ignores_failures()
    {
        using var tools = new FakeTools();
        tools.Add("netsh", "exit 1");
        new NetshWlanClient().Forget("net_ac_1A2B", default);
        Assert.Equal(new[] { "wlan", "delete", "profile", "name=net_ac_1A2B" }, Assert.Single(tools.Calls("netsh")));
    }
}
