using System;
using System.Net;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>What one pipeline record named, copied so the parameters may change for the next record.</summary>
/// <param name="Address">The address or host name given.</param>
/// <param name="Port">The TCP port.</param>
/// <param name="Id">The device id; 0 to discover it.</param>
/// <param name="ProtocolVersion">2 or 3; 0 to discover it.</param>
/// <param name="Token">The V3 token given, or null.</param>
/// <param name="Key">The V3 key given, or null.</param>
/// <param name="Timeout">The limit for connecting and each request.</param>
/// <param name="DeviceType">The appliance type as users name it (-DeviceType); null when not given.</param>
internal sealed record DeviceRequest(string Address, int Port, long Id, int ProtocolVersion, SecureString? Token, SecureString? Key, TimeSpan Timeout, string? DeviceType = null);

/// <summary>
/// Turns what a record named into the unit to talk to: the address, the id and version (given,
/// remembered, or discovered), and for V3 the credentials (given, or stored for the id). Safe to
/// use from worker threads; it narrates through the sinks it was given.
/// </summary>
internal sealed class EndpointResolver
{
    private readonly Action<string> _verbose;
    private readonly Action<string> _debug;

    /// <param name="verbose">The steps a -Verbose reader follows.</param>
    /// <param name="debug">The protocol trace.</param>
    public EndpointResolver(Action<string> verbose, Action<string> debug)
    {
        _verbose = verbose;
        _debug = debug;
    }

    /// <summary>The unit <paramref name="request"/> names.</summary>
    /// <returns>The endpoint and where its credentials came from: Parameter, Store, or None.</returns>
    /// <exception cref="AuthenticationFailedException">A V3 unit with no token and key given or stored.</exception>
    /// <exception cref="DeviceUnreachableException">The id or version had to be discovered, and nothing answered.</exception>
    public Task<(DeviceEndpoint Endpoint, string CredentialSource)> ResolveAsync(DeviceRequest request, CancellationToken cancel) =>
        ResolveAsync(request, useKnown: true, cancel);

    private async Task<(DeviceEndpoint, string)> ResolveAsync(DeviceRequest request, bool useKnown, CancellationToken cancel)
    {
        IPAddress address = DiscoveryTargets.Expand(request.Address)[0];
        long id = request.Id;
        int version = request.ProtocolVersion;
        byte type;
        bool known = false;
        if (id == 0 || version == 0)
        {
            UnitIdentity identity = await IdentifyAsync(address, request.Timeout, useKnown, cancel).ConfigureAwait(false);
            known = identity.Remembered;
            id = id == 0 ? identity.Info.DeviceId : id;
            version = version == 0 ? identity.Info.ProtocolVersion : version;
            type = identity.Info.ApplianceType;
        }
        else
        {
            type = TypeWithoutDiscovery(request, address, id);
        }
        if ((request.Token is { Length: > 0 }) != (request.Key is { Length: > 0 })) throw new ArgumentException("Give -Token and -Key together.");
        if (version != 3) return (new DeviceEndpoint(address, request.Port, id, version, applianceType: type), "None");
        if (request.Token is { Length: > 0 } && request.Key is { Length: > 0 })
        {
            byte[] token = Secrets.HexBytes(request.Token, Handshake.TokenSize, "token");
            byte[] key = Secrets.HexBytes(request.Key, Handshake.KeySize, "key");
            return (new DeviceEndpoint(address, request.Port, id, version, token, key, type), "Parameter");
        }
        // Not given: the per-user store, by device id (Save-MideaDevice).
        Store.StoredDevice? stored = Store.DeviceStore.Find(id);
        if (stored?.Token is null || stored.Key is null)
        {
            // An identity remembered from an earlier discovery may have outlived its unit (stopped,
            // unplugged, replaced). Asking for a token is only right when a V3 unit is there: ask
            // again, so a unit that is gone is reported as unreachable.
            if (known)
            {
                _verbose($"{address} answered discovery earlier in this session as V3 id {id}; asking again before asking for a token.");
                return await ResolveAsync(request, useKnown: false, cancel).ConfigureAwait(false);
            }
            throw new AuthenticationFailedException($"{request.Address} is a V3 unit (id {id}): give -Token and -Key, or save them with Save-MideaDevice (Start-MideaSimulator prints a simulated unit's).");
        }
        _verbose($"Using the token and key stored for id {id} in {Store.DeviceStore.Path}.");
        return (new DeviceEndpoint(address, request.Port, id, version, stored.Token, stored.Key, type), "Store");
    }

    /// <summary>
    /// The appliance type of a unit named with -Id and -ProtocolVersion, which skip discovery: as
    /// given, else as an earlier discovery of the same id or the store recorded it, else an air
    /// conditioner (the family every unit was before 0xCC units were driven).
    /// </summary>
    private static byte TypeWithoutDiscovery(DeviceRequest request, IPAddress address, long id)
    {
        if (Appliance.TypeOf(request.DeviceType) is { } given) return given;
        if (UnitDiscovery.Remembered(address) is { } remembered && remembered.Info.DeviceId == id) return remembered.Info.ApplianceType;
        if (Appliance.TypeOf(Store.DeviceStore.Find(id)?.Type) is { } stored) return stored;
        return AirConditioner.ApplianceType;
    }

    private async Task<UnitIdentity> IdentifyAsync(IPAddress address, TimeSpan limit, bool useKnown, CancellationToken cancel)
    {
        UnitIdentity? remembered = useKnown ? UnitDiscovery.Remembered(address) : null;
        if (remembered != null) return remembered;
        _verbose($"Asking {address} for its id and protocol version (give -Id and -ProtocolVersion to skip this).");
        UnitIdentity identity = await UnitDiscovery.AskAsync(address, limit,
            () => $"No Midea unit answered discovery at {address} within {limit.TotalSeconds:0.#} s. Check the address, or give -Id and -ProtocolVersion to connect without discovery.",
            _debug, cancel).ConfigureAwait(false);
        _verbose($"{address} answered discovery: V{identity.Info.ProtocolVersion}, id {identity.Info.DeviceId}.");
        return identity;
    }
}
