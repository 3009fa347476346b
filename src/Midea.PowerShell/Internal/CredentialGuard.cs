using System;
using System.Management.Automation;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Midea.PowerShell.Internal.Store;
using Midea.Protocol;
using Midea.Protocol.Appliances;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>What <see cref="CredentialGuard"/> found about a pair that would replace a stored one.</summary>
internal enum PairCheck
{
    /// <summary>Nothing to guard: the entry has no pair yet, or gets the one it has.</summary>
    Unguarded,
    /// <summary>The unit accepted the new pair: it may replace the stored one.</summary>
    Accepted,
    /// <summary>The unit refused the new pair: the stored one stays.</summary>
    Refused,
    /// <summary>The unit could not be asked (silent, offline, moved): the stored one stays.</summary>
    Untested,
}

/// <summary>
/// The rule that keeps a working token and key: a saved unit's pair is replaced by a different one
/// only after the unit accepted the new one in a handshake. V3 pairs never expire, and a fresh one
/// from a cloud or another tool's file has broken units whose old pair still worked, so a pair
/// that cannot be tried is not saved either (the callers' -Force overrides). Save-MideaDevice and
/// Import-MideaDevice go through here; Get-MideaToken's output reaches the store through
/// Save-MideaDevice.
/// </summary>
internal static class CredentialGuard
{
    /// <summary>Whether <paramref name="token"/> and <paramref name="key"/> may replace the pair of <paramref name="stored"/>, tried on the unit at <paramref name="address"/>.</summary>
    /// <param name="stored">The entry as the store has it; null for a unit not saved yet.</param>
    /// <param name="token">The new token.</param>
    /// <param name="key">The new key.</param>
    /// <param name="address">Where to try the pair: the address the entry will have.</param>
    /// <param name="port">The unit's TCP port.</param>
    /// <param name="timeout">The limit for connecting and for the handshake.</param>
    /// <param name="log">Where the steps are told (verbose).</param>
    /// <param name="cancel">Stops the try.</param>
    /// <returns>The outcome, and for Untested why (never a secret).</returns>
    public static async Task<(PairCheck Check, string? Reason)> CheckAsync(StoredDevice? stored, byte[] token, byte[] key, string address, int port,
        TimeSpan timeout, Action<string> log, CancellationToken cancel)
    {
        if (stored is not { HasCredentials: true } || stored.HasPair(token, key)) return (PairCheck.Unguarded, null);
        log($"{stored.Describe()} has another token and key in the store; trying the new pair on the unit at {address}:{port} before replacing it.");
        try
        {
            IPAddress ip = DiscoveryTargets.Expand(address)[0];
            // A kept session holds the unit's one connection on units that take only one.
            await SessionPool.Shared.CloseAsync(ip, cancel).ConfigureAwait(false);
            byte type = Appliance.TypeOf(stored.Type) ?? AirConditioner.ApplianceType;
            var endpoint = new DeviceEndpoint(ip, port, stored.Id, 3, token, key, type);
            bool accepted = await DeviceSession.AcceptsAsync(endpoint, new RequestPolicy(timeout), cancel).ConfigureAwait(false);
            return (accepted ? PairCheck.Accepted : PairCheck.Refused, null);
        }
        catch (Exception ex) when (ex is MideaException or ArgumentException or System.Net.Sockets.SocketException && !cancel.IsCancellationRequested)
        {
            return (PairCheck.Untested, ex.Message.TrimEnd('.'));
        }
    }

    /// <summary>
    /// <see cref="CheckAsync"/> for a cmdlet, on its pipeline thread: the unit at the address and port
    /// <paramref name="planned"/> will have, within the request policy's limits; running out of time
    /// counts as untested.
    /// </summary>
    public static (PairCheck Check, string? Reason) Check(MideaCmdlet cmdlet, StoredDevice stored, byte[] token, byte[] key, StoredDevice planned, TimeSpan timeout)
    {
        try
        {
            return cmdlet.Await(cancel => CheckAsync(stored, token, key, planned.Address, planned.Port, timeout, cmdlet.DebugLog, cancel),
                new RequestPolicy(timeout).OperationDeadline, $"The try of the new pair of {stored.Describe()}");
        }
        catch (DeviceTimeoutException ex)
        {
            return (PairCheck.Untested, ex.Message.TrimEnd('.'));
        }
    }

    /// <summary>The error for a pair the guard kept out: CredentialRefused, or CredentialUntested with the reason.</summary>
    public static ErrorRecord Record(PairCheck check, string? reason, StoredDevice stored, string whereFrom)
    {
        string message = check == PairCheck.Refused
            ? $"{stored.Describe()} refused the token and key {whereFrom}; the stored pair, which the unit may still accept, is kept. Give -Force to save the new pair anyway."
            : $"The token and key {whereFrom} for {stored.Describe()} could not be tried on the unit ({reason}); the stored pair is kept. Try again when the unit is reachable, or give -Force to save the new pair untested.";
        var error = new InvalidOperationException(message);
        return check == PairCheck.Refused
            ? new ErrorRecord(error, "CredentialRefused", ErrorCategory.SecurityError, stored.Address)
            : new ErrorRecord(error, "CredentialUntested", ErrorCategory.ResourceUnavailable, stored.Address);
    }
}
