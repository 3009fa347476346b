using System;

namespace Midea.PowerShell.Internal.Wlan;

/// <summary>
/// The operating system's Wi-Fi tool is not installed (or not on PATH). An expected situation, not a
/// fault: a Linux computer without NetworkManager, or a user who forgot -SimulatedWlan with simulated
/// units. The message names the tool and the ways forward; housekeeping that catches
/// <see cref="WlanException"/> still ignores it.
/// </summary>
internal sealed class WlanToolMissingException : WlanException
{
    public WlanToolMissingException(string tool, Exception? inner = null)
        : base($"'{tool}' was not found on this computer; Set-MideaWifi -ApSsid switches this computer's Wi-Fi to each unit's access point with it. "
            + $"{Remedy(tool)} With simulated units (Start-MideaSimulator -ApMode), add -SimulatedWlan. "
            + "Or join the unit's access point by hand and run Set-MideaWifi without -ApSsid.", inner) => Tool = tool;

    /// <summary>The program that was looked for.</summary>
    public string Tool { get; }

    private static string Remedy(string tool) => tool switch
    {
        "nmcli" => "Install NetworkManager, which provides nmcli.",
        "netsh" => "netsh is part of Windows; check that the System32 folder is on PATH.",
        "networksetup" => "networksetup is part of macOS; check that /usr/sbin is on PATH.",
        _ => $"Install {tool}.",
    };
}
