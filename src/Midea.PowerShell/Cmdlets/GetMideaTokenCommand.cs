using System;
using System.Management.Automation;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Midea.PowerShell.Internal;
using Midea.Protocol.Cloud;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Looks a unit's V3 token and key up in the vendor cloud with the user's own account — only when
/// asked; nothing else in the module talks to a cloud. It tries the udpid of both byte orders and,
/// given the unit's address, keeps the pair the unit accepts.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MideaToken", HelpUri = "https://github.com/midea-powershell/Midea#get-mideatoken")]
[OutputType(typeof(MideaCredential))]
public sealed class GetMideaTokenCommand : MideaCmdlet
{
    private CloudClient? _client;

    /// <summary>Which cloud the account belongs to.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public CloudService Cloud { get; set; }

    /// <summary>The account (e-mail) and password of the vendor app.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    /// <summary>Address of the unit: its id is discovered when not given, and each pair is tried on it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("IPAddress", "Ip")]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string? Address { get; set; }

    /// <summary>Device id (needed when no address is given).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("DeviceId")]
    public long Id { get; set; }

    /// <summary>Name of the unit, passed through to the output.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    /// <summary>TCP port of the unit.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; } = 6444;

    /// <summary>Another address for the cloud (a regional server, or a fake cloud for testing).</summary>
    [Parameter]
    public Uri? CloudUri { get; set; }

    /// <summary>Limit for discovery and each handshake with the unit (cloud calls have their own 10 s and 3 tries).</summary>
    [Parameter]
    [ValidateRange(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        string target = Address ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            if (Id == 0 && string.IsNullOrEmpty(Address))
                throw new ArgumentException("Give -Id, or -Address so the unit can be asked for its id.");
            TimeSpan limit = TimeSpan.FromSeconds(TimeoutSeconds);
            IPAddress? address = string.IsNullOrEmpty(Address) ? null : DiscoveryTargets.Expand(Address!)[0];
            long id = Id != 0 ? Id : DiscoverId(address!, limit);
            CloudKind kind = Cloud == CloudService.NetHomePlus ? CloudKind.NetHomePlus : CloudKind.SmartHome;
            CloudTokenMatch match = Await(async cancel =>
            {
                if (_client is null)
                {
                    CloudClient client = CloudClient.Create(kind, CloudUri);
                    DebugLog($"Logging in to {kind} at {client.BaseUri}.");
                    await client.LoginAsync(Credential.UserName, Credential.GetNetworkCredential().Password, cancel).ConfigureAwait(false);
                    _client = client;
                }
                return await CloudTokenLookup.FindAsync(_client, id, pair => Authenticates(address, Port, id, pair, limit, cancel), cancel).ConfigureAwait(false);
            }, RequestPolicy.CloudLookupDeadline(limit), $"{Cloud} token lookup");
            if (address is null) WriteWarning($"{target}: no -Address, so the pair was not tried on the unit; the first match ({(match.BigEndian ? "big" : "little")}-endian udpid) is returned unverified.");
            WriteVerbose($"{target}: {Cloud} gave a pair for udpid {match.UdpId} ({(match.BigEndian ? "big" : "little")}-endian id){(address is null ? "" : " and the unit accepted it")}.");
            WarnIfStoreDiffers(id, match.Token.TokenHex, match.Token.KeyHex);
            WriteObject(new MideaCredential
            {
                Address = address?.ToString(),
                Port = Port,
                Name = Name,
                Id = id,
                Source = Cloud.ToString(),
                ByteOrder = match.BigEndian ? "BigEndian" : "LittleEndian",
                Verified = address != null,
                Token = Secrets.FromString(match.Token.TokenHex),
                Key = Secrets.FromString(match.Token.KeyHex),
            });
        }
        catch (PipelineStoppedException)
        {
            throw;
        }
        catch (Exception ex) when (IsExpectedFailure(ex))
        {
            WriteDeviceError(ex, target);
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing() => _client?.Dispose();

    /// <summary>
    /// A cloud pair that differs from the one the store has for the unit is said so: piped into
    /// Save-MideaDevice it is tried on the unit before it replaces the stored pair (CredentialGuard).
    /// </summary>
    private void WarnIfStoreDiffers(long id, string tokenHex, string keyHex)
    {
        Internal.Store.StoredDevice? stored = Internal.Store.DeviceStore.Find(id, WriteVerbose);
        if (stored is not { HasCredentials: true } || stored.HasPair(Protocol.Codec.Hex.Decode(tokenHex), Protocol.Codec.Hex.Decode(keyHex))) return;
        WriteWarning($"The device store has another token and key for {stored.Describe()}. Save-MideaDevice replaces it with this pair only once the unit accepts this one (or with -Force), and keeps it for Restore-MideaDevice.");
    }

    /// <summary>Without an address every pair is taken as it is; with one, the unit decides.</summary>
    private static async Task<bool> Authenticates(IPAddress? address, int port, long id, CloudToken pair, TimeSpan limit, CancellationToken cancel)
    {
        if (address is null) return true;
        // A kept session would hold the one connection some units accept; the test needs its own.
        await SessionPool.Shared.CloseAsync(address, cancel).ConfigureAwait(false);
        return await DeviceSession.AcceptsAsync(new DeviceEndpoint(address, port, id, 3, pair.Token, pair.Key), new RequestPolicy(limit), cancel).ConfigureAwait(false);
    }

    private long DiscoverId(IPAddress address, TimeSpan limit)
    {
        UnitIdentity unit = UnitDiscovery.Remembered(address)
            ?? Await(cancel => UnitDiscovery.AskAsync(address, limit, () => $"No Midea unit answered discovery at {address}; give -Id to look the token up without it.", DebugLog, cancel),
                RequestPolicy.AskDeadline(limit), $"Discovery of {address}");
        return unit.Info.DeviceId;
    }
}
