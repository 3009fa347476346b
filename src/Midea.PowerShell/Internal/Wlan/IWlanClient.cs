using System;
using System.Net;
using System.Threading;
using Midea.Protocol;

namespace Midea.PowerShell.Internal.Wlan;

/// <summary>
/// The computer's own Wi-Fi, as far as bulk provisioning needs it: every unit in AP mode is
/// 192.168.1.1 on its own access point, so the computer joins each unit's AP in turn.
/// </summary>
internal interface IWlanClient
{
    /// <summary>What this client drives, for -Verbose.</summary>
    string Description { get; }

    /// <summary>The network (or connection profile) to come back to; null when not connected.</summary>
    string? CurrentNetwork(CancellationToken cancel);

    /// <summary>Joins an access point; returns its gateway address when the client knows it.</summary>
    /// <exception cref="WlanException">The network was not found or refused the password.</exception>
    IPAddress? Join(string ssid, string password, TimeSpan timeout, CancellationToken cancel);

    /// <summary>Joins a network the computer already knows (its saved credentials).</summary>
    /// <exception cref="WlanException">It could not be joined.</exception>
    void Rejoin(string network, TimeSpan timeout, CancellationToken cancel);

    /// <summary>Removes what <see cref="Join"/> saved for an AP; failures are ignored.</summary>
    void Forget(string ssid, CancellationToken cancel);
}

/// <summary>The computer could not join or leave a Wi-Fi network.</summary>
internal class WlanException : MideaException
{
    public WlanException(string message, Exception? inner = null) : base(message, inner) { }
}
