using System;
using System.Net.Sockets;

namespace Midea.Protocol.Transport;

/// <summary>
/// Every time limit and retry rule of the module, in one place (docs/architecture.md §3.1): how long
/// one request may take, how long a whole operation may take, which failures are asked again and
/// how often, the backoff, and what counts as "sent" for a change. Device sessions, discovery,
/// provisioning and the cloud clients take their numbers from here; a change of policy is an edit
/// of this file.
/// </summary>
public sealed class RequestPolicy
{
    /// <summary>The default limit for connecting and for each request to a unit.</summary>
    public const int DefaultRequestSeconds = 5;

    /// <summary>
    /// The most requests one appliance operation makes (reading the state with every part: state,
    /// two capability pages, properties, energy and five data groups is ten). A session refuses a
    /// request beyond it, so adding a request to an operation cannot silently shorten its deadline:
    /// it fails a test instead.
    /// </summary>
    public const int MostRequestsPerOperation = 12;

    /// <summary>The policy with the default request limit.</summary>
    public static RequestPolicy Default { get; } = new(TimeSpan.FromSeconds(DefaultRequestSeconds));

    /// <summary>A policy with its own limit per request.</summary>
    public RequestPolicy(TimeSpan requestTimeout)
    {
        if (requestTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(requestTimeout), "The request limit must be positive.");
        RequestTimeout = requestTimeout;
    }

    /// <summary>Limit for the connect, the V3 handshake, and each request.</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Attempts for a read, the first included; a change is written once.</summary>
    public int ReadAttempts { get; init; } = 3;

    /// <summary>Wait before the second attempt; doubled before each further one.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Limit for a whole operation (one appliance call: a read with its parts, a change): every
    /// request it may make with all its attempts and backoff. A unit that answers each request just
    /// in time, or garbles every answer, still ends within it.
    /// </summary>
    public TimeSpan OperationDeadline
    {
        get
        {
            TimeSpan backoff = TimeSpan.Zero;
            for (int attempt = 1; attempt < ReadAttempts; attempt++) backoff += BackoffBefore(attempt + 1);
            // The connect and handshake count as one request; each request may be re-asked on a
            // fresh connection, which costs a connect and a handshake again.
            return TimeSpan.FromTicks(RequestTimeout.Ticks * (1 + MostRequestsPerOperation)) + backoff;
        }
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 or more).</summary>
    public TimeSpan BackoffBefore(int attempt) => TimeSpan.FromTicks(FirstBackoff.Ticks << Math.Max(0, attempt - 2));

    /// <summary>
    /// Whether a failed read is asked again on a fresh connection: a connection that closed or
    /// reset, or bytes that did not decode. An authentication failure or a refusal is an answer,
    /// and asking again gives the same one; a timeout has used the caller's time.
    /// </summary>
    public static bool IsRetryable(Exception failure) =>
        failure is DeviceUnreachableException or SocketException or MideaProtocolException { Fault: not ProtocolFault.Unsupported };

    /// <summary>
    /// What counts as sent for a change: the request was written in full (the connection's packet
    /// count grew), and the failure is not the unit's ERROR answer to a V3 request, which says it did
    /// not take it. A change that counts as sent and then fails may or may not have been applied,
    /// and is never written again.
    /// </summary>
    public static bool MayHaveApplied(long packetsBefore, long packetsAfter, Exception failure) =>
        packetsAfter > packetsBefore && failure is not AuthenticationFailedException;

    /// <summary>How often discovery probes a target that has not answered yet (UDP may drop a probe).</summary>
    public static TimeSpan DiscoveryResend { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Time a caller waiting on a discovery allows beyond its listening time (binding the socket,
    /// closing it, a reply read at the last moment) before it calls the discovery itself hung.
    /// </summary>
    public static TimeSpan DiscoverySlack { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a caller waits for a discovery that listens for <paramref name="listen"/>.</summary>
    public static TimeSpan DiscoveryDeadline(TimeSpan listen) => listen + DiscoverySlack;

    /// <summary>The default listening time of a discovery sweep.</summary>
    public const int DefaultDiscoverySeconds = 5;

    /// <summary>The default limit for each network step of provisioning (join, discovery, connect, acknowledgement); an access point takes longer than a unit.</summary>
    public const int DefaultProvisioningStepSeconds = 10;

    /// <summary>The default time to look for a provisioned unit on its new network.</summary>
    public const int DefaultNetworkSearchSeconds = 120;

    /// <summary>Length of one discovery round while looking for a provisioned unit on its new network.</summary>
    public static TimeSpan NetworkSearchRound { get; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a stopped provisioning batch may take to put the computer back on its own network (netsh and nmcli take seconds).</summary>
    public static TimeSpan RejoinGrace { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The default limit for one call to a vendor cloud.</summary>
    public const int DefaultCloudCallSeconds = 10;

    /// <summary>Tries per cloud call when a try times out (the clouds are slow, not flaky).</summary>
    public const int CloudTries = 3;
}
