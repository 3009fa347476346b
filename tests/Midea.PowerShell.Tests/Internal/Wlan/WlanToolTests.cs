using System;
using System.Runtime.Versioning;
using System.Threading;
using Midea.PowerShell.Internal.Wlan;

namespace Midea.PowerShell.Tests;

/// <summary>Running the operating system's Wi-Fi tool: arguments arrive as given, failures say which tool and why.</summary>
[Collection(ProcessesAndPath.Name)]
public class WlanToolTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("wlan", "wlan")]
    [InlineData("", "\"\"")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\temp\", @"""C:\temp\\""")]
    [InlineData(@"a\\""b", @"""a\\\\\""b""")]
    [InlineData("name=net_ac_1A2B", "name=net_ac_1A2B")]
    public void Quote_follows_the_rules_of_the_command_line_parsers(string argument, string quoted)
    {
        Assert.Equal(quoted, WlanTool.Quote(argument));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Every_argument_reaches_the_tool_as_it_was_given()
    {
        using var tools = new FakeTools();
        tools.Add("wlan-echo", "");
        string[] arguments = { "plain", "", "two words", "say \"hi\"", @"C:\temp\", @"a\\""b", "tab\there", "  padded  ", "*", "$HOME", "semi;colon", "'single'" };
        WlanTool.Run("wlan-echo", Timeout, default, arguments);
        Assert.Equal(arguments, Assert.Single(tools.Calls("wlan-echo")));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void The_output_is_returned()
    {
        using var tools = new FakeTools();
        tools.Add("wlan-says", "printf 'first line\\nsecond line\\n'");
        Assert.Equal($"first line{Environment.NewLine}second line{Environment.NewLine}", WlanTool.Run("wlan-says", Timeout, default, "show"));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_tool_that_fails_is_reported_with_its_exit_code_and_what_it_printed()
    {
        using var tools = new FakeTools();
        tools.Add("wlan-fails", "echo 'no such network' >&2; echo 'partial output'; exit 4");
        var error = Assert.Throws<WlanException>(() => WlanTool.Run("wlan-fails", Timeout, default, "connect", "name=x"));
        Assert.Equal("'wlan-fails connect' failed (exit code 4): no such network partial output", error.Message);
    }

    [Fact]
    public void A_tool_that_is_not_installed_is_named_with_the_ways_forward()
    {
        string tool = "midea-no-such-tool-" + Guid.NewGuid().ToString("N");
        var error = Assert.Throws<WlanToolMissingException>(() => WlanTool.Run(tool, Timeout, default, "show"));
        Assert.Equal(tool, error.Tool);
        Assert.StartsWith($"'{tool}' was not found on this computer;", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Install {tool}.", error.Message, StringComparison.Ordinal);
        Assert.Contains("-SimulatedWlan", error.Message, StringComparison.Ordinal);
        // Housekeeping that ignores WlanException ignores a missing tool too.
        Assert.IsAssignableFrom<WlanException>(error);
    }

    [Theory]
    [InlineData("nmcli", "Install NetworkManager, which provides nmcli.")]
    [InlineData("netsh", "netsh is part of Windows; check that the System32 folder is on PATH.")]
    [InlineData("networksetup", "networksetup is part of macOS; check that /usr/sbin is on PATH.")]
    public void A_missing_tool_of_the_operating_system_gets_its_own_remedy(string tool, string remedy)
    {
        Assert.Contains(remedy, new WlanToolMissingException(tool).Message, StringComparison.Ordinal);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_tool_that_runs_past_its_time_is_stopped_and_reported()
    {
        using var tools = new FakeTools();
        tools.Add("wlan-hangs", "exec sleep 30");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<WlanException>(() => WlanTool.Run("wlan-hangs", TimeSpan.FromSeconds(1), default, "connect"));
        Assert.Equal("'wlan-hangs connect' did not finish within 1 s.", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_cancelled_run_stops_the_tool()
    {
        using var tools = new FakeTools();
        tools.Add("wlan-hangs", "exec sleep 30");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<OperationCanceledException>(() => WlanTool.Run("wlan-hangs", Timeout, cancel.Token, "connect"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }

    [Fact]
    public void Waiting_for_a_network_ends_when_it_is_joined_or_says_what_was_missing()
    {
        int polls = 0;
        WlanTool.WaitUntil(() => ++polls == 2, "home-net", TimeSpan.FromSeconds(5), default);
        Assert.Equal(2, polls);
        var error = Assert.Throws<WlanException>(() => WlanTool.WaitUntil(() => false, "home-net", TimeSpan.FromMilliseconds(200), default));
        Assert.Equal("Not connected to home-net after 0 s.", error.Message);
    }
}
