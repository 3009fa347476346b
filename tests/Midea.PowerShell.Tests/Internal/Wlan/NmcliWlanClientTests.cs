using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using Midea.PowerShell.Internal.Wlan;

namespace Midea.PowerShell.Tests;

/// <summary>
/// The Linux Wi-Fi client against a stand-in nmcli: what it reads from nmcli's output, what it
/// asks nmcli to do, and that the AP password travels in a file, never on a command line.
/// </summary>
[Collection(ProcessesAndPath.Name)]
public class NmcliWlanClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private const string Password = "Ap-Pa55word!";

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void The_current_network_is_the_active_wifi_profile_with_its_colons_unescaped()
    {
        using var tools = new FakeTools();
        tools.Add("nmcli", """
            printf '%s\n' 'Wired connection 1:802-3-ethernet' 'home\:net 5G:802-11-wireless' 'lo:loopback'
            """);
        Assert.Equal("home:net 5G", new NmcliWlanClient().CurrentNetwork(default));
        Assert.Equal(new[] { "-t", "-f", "NAME,TYPE", "connection", "show", "--active" }, Assert.Single(tools.Calls("nmcli")));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void No_active_wifi_profile_is_no_current_network()
    {
        using var tools = new FakeTools();
        tools.Add("nmcli", "printf '%s\\n' 'Wired connection 1:802-3-ethernet'");
        Assert.Null(new NmcliWlanClient().CurrentNetwork(default));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Joining_makes_a_profile_of_its_own_and_hands_the_password_over_in_a_file_that_is_then_deleted()
    {
        using var tools = new FakeTools();
        // A leftover profile of an earlier run is deleted first; "not found" (exit 10) is fine.
        // The file after passwd-file is copied aside, since the client deletes it.
        tools.Add("nmcli", """
            if [ "$1 $2" = "connection delete" ]; then exit 10; fi
            prev=""
            for a in "$@"; do
              if [ "$prev" = passwd-file ]; then cp "$a" "$dir/passwd.seen"; printf '%s' "$a" > "$dir/passwd.path"; ls -l "$a" | cut -c1-10 > "$dir/passwd.mode"; fi
              prev="$a"
            done
            """);

        Assert.Null(new NmcliWlanClient().Join("net_ac_1A2B", Password, Timeout, default));

        var calls = tools.Calls("nmcli");
        Assert.Equal(3, calls.Count);
        Assert.Equal(new[] { "connection", "delete", "id", "midea-net_ac_1A2B" }, calls[0]);
        Assert.Equal(new[]
        {
            "connection", "add", "type", "wifi", "con-name", "midea-net_ac_1A2B", "ifname", "*", "ssid", "net_ac_1A2B",
            "connection.autoconnect", "no", "wifi-sec.key-mgmt", "wpa-psk",
        }, calls[1]);
        Assert.Equal(new[] { "--wait", "5", "connection", "up", "id", "midea-net_ac_1A2B", "passwd-file", tools.Read("passwd.path") }, calls[2]);
        Assert.Equal($"802-11-wireless-security.psk:{Password}\n", tools.Read("passwd.seen"));
        // Readable by this user only while it exists.
        Assert.Equal("-rw-------", tools.Read("passwd.mode").Trim());
        Assert.False(File.Exists(tools.Read("passwd.path")));
        Assert.DoesNotContain(calls.SelectMany(c => c), a => a.Contains(Password, StringComparison.Ordinal));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void An_open_access_point_gets_no_key_management_and_an_empty_password_file()
    {
        using var tools = new FakeTools();
        tools.Add("nmcli", """
            prev=""
            for a in "$@"; do
              if [ "$prev" = passwd-file ]; then cp "$a" "$dir/passwd.seen"; fi
              prev="$a"
            done
            """);
        new NmcliWlanClient().Join("open-ap", "", TimeSpan.FromSeconds(2.5), default);
        var calls = tools.Calls("nmcli");
        Assert.DoesNotContain("wifi-sec.key-mgmt", calls[1]);
        Assert.Equal(new[] { "--wait", "3" }, calls[2].Take(2));
        Assert.Equal("", tools.Read("passwd.seen"));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_join_that_nmcli_refuses_is_reported_and_the_password_file_is_deleted_all_the_same()
    {
        using var tools = new FakeTools();
        tools.Add("nmcli", """
            if [ "$3" = up ] || [ "$4" = up ]; then
              for a in "$@"; do printf '%s' "$a" > "$dir/last.arg"; done
              echo 'Error: Connection activation failed: Secrets were required, but not provided.' >&2
              exit 4
            fi
            """);
        var error = Assert.Throws<WlanException>(() => new NmcliWlanClient().Join("net_ac_1A2B", Password, Timeout, default));
        Assert.Contains("Secrets were required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(tools.Read("last.arg")));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Rejoining_brings_the_saved_profile_up_by_its_name()
    {
        using var tools = new FakeTools();
        tools.Add("nmcli", "");
        new NmcliWlanClient().Rejoin("Home Wi-Fi", TimeSpan.FromSeconds(20), default);
        Assert.Equal(new[] { "--wait", "20", "connection", "up", "id", "Home Wi-Fi" }, Assert.Single(tools.Calls("nmcli")));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Forgetting_deletes_only_the_modules_own_profile_and_ignores_failures()
    {
        using var tools = new FakeTools();
        tools.Add("nmcli", "exit 10");
        new NmcliWlanClient().Forget("net_ac_1A2B", default);
        Assert.Equal(new[] { "connection", "delete", "id", "midea-net_ac_1A2B" }, Assert.Single(tools.Calls("nmcli")));
    }
}
