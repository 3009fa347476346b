using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using Midea.PowerShell.Internal;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Finds units by UDP discovery and writes each as it answers. With only unicast targets it
/// returns as soon as every target has answered.
/// </summary>
[Cmdlet(VerbsCommon.Find, "MideaDevice", HelpUri = "https://github.com/midea-powershell/Midea#find-mideadevice")]
[OutputType(typeof(MideaDevice))]
public sealed class FindMideaDeviceCommand : MideaCmdlet
{
    private const int ProgressActivity = 0x4d44;
    private readonly List<IPAddress> _unicast = new();
    private readonly HashSet<IPAddress> _seenTargets = new();

    /// <summary>Hosts, IPv4 addresses or CIDR ranges to probe. Without it (and without -Broadcast) the local network is probed by broadcast.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("IPAddress", "Ip", "Host")]
    [ValidateNotNullOrEmpty]
    public string[]? Address { get; set; }

    /// <summary>Also probe by broadcast (255.255.255.255); the run then lasts the whole timeout.</summary>
    [Parameter]
    public SwitchParameter Broadcast { get; set; }

    /// <summary>How long to listen for replies.</summary>
    [Parameter]
    [ValidateRange(1, 120)]
    public int TimeoutSeconds { get; set; } = RequestPolicy.DefaultDiscoverySeconds;

    /// <summary>Stop after this many devices.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (Address is null) return;
        foreach (string target in Address)
        {
            try
            {
                foreach (IPAddress address in DiscoveryTargets.Expand(target))
                {
                    if (_seenTargets.Add(address)) _unicast.Add(address);
                }
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, "InvalidTarget", ErrorCategory.InvalidArgument, target));
            }
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        bool broadcast = Broadcast.IsPresent || (Address is null && _unicast.Count == 0 && !MyInvocation.ExpectingInput);
        if (_unicast.Count == 0 && !broadcast) return;
        IPAddress[] broadcastTargets = broadcast ? new[] { DiscoveryTargets.Broadcast } : Array.Empty<IPAddress>();
        WriteVerbose(broadcast
            ? $"Probing {_unicast.Count} address(es) and the broadcast address for {TimeoutSeconds} s."
            : $"Probing {_unicast.Count} address(es) for up to {TimeoutSeconds} s.");

        TimeSpan limit = TimeSpan.FromSeconds(TimeoutSeconds);
        var clock = Stopwatch.StartNew();
        var progress = new ProgressBar(this, ProgressActivity, "Find-MideaDevice");
        int found = 0;
        var pump = new PipelinePump(this, () =>
        {
            if (progress.Due) progress.Update($"{found} device(s) found", (int)Math.Min(100, 100 * clock.Elapsed.TotalSeconds / TimeoutSeconds));
        });
        // Shown from the start: the sweep is a time window, and so the bar closes even when a
        // downstream Select-Object -First stops it at the first reply.
        progress.Update("0 device(s) found", 0);
        try
        {
            // Each reply is written on the pipeline thread as it comes.
            pump.Run(cancel => DiscoveryClient.RunAsync(_unicast, broadcastTargets, limit, reply => pump.Post(() =>
            {
                if (Write(reply)) found++;
            }), Count, cancel, DebugLog), grace: TimeSpan.Zero);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            // The probe socket itself failed (no IPv4, broadcast not permitted): nothing can be found.
            ThrowTerminatingError(new ErrorRecord(ex, "DiscoveryFailed", ErrorCategory.ConnectionError, null));
        }
        finally
        {
            // Also when a downstream Select-Object -First or Ctrl+C stops the sweep; first, because
            // once the pipeline is stopping, FlushDebug throws.
            progress.Complete($"{found} device(s) found");
            FlushDebug();
        }
        WriteVerbose($"Discovery finished in {clock.Elapsed.TotalSeconds:0.00} s with {found} device(s).");
        // Silence is easy to mistake for "still working" or "nothing to do": say it.
        if (found == 0)
        {
            string asked = _unicast.Count == 0 ? "the broadcast address" : $"{_unicast.Count} address(es){(broadcast ? " and the broadcast address" : "")}";
            WriteWarning($"No Midea unit answered: asked {asked} for {TimeoutSeconds} s. Check the addresses, that the units are on, and that UDP ports 6445 and 20086 are not blocked.");
        }
    }

    /// <summary>Writes a device, or says what was wrong with the reply; each case comes at most once per address (DiscoveryClient sees to it).</summary>
    private bool Write(DiscoveryResult reply)
    {
        switch (reply.Kind)
        {
            case DiscoveryReplyKind.Undecodable:
                WriteWarning($"Ignored a reply from {reply.Source} that is not a valid discovery reply: {reply.Error!.Message} Further replies like it from {reply.Source} are ignored silently.");
                return false;
            case DiscoveryReplyKind.Unasked:
                WriteVerbose($"Ignored replies from {reply.Source}, which is not one of the addresses asked.");
                return false;
            case DiscoveryReplyKind.AnotherId:
                WriteWarning($"{reply.Source} answered as device id {reply.Info!.DeviceId} after answering as id {reply.KeptDeviceId}; id {reply.KeptDeviceId} stands, and further ids from {reply.Source} are ignored.");
                return false;
        }
        DiscoveryInfo info = reply.Info!;
        if (info.ProtocolVersion == 1)
        {
            WriteWarning($"{reply.Source} is a V1 (XML) unit, which this module does not support.");
            return false;
        }
        var device = new MideaDevice(reply.Source.ToString(), info.Port, info.DeviceId, info.Name, info.SerialNumber,
            Appliance.TypeName(info.ApplianceType),
            info.ProtocolVersion, info.Mac is null ? null : Hex.FormatMac(info.Mac));
        KnownDevices.Remember(device);
        WriteVerbose($"Found {device.Name} at {device.Address} (V{device.ProtocolVersion}, id {device.Id}).");
        WriteObject(device);
        return true;
    }
}
