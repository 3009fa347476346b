using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Midea.PowerShell.Internal;
using Midea.PowerShell.Internal.Wlan;
using Midea.Protocol.Codec;
using Midea.Protocol.Provisioning;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Joins units in AP mode to a Wi-Fi network without the vendor app or cloud. The payload layout
/// is proven by captures; the transport (session, credentials, prefix) is a working hypothesis
/// whose every choice can be overridden. Writes one MideaWifiResult per unit, success or not.
/// </summary>
[Cmdlet(VerbsCommon.Set, "MideaWifi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    HelpUri = "https://github.com/midea-powershell/Midea#set-mideawifi")]
[OutputType(typeof(MideaWifiResult))]
public sealed class SetMideaWifiCommand : MideaCmdlet
{
    // The address every unit has on its own access point.
    private const string StandardApAddress = "192.168.1.1";

    private readonly List<WifiJob> _jobs = new();
    // Access points of the rows accepted so far: a unit leaves its access point once provisioned,
    // so a second row for it could only fail, and confusingly ("no access point named ...").
    private readonly HashSet<string> _apSsids = new(StringComparer.Ordinal);
    private ChannelPlan? _defaultPlan;

    /// <summary>Name of the network the unit should join (1-32 bytes of UTF-8). Checked per unit so a bad CSV row still gives a result.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("NetworkName")]
    [AllowEmptyString]
    public string Ssid { get; set; } = "";

    /// <summary>WPA passphrase of that network (8-63 characters); empty or absent for an open network.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Password", "Psk")]
    [SecureStringTransformation]
    public SecureString? Passphrase { get; set; }

    /// <summary>MAC of the access point to join (aa:bb:cc:dd:ee:ff); zeros when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? Bssid { get; set; }

    /// <summary>Two-letter country whose channel plan is sent; the current culture's region by default.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Country")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(CountryCompleter))]
    public string? CountryCode { get; set; }

    /// <summary>The unit's address on its own access point; the standard AP-mode address when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("IPAddress", "Ip")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string? Address { get; set; }

    /// <summary>TCP port of the unit.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int Port { get; set; } = 6444;

    /// <summary>The unit's own V3 token (128 hex digits), if known.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>The unit's own V3 key (64 hex digits), if known.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? Key { get; set; }

    /// <summary>The unit's access point (net_ac_XXXX): the computer joins it first and rejoins its own network after.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? ApSsid { get; set; }

    /// <summary>Password of the unit's access point; 12345678 (commonly reported, unverified) by default.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? ApPassword { get; set; }

    /// <summary>Limit for each network step (join, discovery, connect, acknowledgement).</summary>
    [Parameter]
    [ValidateRange(1, 120)]
    public int TimeoutSeconds { get; set; } = RequestPolicy.DefaultProvisioningStepSeconds;

    /// <summary>Addresses, names or CIDR ranges where the unit should appear after joining; it is looked for by id.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? WaitForNetwork { get; set; }

    /// <summary>How long to look for the unit on the target network.</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int WaitTimeoutSeconds { get; set; } = RequestPolicy.DefaultNetworkSearchSeconds;

    /// <summary>Units at different addresses provisioned at once; units behind -ApSsid always go one at a time.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>Switch between the access points of AP-mode simulators in this session instead of the computer's Wi-Fi.</summary>
    [Parameter]
    public SwitchParameter SimulatedWlan { get; set; }

    /// <summary>Where the session credentials come from (unverified on real units).</summary>
    [Parameter]
    public WifiCredentialSource CredentialSource { get; set; } = WifiCredentialSource.Auto;

    /// <summary>
    /// Consent to send a passphrase over V2, whose key is public. A plain parameter on purpose:
    /// consent to expose a secret comes from the person running the command, never from a CSV column.
    /// </summary>
    [Parameter]
    public SwitchParameter AllowUnencryptedTransport { get; set; }

    /// <summary>The 14 unknown bytes sent before the payload, as 28 hex digits; the WPA2 capture's by default.</summary>
    [Parameter]
    [ValidatePattern("^[0-9a-fA-F]{28}$")]
    public string? ProvisioningPrefix { get; set; }

    /// <summary>Cloud host sent to the unit (TLV 04).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string CloudHost { get; set; } = "module.appsmb.com";

    /// <summary>Cloud port sent to the unit (TLV 05).</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int CloudPort { get; set; } = 443;

    /// <summary>V2 message type that carries the command with -CredentialSource V2.</summary>
    [Parameter]
    [ValidateRange(0, 65535)]
    public int V2MessageType { get; set; } = V2Packet.ApplianceData;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        string apSsid = string.IsNullOrWhiteSpace(ApSsid) ? "" : ApSsid!.Trim();
        bool addressNamed = !string.IsNullOrWhiteSpace(Address);
        string address = addressNamed ? Address!.Trim() : StandardApAddress;
        ChannelPlan? plan = string.IsNullOrWhiteSpace(CountryCode) ? DefaultPlan() : ChannelPlans.For(CountryCode!.Trim());
        // A row that names only its access point shows that, not an address it never used.
        string? shownAddress = apSsid.Length > 0 && !addressNamed ? null : address;
        var result = new MideaWifiResult(shownAddress, apSsid.Length == 0 ? null : apSsid, Ssid ?? "", plan?.Country ?? CountryCode ?? "");
        WifiJob job;
        try
        {
            job = BuildJob(result, address, apSsid, plan);
        }
        catch (ArgumentException ex)
        {
            result.Add(new MideaWifiStep(WifiStepName.Validate, WifiStepOutcome.Failed, ex.Message, TimeSpan.Zero));
            result.FailedStep = WifiStepName.Validate.ToString();
            result.ErrorId = "InvalidArgument";
            result.Error = ex.Message;
            WriteError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, apSsid.Length > 0 ? apSsid : address));
            WriteObject(result);
            return;
        }
        if (job.ApSsid != null) _apSsids.Add(job.ApSsid);
        string target = apSsid.Length > 0 ? $"{apSsid} at {address}" : address;
        if (!ShouldProcess(target, $"Send Wi-Fi settings for network '{job.Settings.Ssid}' ({job.Settings.ChannelPlan.Country})"))
        {
            job.Wipe();
            return;
        }
        job.Result.Add(new MideaWifiStep(WifiStepName.Validate, WifiStepOutcome.Succeeded, $"Settings for '{job.Settings.Ssid}' are valid ({(job.Settings.Passphrase.Length == 0 ? "open network" : "WPA passphrase")}, {job.Settings.ChannelPlan}).", TimeSpan.Zero));
        _jobs.Add(job);
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (_jobs.Count == 0) return;
        IWlanClient? wlan = null;
        if (_jobs.Any(j => j.ApSsid != null))
        {
            wlan = SimulatedWlan ? new SimulatedWlanClient() : WlanClients.ForThisComputer();
            WriteVerbose($"Switching networks with {wlan.Description}.");
        }
        var pump = new PipelinePump(this);
        var provisioner = new WifiProvisioner(wlan, pump.Verbose, pump.Warning, DebugLog);
        var progress = new ProgressBar(this, 1, "Provisioning Wi-Fi");
        progress.Update($"0 of {_jobs.Count} units done", 0);
        int done = 0;
        void Write(WifiJob job)
        {
            done++;
            // Every unit, unthrottled: provisioning one takes seconds.
            progress.Update($"{done} of {_jobs.Count} units done; last: {job.Result.ApSsid ?? job.Result.Address}", 100 * done / _jobs.Count);
            if (job.Failure != null)
            {
                (string id, ErrorCategory category) = Classify(job.Failure);
                WriteError(new ErrorRecord(job.Failure, id, category, job.Result.ApSsid ?? job.Result.Address)
                {
                    ErrorDetails = new ErrorDetails($"{job.Result.ApSsid ?? job.Result.Address}: {job.Result.FailedStep} failed: {job.Failure.Message}"),
                });
            }
            WriteObject(job.Result);
        }
        try
        {
            // Stopped early (Ctrl+C, a downstream Select-Object -First): the units still in flight
            // are cancelled and given time to put the computer back on its own network, and only
            // then are their passphrases wiped.
            pump.Run(cancel => RunAllAsync(provisioner, job => pump.Post(() => Write(job)), cancel), RequestPolicy.RejoinGrace);
        }
        finally
        {
            // The passphrases are wiped before anything that may throw: once the pipeline is
            // stopping, FlushDebug does. The bar closes also when the batch was stopped.
            foreach (WifiJob job in _jobs) job.Wipe();
            progress.Complete();
            FlushDebug();
        }
    }

    /// <summary>
    /// Units reached directly run in parallel, one lane per address (a unit takes one session at a
    /// time). Units behind -ApSsid share the computer's one radio, so they run one by one, last.
    /// </summary>
    private async Task RunAllAsync(WifiProvisioner provisioner, Action<WifiJob> finished, CancellationToken cancel)
    {
        using var throttle = new SemaphoreSlim(ThrottleLimit);
        IEnumerable<Task> lanes = _jobs.Where(j => j.ApSsid is null).GroupBy(j => j.Options.Address).Select(async lane =>
        {
            await throttle.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                foreach (WifiJob job in lane)
                {
                    await RunOneAsync(provisioner, job, cancel).ConfigureAwait(false);
                    finished(job);
                }
            }
            finally
            {
                throttle.Release();
            }
        });
        await Task.WhenAll(lanes.ToList()).ConfigureAwait(false);
        foreach (WifiJob job in _jobs.Where(j => j.ApSsid != null))
        {
            await RunOneAsync(provisioner, job, cancel).ConfigureAwait(false);
            finished(job);
        }
    }

    /// <summary>Runs one unit; even a failure nobody foresaw becomes that unit's result, so no row is lost.</summary>
    private static async Task RunOneAsync(WifiProvisioner provisioner, WifiJob job, CancellationToken cancel)
    {
        try
        {
            await provisioner.RunAsync(job, cancel).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancel.IsCancellationRequested)
        {
            job.Result.Success = false;
            job.Result.FailedStep ??= WifiStepName.Unexpected.ToString();
            job.Result.ErrorId ??= "UnexpectedError";
            job.Result.Error ??= ex.Message;
            job.Failure ??= ex;
        }
    }

    /// <exception cref="ArgumentException">A value is invalid; the message names it.</exception>
    private WifiJob BuildJob(MideaWifiResult result, string address, string apSsid, ChannelPlan? plan)
    {
        if (apSsid.Length > 0 && _apSsids.Contains(apSsid))
            throw new ArgumentException($"ApSsid '{apSsid}' is a duplicate: an earlier row of this batch names the same access point, and a unit is provisioned once. This row is skipped.");
        if (plan is null)
            throw new ArgumentException($"CountryCode '{CountryCode}' has no channel plan. Known: {string.Join(", ", ChannelPlans.Countries)}.");
        if (!IPAddress.TryParse(address, out _)) throw new ArgumentException($"Address '{address}' is not an IP address.");
        if (Port is < 1 or > 65535) throw new ArgumentException($"Port {Port} is not 1 to 65535.");
        var settings = new WifiSettings
        {
            Ssid = Ssid ?? "",
            Passphrase = Passphrase is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(Secrets.ToPlain(Passphrase)),
            Bssid = string.IsNullOrWhiteSpace(Bssid) ? new byte[6] : ParseMac(Bssid!),
            ChannelPlan = plan,
            CloudHost = CloudHost,
            CloudPort = CloudPort,
        };
        ProvisioningPayload.Validate(settings);
        var options = new ProvisioningOptions
        {
            Address = address,
            Port = Port,
            CredentialSource = EnumMapping.ToProtocol(CredentialSource),
            V2MessageType = (ushort)V2MessageType,
        };
        if (ApPassword != null) options.ApPassword = Secrets.ToPlain(ApPassword);
        if (ProvisioningPrefix != null) options.Prefix = Hex.Decode(ProvisioningPrefix);
        var job = new WifiJob(result, settings, options)
        {
            ApSsid = apSsid.Length == 0 ? null : apSsid,
            AllowUnencryptedTransport = AllowUnencryptedTransport,
            Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
            WaitTimeout = TimeSpan.FromSeconds(WaitTimeoutSeconds),
            WaitTargets = WaitForNetwork is null ? Array.Empty<IPAddress>() : WaitForNetwork.SelectMany(DiscoveryTargets.Expand).Distinct().ToList(),
        };
        bool hasToken = Token is { Length: > 0 }, hasKey = Key is { Length: > 0 };
        if (hasToken != hasKey) throw new ArgumentException("Give -Token and -Key together.");
        if (hasToken)
        {
            job.Token = Secrets.HexBytes(Token!, Handshake.TokenSize, "token");
            job.Key = Secrets.HexBytes(Key!, Handshake.KeySize, "key");
        }
        else if (CredentialSource == WifiCredentialSource.Token)
        {
            throw new ArgumentException("-CredentialSource Token needs -Token and -Key.");
        }
        return job;
    }

    private static byte[] ParseMac(string text)
    {
        byte[] bytes;
        try
        {
            bytes = Hex.Decode(text.Trim());
        }
        catch (FormatException)
        {
            bytes = Array.Empty<byte>();
        }
        if (bytes.Length != 6) throw new ArgumentException($"Bssid '{text}' is not a MAC address (six hex pairs such as aa:bb:cc:dd:ee:ff).");
        return bytes;
    }

    /// <summary>The plan of the current culture's region, else the captured EU plan (with a warning, once).</summary>
    private ChannelPlan DefaultPlan()
    {
        if (_defaultPlan != null) return _defaultPlan;
        string region;
        try
        {
            region = new RegionInfo(CultureInfo.CurrentCulture.Name).TwoLetterISORegionName;
        }
        catch (ArgumentException)
        {
            region = "";
        }
        _defaultPlan = ChannelPlans.For(region);
        if (_defaultPlan is null)
        {
            WriteWarning($"No channel plan for the region of the current culture ('{CultureInfo.CurrentCulture.Name}', empty when invariant); sending the EU plan (DE). Give -CountryCode to choose.");
            _defaultPlan = ChannelPlans.Germany;
        }
        else
        {
            WriteVerbose($"Channel plan from the current culture: {_defaultPlan}.");
        }
        return _defaultPlan;
    }
}
