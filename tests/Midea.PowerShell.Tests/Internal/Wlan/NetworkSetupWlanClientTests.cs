using System;
using System.Runtime.Versioning;
using Midea.PowerShell.Internal.Wlan;

namespace Midea.PowerShell.Tests;

/// <summary>The macOS Wi-Fi client against a stand-in networksetup: which device is the Wi-Fi, and which network it is on.</summary>
[Collection(ProcessesAndPath.Name)]
public class NetworkSetupWlanClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>A networksetup whose Wi-Fi is <paramref name="device"/> (none: no Wi-Fi port), on <paramref name="network"/> (none: not associated).</summary>
    private static string NetworkSetup(string? device, string? network)
    {
        string ports = "printf '%s\\n' 'Hardware Port: Ethernet' 'Device: en0' 'Ethernet Address: 02:00:00:00:00:01' ''"
            + (device is null ? "" : $" 'Hardware Port: Wi-Fi' 'Device: {device}' 'Ethernet Address: 02:00:00:00:00:02' ''");
        string current = network is null
            ? "echo 'You are not associated with an AirPort network.'"
            : $"echo 'Current Wi-Fi Network: {network}'";
        return $"""
            case "$1" in
              -listallhardwareports) {ports} ;;
              -getairportnetwork) {current} ;;
            esac
            """;
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void The_wifi_device_is_looked_up_once_and_the_current_network_read_from_it()
    {
        using var tools = new FakeTools();
        tools.Add("networksetup", NetworkSetup("en1", "Home Wi-Fi"));
        var client = new NetworkSetupWlanClient();
        Assert.Equal("Home Wi-Fi", client.CurrentNetwork(default));
        Assert.Equal("Home Wi-Fi", client.CurrentNetwork(default));
        var calls = tools.Calls("networksetup");
        Assert.Equal(3, calls.Count);
        Assert.Equal(new[] { "-listallhardwareports" }, calls[0]);
        Assert.Equal(new[] { "-getairportnetwork", "en1" }, calls[1]);
        Assert.Equal(new[] { "-getairportnetwork", "en1" }, calls[2]);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Without_a_wifi_port_the_device_is_en0_and_not_associated_is_no_network()
    {
        using var tools = new FakeTools();
        tools.Add("networksetup", NetworkSetup(null, null));
        Assert.Null(new NetworkSetupWlanClient().CurrentNetwork(default));
        Assert.Equal(new[] { "-getairportnetwork", "en0" }, tools.Calls("networksetup")[1]);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Joining_an_access_point_names_device_network_and_password_and_waits_for_it()
    {
        using var tools = new FakeTools();
        tools.Add("networksetup", NetworkSetup("en1", "net_ac_1A2B"));
        Assert.Null(new NetworkSetupWlanClient().Join("net_ac_1A2B", "12345678", Timeout, default));
        var calls = tools.Calls("networksetup");
        Assert.Equal(new[] { "-setairportnetwork", "en1", "net_ac_1A2B", "12345678" }, calls[1]);
        Assert.Equal(new[] { "-getairportnetwork", "en1" }, calls[2]);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Joining_an_open_access_point_passes_no_password()
    {
        using var tools = new FakeTools();
        tools.Add("networksetup", NetworkSetup("en1", "open-ap"));
        new NetworkSetupWlanClient().Join("open-ap", "", Timeout, default);
        Assert.Equal(new[] { "-setairportnetwork", "en1", "open-ap" }, tools.Calls("networksetup")[1]);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Forgetting_removes_the_preferred_network_and_ignores_failures()
    {
        using var tools = new FakeTools();
        tools.Add("networksetup", NetworkSetup("en1", null) + "\nif [ \"$1\" = -removepreferredwirelessnetwork ]; then exit 1; fi");
        new NetworkSetupWlanClient().Forget("net_ac_1A2B", default);
        Assert.Equal(new[] { "-removepreferredwirelessnetwork", "en1", "net_ac_1A2B" }, tools.Calls("networksetup")[1]);
    }
}
