using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Transport;

/// <summary>
/// Sends discovery probes to both ports of every target and reports replies as they arrive,
/// once per device. It stops when every unicast target has answered, when <c>maxDevices</c>
/// were found, or when the timeout passes. Unanswered targets are probed again every
/// <see cref="RequestPolicy.DiscoveryResend"/> because UDP may drop a probe.
/// </summary>
/// <remarks>
/// Any host on the network can send datagrams, so replies are not trusted: a unicast sweep hears
/// only its targets, each address yields at most one device, and a host that floods (new ids,
/// garbage) is reported once per kind of misbehaviour (<see cref="DiscoveryReplyKind"/>), with
/// memory bounded by <see cref="DiscoverySources"/>. A broadcast sweep accepts any source, since
/// units answer from addresses nobody named.
/// </remarks>
public static class DiscoveryClient
{
    /// <summary>Runs one discovery.</summary>
    /// <param name="unicast">Single hosts; the run ends early once each has answered.</param>
    /// <param name="broadcast">Broadcast addresses; with any, the run lasts the whole timeout.</param>
    /// <param name="timeout">The longest the run lasts.</param>
    /// <param name="onReply">Called for each new device and each first notice of a misbehaving address (see <see cref="DiscoveryReplyKind"/>), on a pool thread.</param>
    /// <param name="maxDevices">Stop after this many devices; 0 for no limit.</param>
    /// <param name="cancel">Stops the run.</param>
    /// <param name="log">Protocol detail for a debug stream: the probes sent, failed probes, and a summary at the end.</param>
    public static async Task RunAsync(IReadOnlyCollection<IPAddress> unicast, IReadOnlyCollection<IPAddress> broadcast,
        TimeSpan timeout, Action<DiscoveryResult> onReply, int maxDevices, CancellationToken cancel, Action<string>? log = null)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            // SIO_UDP_CONNRESET off: otherwise an ICMP "port unreachable" from a silent host
            // surfaces as a connection reset on the next receive and ends the sweep.
            socket.IOControl(unchecked((int)0x9800000C), new byte[4], null);
        }
        socket.EnableBroadcast = broadcast.Count > 0;
        socket.Bind(new IPEndPoint(IPAddress.Any, 0));
        byte[] probe = Discovery.CreateProbe();
        var waiting = new HashSet<IPAddress>(unicast);
        var targets = new HashSet<IPAddress>(unicast);
        bool anySource = broadcast.Count > 0;
        var sources = new DiscoverySources();
        int found = 0;
        var clock = Stopwatch.StartNew();
        TimeSpan nextSend = TimeSpan.Zero;
        var buffer = new byte[2048];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var registration = stop.Token.Register(socket.Dispose);
        Task<SocketReceiveFromResult>? pending = null;

        while (clock.Elapsed < timeout && (broadcast.Count > 0 || waiting.Count > 0) && (maxDevices == 0 || found < maxDevices))
        {
            // A caller may cancel from onReply; the socket is gone by then, so stop before touching it.
            cancel.ThrowIfCancellationRequested();
            if (clock.Elapsed >= nextSend)
            {
                int sent = SendProbes(socket, probe, waiting, broadcast, log);
                log?.Invoke($"Sent {sent} probes at {clock.Elapsed.TotalSeconds:0.0} s.");
                nextSend = clock.Elapsed + RequestPolicy.DiscoveryResend;
            }
            pending ??= socket.ReceiveFromAsync(new ArraySegment<byte>(buffer), SocketFlags.None, new IPEndPoint(IPAddress.Any, 0));
            TimeSpan wait = Min(nextSend, timeout) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                Task finished = await Task.WhenAny(pending, Task.Delay(wait, cancel)).ConfigureAwait(false);
                cancel.ThrowIfCancellationRequested();
                if (finished != pending) continue;
            }
            else if (!pending.IsCompleted) continue;

            SocketReceiveFromResult received;
            try
            {
                received = await pending.ConfigureAwait(false);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                pending = null;
                continue;
            }
            pending = null;
            var source = ((IPEndPoint)received.RemoteEndPoint).Address;
            var datagram = new byte[received.ReceivedBytes];
            Buffer.BlockCopy(buffer, 0, datagram, 0, datagram.Length);
            DiscoveryResult? result = sources.Classify(source, anySource || targets.Contains(source), datagram);
            if (sources.Answered(source)) waiting.Remove(source);
            if (result is null) continue;
            if (result.Kind == DiscoveryReplyKind.Device) found++;
            onReply(result);
        }
        // The socket closes on return; observe the receive it aborts so nothing goes unobserved.
        _ = pending?.ContinueWith(t => t.Exception, TaskScheduler.Default);
        cancel.ThrowIfCancellationRequested();
        log?.Invoke($"Discovery ended after {clock.Elapsed.TotalSeconds:0.00} s: {found} device(s), {waiting.Count} target(s) silent, {sources.Dropped} reply(ies) dropped as repeats or floods.");
    }

    /// <summary>Asks one address for its identity: the unit's reply, or null when nothing answered in time.</summary>
    /// <exception cref="MideaProtocolException">The reply did not decode, or the unit speaks V1 (Unsupported).</exception>
    public static async Task<DiscoveryInfo?> AskAsync(IPAddress address, TimeSpan timeout, CancellationToken cancel, Action<string>? log = null)
    {
        // Unicast: only a reply from this very address counts, so another host cannot lend it an id.
        DiscoveryResult? answer = null;
        void Heard(DiscoveryResult reply)
        {
            if (reply.Kind == DiscoveryReplyKind.Device) answer = reply;
            else if (reply.Kind == DiscoveryReplyKind.Undecodable) answer ??= reply;
            else log?.Invoke($"Ignored a discovery reply from {reply.Source}, which was not asked.");
        }
        await RunAsync(new[] { address }, Array.Empty<IPAddress>(), timeout, Heard, 1, cancel, log).ConfigureAwait(false);
        if (answer is null) return null;
        if (answer.Error != null) throw new MideaProtocolException(answer.Error.Fault, $"{address} sent a discovery reply that does not decode: {answer.Error.Message}", answer.Error);
        if (answer.Info!.ProtocolVersion == 1)
            throw new MideaProtocolException(ProtocolFault.Unsupported, $"{address} is a V1 (XML) unit; only V2 and V3 are supported.");
        return answer.Info;
    }

    private static int SendProbes(Socket socket, byte[] probe, IEnumerable<IPAddress> unicast, IEnumerable<IPAddress> broadcast, Action<string>? log)
    {
        int sent = 0;
        foreach (IPAddress target in Concat(unicast, broadcast))
        {
            foreach (int port in Discovery.Ports)
            {
                try
                {
                    socket.SendTo(probe, new IPEndPoint(target, port));
                    sent++;
                }
                catch (SocketException ex)
                {
                    // One bad target (no route, permission) must not end the sweep.
                    log?.Invoke($"Probe to {target}:{port} failed: {ex.SocketErrorCode}.");
                }
            }
        }
        return sent;
    }

    private static IEnumerable<IPAddress> Concat(IEnumerable<IPAddress> a, IEnumerable<IPAddress> b)
    {
        foreach (IPAddress x in a) yield return x;
        foreach (IPAddress x in b) yield return x;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
