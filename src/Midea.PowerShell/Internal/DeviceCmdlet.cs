using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>
/// The device parameters shared by cmdlets that talk to one unit. Their names equal the
/// properties of MideaDevice, so Find-MideaDevice output binds by property name.
/// </summary>
public abstract class DeviceCmdlet : MideaCmdlet
{
    /// <summary>IP address or host name of the unit.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        HelpMessage = "IP address or host name of the unit.")]
    [Alias("IPAddress", "Ip", "Host")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string Address { get; set; } = "";

    /// <summary>TCP port of the unit.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; } = 6444;

    /// <summary>Device id; discovered when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("DeviceId")]
    public long Id { get; set; }

    /// <summary>Protocol version; discovered when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("2", "3")]
    public int ProtocolVersion { get; set; }

    /// <summary>V3 token: 128 hex digits.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>V3 key: 64 hex digits.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? Key { get; set; }

    /// <summary>Limit for connecting and for each request to the unit.</summary>
    [Parameter]
    [ValidateRange(1, 120)]
    public int TimeoutSeconds { get; set; } = 5;

    /// <summary>The most requests this command sends on one connection (the connect itself not counted).</summary>
    private protected virtual int Exchanges => 1;

    /// <summary>
    /// Runs <paramref name="work"/> on a session with the unit this record names. Sessions stay open
    /// for the rest of the pipeline, so a unit named again reuses its connection and V3 handshake.
    /// </summary>
    /// <returns>The work's result, or default when the failure was written as a non-terminating error.</returns>
    internal T? WithDevice<T>(Func<ManagedClient, DeviceEndpoint, CancellationToken, Task<T>> work) where T : class
    {
        try
        {
            DeviceEndpoint endpoint = ResolveEndpoint();
            TimeSpan limit = TimeSpan.FromSeconds(TimeoutSeconds);
            ManagedClient session = Session(endpoint, limit);
            // Each request has the full limit; the whole exchange gets it once per request it may make.
            return Await(cancel => work(session, endpoint, cancel), TimeSpan.FromTicks(limit.Ticks * (1 + Exchanges)), $"{endpoint}");
        }
        catch (PipelineStoppedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is MideaException or ArgumentException or System.Net.Sockets.SocketException or System.IO.IOException or UnauthorizedAccessException)
        {
            WriteDeviceError(ex, Address);
            return null;
        }
    }

    private readonly Dictionary<string, ManagedClient> _sessions = new();

    private ManagedClient Session(DeviceEndpoint endpoint, TimeSpan limit)
    {
        string key = $"{endpoint}/{endpoint.DeviceId}/{endpoint.ProtocolVersion}/{(endpoint.Token is null ? "" : Hex.Encode(endpoint.Token))}/{limit.Ticks}";
        if (_sessions.TryGetValue(key, out ManagedClient? session))
        {
            WriteVerbose($"Reusing the session with {endpoint}.");
            return session;
        }
        WriteVerbose($"Connecting to {endpoint} (V{endpoint.ProtocolVersion}, id {endpoint.DeviceId}).");
        session = new ManagedClient(endpoint, limit, DebugLog);
        _sessions[key] = session;
        return session;
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        Release();
        base.EndProcessing();
    }

    /// <inheritdoc/>
    private protected override void Release()
    {
        foreach (ManagedClient session in _sessions.Values) session.Dispose();
        _sessions.Clear();
    }

    /// <summary>Where the V3 token and key of the last resolved endpoint came from: Parameter, Store, or None.</summary>
    private protected string CredentialSource { get; private set; } = "None";

    /// <summary>The unit this record names: address, id and version (discovered when not given) and credentials.</summary>
    /// <exception cref="AuthenticationFailedException">A V3 unit with no token and key given or stored.</exception>
    private protected DeviceEndpoint ResolveEndpoint()
    {
        IPAddress address = DiscoveryTargets.Expand(Address)[0];
        long id = Id;
        int version = ProtocolVersion;
        if (id == 0 || version == 0)
        {
            DiscoveryInfo info = Discover(address);
            id = id == 0 ? info.DeviceId : id;
            version = version == 0 ? info.ProtocolVersion : version;
        }
        byte[]? token = null, key = null;
        CredentialSource = "None";
        if ((Token is { Length: > 0 }) != (Key is { Length: > 0 })) throw new ArgumentException("Give -Token and -Key together.");
        if (version == 3 && Token is { Length: > 0 } && Key is { Length: > 0 })
        {
            token = Secrets.HexBytes(Token, Handshake.TokenSize, "token");
            key = Secrets.HexBytes(Key, Handshake.KeySize, "key");
            CredentialSource = "Parameter";
        }
        else if (version == 3)
        {
            // Not given: the per-user store, by device id (Save-MideaDevice).
            Store.StoredDevice? stored = Store.DeviceStore.Find(id);
            if (stored?.Token is null || stored.Key is null)
                throw new AuthenticationFailedException($"{Address} is a V3 unit (id {id}): give -Token and -Key, or save them with Save-MideaDevice (Start-MideaSimulator prints a simulated unit's).");
            WriteVerbose($"Using the token and key stored for id {id} in {Store.DeviceStore.Path}.");
            token = stored.Token;
            key = stored.Key;
            CredentialSource = "Store";
        }
        return new DeviceEndpoint(address, Port, id, version, token, key);
    }

    private DiscoveryInfo Discover(IPAddress address)
    {
        MideaDevice? known = KnownDevices.Find(address.ToString());
        if (known != null) return new DiscoveryInfo { DeviceId = known.Id, ProtocolVersion = known.ProtocolVersion };
        WriteVerbose($"Asking {address} for its id and protocol version (give -Id and -ProtocolVersion to skip this).");
        var replies = new List<DiscoveryResult>();
        TimeSpan limit = TimeSpan.FromSeconds(TimeoutSeconds);
        Await(async cancel =>
        {
            await DiscoveryClient.RunAsync(new[] { address }, Array.Empty<IPAddress>(), limit, r => { lock (replies) replies.Add(r); }, 1, cancel, DebugLog).ConfigureAwait(false);
            return replies;
        }, limit + TimeSpan.FromSeconds(1), $"Discovery of {address}");
        foreach (DiscoveryResult reply in replies)
        {
            if (reply.Info is { ProtocolVersion: 1 })
                throw new MideaProtocolException(ProtocolFault.Unsupported, $"{address} is a V1 (XML) unit; only V2 and V3 are supported.");
            if (reply.Info != null) return reply.Info;
            if (reply.Error != null) throw reply.Error;
        }
        // Silence here means no unit at this address, which is what DeviceUnreachable says.
        throw new DeviceUnreachableException($"No Midea unit answered discovery at {address} within {TimeoutSeconds} s. Check the address, or give -Id and -ProtocolVersion to connect without discovery.");
    }
}
