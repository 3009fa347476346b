using System;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Midea.PowerShell.Internal.Wlan;
using Midea.Protocol;
using Midea.Protocol.Codec;
using Midea.Protocol.Provisioning;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Runs the steps of provisioning one unit and records each in its result: join the unit's AP
/// (bulk), find the unit, connect, authenticate, send the settings, rejoin the original network,
/// and look for the unit on its new network. A failed step ends the unit's run, never the batch.
/// </summary>
internal sealed class WifiProvisioner
{
    private readonly IWlanClient? _wlan;
    private readonly Action<string> _verbose;
    private readonly Action<string> _warning;
    private readonly Action<string> _debug;

    public WifiProvisioner(IWlanClient? wlan, Action<string> verbose, Action<string> warning, Action<string> debug)
    {
        _wlan = wlan;
        _verbose = verbose;
        _warning = warning;
        _debug = debug;
    }

    public async Task RunAsync(WifiJob job, CancellationToken cancel)
    {
        var total = Stopwatch.StartNew();
        MideaWifiResult result = job.Result;
        string? original = null;
        bool mayHaveLeft = false;
        try
        {
            IPAddress address = IPAddress.Parse(job.Options.Address);
            if (job.ApSsid is null)
            {
                Skip(result, WifiStepName.JoinAp, "No -ApSsid: the computer is expected to be on the unit's access point already.");
            }
            else
            {
                IPAddress? gateway = null;
                // Reading the current network is part of joining: it is the first use of the Wi-Fi
                // tool, so a missing or failing tool is this step's failure, not an unforeseen one.
                if (!await StepAsync(job, WifiStepName.JoinAp, () =>
                {
                    original = _wlan!.CurrentNetwork(cancel);
                    mayHaveLeft = true;
                    gateway = _wlan.Join(job.ApSsid, job.Options.ApPassword, job.Timeout, cancel);
                    return Task.FromResult($"Joined the access point '{job.ApSsid}' with {_wlan.Description}.");
                }, cancel).ConfigureAwait(false)) return;
                if (gateway != null) address = gateway;
            }
            result.Address = address.ToString();
            DiscoveryInfo? unit = null;
            if (!await StepAsync(job, WifiStepName.FindOnAp, async () =>
            {
                unit = await FindAsync(address, job.Timeout, cancel).ConfigureAwait(false);
                result.Id = unit.DeviceId;
                result.Name = unit.Name;
                result.ProtocolVersion = unit.ProtocolVersion;
                result.MacAddress = unit.Mac is null ? null : Hex.FormatMac(unit.Mac);
                return $"{unit.Name} (id {unit.DeviceId}, V{unit.ProtocolVersion}) answered at {address}.";
            }, cancel).ConfigureAwait(false)) return;
            if (!await SendAsync(job, address, unit!, cancel).ConfigureAwait(false)) return;
            result.Success = true;
        }
        finally
        {
            // Even after Ctrl+C the computer must not be left on the unit's access point.
            if (job.ApSsid != null) await RejoinAsync(job, original, mayHaveLeft, CancellationToken.None).ConfigureAwait(false);
            if (result.Success && job.WaitTargets.Count > 0 && !cancel.IsCancellationRequested) await WaitForNetworkAsync(job, cancel).ConfigureAwait(false);
            else if (result.Success) Skip(result, WifiStepName.FindOnNetwork, "No -WaitForNetwork: not looking for the unit on its new network.");
            result.Elapsed = total.Elapsed;
        }
    }

    private async Task<bool> SendAsync(WifiJob job, IPAddress address, DiscoveryInfo unit, CancellationToken cancel)
    {
        MideaWifiResult result = job.Result;
        DeviceEndpoint endpoint;
        try
        {
            endpoint = Endpoint(job, address, unit);
        }
        catch (Exception ex) when (MideaCmdlet.IsExpectedFailure(ex))
        {
            Fail(job, WifiStepName.Handshake, ex, TimeSpan.Zero);
            return false;
        }
        byte[] payload = ProvisioningPayload.Encode(job.Settings);
        byte[] command = job.Options.CommandData(payload);
        _verbose($"{address}: sending the Wi-Fi settings for '{job.Settings.Ssid}' ({command.Length} bytes, credentials: {result.CredentialSource}).");
        var clock = Stopwatch.StartNew();
        ProvisioningStage? reached = null;
        void Reached(ProvisioningStage stage)
        {
            reached = stage;
            WifiStepName name = stage switch { ProvisioningStage.Connected => WifiStepName.Connect, ProvisioningStage.Authenticated => WifiStepName.Handshake, _ => WifiStepName.Acknowledge };
            string detail = stage switch
            {
                ProvisioningStage.Connected => $"TCP connected to {endpoint}.",
                ProvisioningStage.Authenticated => "The unit accepted the V3 handshake.",
                _ => "The unit acknowledged the settings.",
            };
            result.Add(new MideaWifiStep(name, WifiStepOutcome.Succeeded, detail, clock.Elapsed));
            _verbose($"{address}: {detail}");
            clock.Restart();
        }
        try
        {
            byte[] acknowledgement = await ProvisioningClient.SendAsync(endpoint, command, job.Options, job.Timeout, Reached, cancel, _debug).ConfigureAwait(false);
            if (endpoint.ProtocolVersion == 2) result.Add(new MideaWifiStep(WifiStepName.Handshake, WifiStepOutcome.Skipped, "V2 has no handshake.", TimeSpan.Zero));
            result.Acknowledgement = Redact(Hex.Encode(acknowledgement), job.Settings.Passphrase);
            return true;
        }
        catch (Exception ex) when (MideaCmdlet.IsExpectedFailure(ex) || (ex is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            WifiStepName failed = reached switch
            {
                null => WifiStepName.Connect,
                ProvisioningStage.Connected when endpoint.ProtocolVersion == 3 => WifiStepName.Handshake,
                _ => WifiStepName.Acknowledge,
            };
            Fail(job, failed, ex, clock.Elapsed);
            return false;
        }
    }

    private DeviceEndpoint Endpoint(WifiJob job, IPAddress address, DiscoveryInfo unit)
    {
        MideaWifiResult result = job.Result;
        Protocol.Provisioning.WifiCredentialSource source = job.Options.CredentialSource;
        if (source == Protocol.Provisioning.WifiCredentialSource.Auto)
        {
            source = job.Token != null ? Protocol.Provisioning.WifiCredentialSource.Token
                : unit.ProtocolVersion == 2 ? Protocol.Provisioning.WifiCredentialSource.V2
                : Protocol.Provisioning.WifiCredentialSource.MintedFromAp;
        }
        result.CredentialSource = source.ToString();
        switch (source)
        {
            case Protocol.Provisioning.WifiCredentialSource.V2:
                ConsentToV2(job, address);
                return new DeviceEndpoint(address, job.Options.Port, unit.DeviceId, 2);
            case Protocol.Provisioning.WifiCredentialSource.Token:
                if (job.Token is null || job.Key is null) throw new ArgumentException("-CredentialSource Token needs -Token and -Key.");
                return new DeviceEndpoint(address, job.Options.Port, unit.DeviceId, 3, job.Token, job.Key);
            default:
                if (unit.Mac is null) throw new InvalidDeviceResponseException($"{address} did not report its MAC address, which minting a token from its access point needs; give -Token and -Key.");
                string apSsid = job.ApSsid ?? unit.Name;
                byte[] local = LocalKey.Derive(apSsid, Encoding.UTF8.GetBytes(job.Options.ApPassword), unit.Mac);
                (byte[] token, byte[] key) = LocalKey.Mint(local);
                _verbose($"{address}: minted a token from the access point '{apSsid}', its password and MAC {result.MacAddress} (unverified on real units).");
                return new DeviceEndpoint(address, job.Options.Port, unit.DeviceId, 3, token, key);
        }
    }

    /// <summary>
    /// The one place that decides whether a passphrase may go over V2. V2 framing only frames and
    /// signs, with an AES key and MD5 salt that are public constants, so anyone on the unit's
    /// access point can decode the settings; and since any host there can answer discovery as
    /// "V2", Auto alone must not choose it for a secret. Consent is -AllowUnencryptedTransport, or
    /// -CredentialSource V2 typed by the user; an open network has no secret to protect.
    /// </summary>
    /// <exception cref="InsecureTransportException">A passphrase without consent; nothing has been sent.</exception>
    private void ConsentToV2(WifiJob job, IPAddress address)
    {
        if (job.Settings.Passphrase.Length == 0) return;
        string unit = job.ApSsid is null ? address.ToString() : $"{job.ApSsid} ({address})";
        if (!job.AllowUnencryptedTransport && job.Options.CredentialSource != Protocol.Provisioning.WifiCredentialSource.V2)
        {
            throw new InsecureTransportException(
                $"{unit} answered discovery as a V2 unit. V2 encrypts with a key that is public, so anyone on the unit's access point could read the passphrase "
                + $"for '{job.Settings.Ssid}'; nothing was sent. To send it anyway, add -AllowUnencryptedTransport (or choose -CredentialSource V2); "
                + "to keep it secret, give the unit's own -Token and -Key for a V3 session, whose key comes from the handshake.");
        }
        _warning($"{unit}: the passphrase for '{job.Settings.Ssid}' travels over V2, whose key is public: anyone on the unit's access point can read it.");
    }

    /// <param name="job">The unit's run: its access point, timeout and result, where the step is recorded.</param>
    /// <param name="original">The network the computer was on before it joined the unit's access point; null when it was on none.</param>
    /// <param name="mayHaveLeft">False when the Wi-Fi tool failed before trying to switch, so there is nothing to come back from.</param>
    /// <param name="cancel">Stops the Wi-Fi tool; the run passes none, so that even after Ctrl+C the computer goes back to its network.</param>
    private async Task RejoinAsync(WifiJob job, string? original, bool mayHaveLeft, CancellationToken cancel)
    {
        if (!mayHaveLeft)
        {
            Skip(job.Result, WifiStepName.RejoinNetwork, "The computer did not leave its network: the Wi-Fi tool failed before switching.");
        }
        else if (original is null)
        {
            Skip(job.Result, WifiStepName.RejoinNetwork, "The computer was on no Wi-Fi network before; nothing to rejoin.");
        }
        else
        {
            bool rejoined = await StepAsync(job, WifiStepName.RejoinNetwork, () =>
            {
                _wlan!.Rejoin(original, job.Timeout, cancel);
                return Task.FromResult($"Back on '{original}'.");
            }, cancel).ConfigureAwait(false);
            if (!rejoined) job.Result.Success = false;
        }
        _wlan!.Forget(job.ApSsid!, cancel);
    }

    private async Task WaitForNetworkAsync(WifiJob job, CancellationToken cancel)
    {
        MideaWifiResult result = job.Result;
        bool seen = await StepAsync(job, WifiStepName.FindOnNetwork, async () =>
        {
            var clock = Stopwatch.StartNew();
            _verbose($"Looking for unit {result.Id} on {job.WaitTargets.Count} address(es) for up to {job.WaitTimeout.TotalSeconds:0} s.");
            while (clock.Elapsed < job.WaitTimeout)
            {
                IPAddress? found = null;
                using var round = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                TimeSpan left = job.WaitTimeout - clock.Elapsed;
                TimeSpan limit = left < RequestPolicy.NetworkSearchRound ? left : RequestPolicy.NetworkSearchRound;
                try
                {
                    await DiscoveryClient.RunAsync(job.WaitTargets, Array.Empty<IPAddress>(), limit, reply =>
                    {
                        if (reply.Info?.DeviceId != result.Id) return;
                        found = reply.Source;
                        round.Cancel();
                    }, 0, round.Token, _debug).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    // Ended early because the unit answered.
                }
                if (found != null)
                {
                    result.NewAddress = found.ToString();
                    return $"Unit {result.Id} answered at {found} after {clock.Elapsed.TotalSeconds:0.0} s.";
                }
                cancel.ThrowIfCancellationRequested();
            }
            throw new DeviceTimeoutException($"Unit {result.Id} was not seen on the target network within {job.WaitTimeout.TotalSeconds:0} s. It may have failed to join '{job.Settings.Ssid}', or sits outside -WaitForNetwork.");
        }, cancel).ConfigureAwait(false);
        if (!seen) result.Success = false;
    }

    private async Task<DiscoveryInfo> FindAsync(IPAddress address, TimeSpan timeout, CancellationToken cancel)
    {
        UnitIdentity unit = await UnitDiscovery.AskAsync(address, timeout,
            () => $"No unit answered discovery at {address} within {timeout.TotalSeconds:0} s. Is the unit in AP mode, and is this computer on its access point?",
            _debug, cancel).ConfigureAwait(false);
        return unit.Info;
    }

    /// <returns>False when the step failed (recorded in the result).</returns>
    private async Task<bool> StepAsync(WifiJob job, WifiStepName name, Func<Task<string>> work, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            string detail = await work().ConfigureAwait(false);
            job.Result.Add(new MideaWifiStep(name, WifiStepOutcome.Succeeded, detail, clock.Elapsed));
            _verbose($"{Label(job.Result)}: {detail}");
            return true;
        }
        catch (Exception ex) when (MideaCmdlet.IsExpectedFailure(ex) || (ex is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            Fail(job, name, ex, clock.Elapsed);
            return false;
        }
    }

    private void Fail(WifiJob job, WifiStepName step, Exception ex, TimeSpan elapsed)
    {
        MideaWifiResult result = job.Result;
        if (ex is OperationCanceledException) ex = new DeviceTimeoutException($"{step}: no answer within {job.Timeout.TotalSeconds:0} s.", ex);
        result.Add(new MideaWifiStep(step, WifiStepOutcome.Failed, ex.Message, elapsed));
        result.Success = false;
        if (result.FailedStep is null)
        {
            result.FailedStep = step.ToString();
            result.ErrorId = MideaCmdlet.Classify(ex).Id;
            result.Error = ex.Message;
            job.Failure = ex;
        }
        _verbose($"{Label(result)}: {step} failed: {ex.Message}");
    }

    /// <summary>How a unit is named in messages: its access point, else its address (unknown before the access point is joined).</summary>
    private static string Label(MideaWifiResult result) => result.ApSsid ?? result.Address ?? "";

    private static void Skip(MideaWifiResult result, WifiStepName step, string why) =>
        result.Add(new MideaWifiStep(step, WifiStepOutcome.Skipped, why, TimeSpan.Zero));

    /// <summary>Masks the passphrase should a unit ever echo it in its acknowledgement.</summary>
    private static string Redact(string hex, byte[] passphrase) =>
        passphrase.Length == 0 ? hex : hex.Replace(Hex.Encode(passphrase), "<passphrase>");
}
