using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>
/// The one home of "ask the unit at an address who it is": its id, protocol version and appliance
/// type, from an earlier discovery in this session or from unicast discovery now. The device
/// cmdlets, Set-MideaWifi and Get-MideaToken all come here; each says in its own words what to do
/// when nothing answers.
/// </summary>
internal static class UnitDiscovery
{
    /// <summary>The identity an earlier discovery in this session (Find-MideaDevice) left for <paramref name="address"/>; null when none.</summary>
    public static UnitIdentity? Remembered(IPAddress address)
    {
        MideaDevice? known = KnownDevices.Find(address.ToString());
        if (known is null) return null;
        var info = new DiscoveryInfo { DeviceId = known.Id, ProtocolVersion = known.ProtocolVersion, ApplianceType = Appliance.TypeOf(known.Type) ?? AirConditioner.ApplianceType };
        return new UnitIdentity(info, Remembered: true);
    }

    /// <summary>Asks the unit at <paramref name="address"/> by unicast discovery.</summary>
    /// <param name="address">The unit's address; only a reply from it counts.</param>
    /// <param name="limit">How long discovery listens for the answer.</param>
    /// <param name="silence">The message when nothing answers: what the caller's user can do instead.</param>
    /// <param name="log">The protocol trace (debug stream).</param>
    /// <param name="cancel">Ends the wait early.</param>
    /// <exception cref="DeviceUnreachableException">Nothing answered within <paramref name="limit"/>.</exception>
    /// <exception cref="MideaProtocolException">The answer did not decode, or came from a V1 unit.</exception>
    public static async Task<UnitIdentity> AskAsync(IPAddress address, TimeSpan limit, Func<string> silence, Action<string>? log, CancellationToken cancel)
    {
        DiscoveryInfo? answer = await DiscoveryClient.AskAsync(address, limit, cancel, log).ConfigureAwait(false);
        if (answer is null)
        {
            // Silence means no unit at this address; one remembered there is forgotten, so tab
            // completion stops offering it and the next command asks again.
            KnownDevices.Forget(address.ToString());
            throw new DeviceUnreachableException(silence());
        }
        return new UnitIdentity(answer, Remembered: false);
    }
}

/// <summary>A unit's identity, and whether it was remembered from earlier rather than given by the unit just now.</summary>
internal sealed record UnitIdentity(DiscoveryInfo Info, bool Remembered);
