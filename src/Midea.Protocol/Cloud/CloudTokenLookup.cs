using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Cloud;

/// <summary>The token and key that a unit accepted, and the byte order of the id whose udpid found them.</summary>
public sealed class CloudTokenMatch
{
    /// <summary>Creates the result.</summary>
    public CloudTokenMatch(CloudToken token, bool bigEndian)
    {
        Token = token ?? throw new ArgumentNullException(nameof(token));
        BigEndian = bigEndian;
    }

    /// <summary>The pair the unit accepted.</summary>
    public CloudToken Token { get; }

    /// <summary>True when the udpid of the big-endian 6-byte id found it, false for little-endian.</summary>
    public bool BigEndian { get; }

    /// <summary>The udpid that found it.</summary>
    public string UdpId => Token.UdpId;

    /// <summary>The udpid and byte order; never the token or key.</summary>
    public override string ToString() => $"udpid {UdpId} ({(BigEndian ? "big" : "little")}-endian id)";
}

/// <summary>Finds a unit's V3 token and key through a logged-in <see cref="CloudClient"/> (protocol.md §6.1 flow).</summary>
public static class CloudTokenLookup
{
    /// <summary>
    /// Asks getToken for the udpid of the little-endian 6-byte id, then of the big-endian one; offers each entry
    /// whose udpId matches to <paramref name="authenticates"/> (usually a V3 handshake with the unit) and returns
    /// the first one it accepts.
    /// </summary>
    /// <param name="client">A client that is logged in.</param>
    /// <param name="deviceId">The unit's 48-bit appliance id.</param>
    /// <param name="authenticates">True when the unit accepts the pair; its exceptions are not caught.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <exception cref="InvalidOperationException">The client is not logged in.</exception>
    /// <exception cref="AuthenticationFailedException">The cloud had tokens for the unit but the unit refused them all.</exception>
    /// <exception cref="CloudException">The cloud refused getToken (the first refusal is reported; a login error stops at once).</exception>
    /// <exception cref="CloudTokenNotFoundException">The cloud answered, but with no entry for either udpid.</exception>
    /// <exception cref="CloudCommunicationException">No answer, an HTTP error, or a reply that is not understood.</exception>
    public static async Task<CloudTokenMatch> FindAsync(CloudClient client, long deviceId, Func<CloudToken, Task<bool>> authenticates, CancellationToken cancellationToken)
    {
        if (client is null) throw new ArgumentNullException(nameof(client));
        if (authenticates is null) throw new ArgumentNullException(nameof(authenticates));
        if (deviceId < 0 || deviceId > 0xFFFF_FFFF_FFFFL) throw new ArgumentOutOfRangeException(nameof(deviceId), deviceId, "An appliance id has 6 bytes.");
        if (!client.IsLoggedIn) throw new InvalidOperationException("Log in to the cloud first.");

        string name = CloudException.Name(client.Kind);
        CloudException? refusal = null;
        int offered = 0;
        var udpids = new List<string>(2);
        foreach (bool bigEndian in new[] { false, true })
        {
            string udpid = Udpid.Compute(deviceId, bigEndian);
            udpids.Add(udpid);
            IReadOnlyList<CloudToken> entries;
            try
            {
                entries = await client.GetTokensAsync(udpid, deviceId, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudException ex)
            {
                if (ex.IsLoginError) throw;
                refusal ??= ex;
                continue;
            }
            foreach (CloudToken entry in entries)
            {
                if (!string.Equals(entry.UdpId, udpid, StringComparison.OrdinalIgnoreCase)) continue;
                offered++;
                cancellationToken.ThrowIfCancellationRequested();
                if (await authenticates(entry).ConfigureAwait(false)) return new CloudTokenMatch(entry, bigEndian);
            }
        }

        if (offered > 0)
        {
            throw new AuthenticationFailedException(
                $"The unit {deviceId} refused every token the {name} cloud has for it ({offered} tried, both byte orders of its id); the unit may have been paired again since, or with another account.");
        }
        if (refusal is not null) ExceptionDispatchInfo.Capture(refusal).Throw();
        throw new CloudTokenNotFoundException(
            $"The {name} cloud has no token for unit {deviceId} (udpid {udpids[0]} little-endian, {udpids[1]} big-endian); is it registered to this account?");
    }
}
