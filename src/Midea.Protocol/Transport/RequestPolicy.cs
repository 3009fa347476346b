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

    /// <summary>
    /// How long a kept session with a unit may sit unused before it is closed (Set-MideaOption
    /// -SessionIdleSeconds). About a minute: consecutive commands of a script or a user reuse it, and
    /// a unit that accepts few connections is not held long by a shell left open.
    /// </summary>
    public const int DefaultSessionIdleSeconds = 60;

    /// <summary>
    /// How long one connection of a kept session may live before the next command opens a new one
    /// (Set-MideaOption -SessionLifetimeSeconds): a bound on how long one V3 link key is used.
    /// </summary>
    public const int DefaultSessionLifetimeSeconds = 3600;

    /// <summary>How often the kept sessions are checked for idleness.</summary>
    public static TimeSpan SessionSweep { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a watch reads a unit's state when nothing else made it (Watch-MideaState -IntervalSeconds); midea-local polls every 30 s too (protocol.md §5.10).</summary>
    public const int DefaultWatchIntervalSeconds = 30;

    /// <summary>How long an ending watch waits for its units to let their sessions go; a Ctrl+C returns within it.</summary>
    public static TimeSpan DefaultWatchGrace { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A watched connection with no traffic for this long gets a heartbeat (midea-local's interval, protocol.md §5.10).</summary>
    public static TimeSpan HeartbeatInterval { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait before a watch tries an offline unit again; doubled after each failure up to <see cref="ReconnectCap"/>.</summary>
    public static TimeSpan ReconnectFirst { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between a watch's tries of an offline unit.</summary>
    public static TimeSpan ReconnectCap { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before try <paramref name="failures"/> + 1 of an offline unit: <see cref="ReconnectFirst"/> doubled per failure, capped.</summary>
    public static TimeSpan ReconnectDelay(int failures)
    {
        double seconds = ReconnectFirst.TotalSeconds * Math.Pow(2, Math.Max(0, Math.Min(failures - 1, 16)));
        return TimeSpan.FromSeconds(Math.Min(seconds, ReconnectCap.TotalSeconds));
    }

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
    /// Limit for a whole operation (one appliance call: a read with its parts, a change): each of
    /// the most requests an operation may make gets its full limit, the connect and handshake one
    /// more, plus the backoff of one request's retries. A unit that answers each request just in
    /// time, or garbles every answer, still ends within it. The help of the device cmdlets states
    /// it as "13 times -TimeoutSeconds"; change both together.
    /// </summary>
    public TimeSpan OperationDeadline
    {
        get
        {
            TimeSpan backoff = TimeSpan.Zero;
            for (int attempt = 2; attempt <= ReadAttempts; attempt++) backoff += BackoffBefore(attempt);
            return TimeSpan.FromTicks(RequestTimeout.Ticks * (1 + MostRequestsPerOperation)) + backoff;
        }
    }

    /// <summary>
    /// The longest wait for the answer to the appliance query (protocol.md §5.11), asked once. It is
    /// an extra asked only on request, and not every unit may answer it (midea-local gives a unit
    /// two tries of 5 s before it stops asking), so silence costs this much and no more.
    /// </summary>
    public static TimeSpan ApplianceInfoWait { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait for the appliance answer under this policy: <see cref="ApplianceInfoWait"/>, or the request limit when that is shorter.</summary>
    public TimeSpan ApplianceInfoLimit => RequestTimeout < ApplianceInfoWait ? RequestTimeout : ApplianceInfoWait;

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
    /// The limit around asking one address who it is (<see cref="DiscoveryClient.AskAsync"/>) for
    /// <paramref name="listen"/>: a second longer, so that the ask's own ending ("nobody answered")
    /// comes first and this limit only catches an ask that hangs.
    /// </summary>
    public static TimeSpan AskDeadline(TimeSpan listen) => listen + TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a saved unit that no longer answers at its address is looked for by its device id
    /// (the device cmdlets' -SearchRange): two probe rounds, ended as soon as the id answers. A
    /// unit that DHCP moved answers discovery at once; a longer wait only delays the error of a
    /// unit that is switched off.
    /// </summary>
    public static TimeSpan MovedUnitSearch { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The default listening time of a discovery sweep.</summary>
    public const int DefaultDiscoverySeconds = 5;

    /// <summary>The default limit for each network step of provisioning (join, discovery, connect, acknowledgement); an access point takes longer than a unit.</summary>
    public const int DefaultProvisioningStepSeconds = 10;

    /// <summary>
    /// The policy of one provisioning session: <paramref name="stepTimeout"/> (the user's limit per
    /// step) for the connect, the handshake and the acknowledgement, each tried once. Every stage
    /// reached is a step of the unit's report, which a second connect would repeat, and a unit in
    /// AP mode that fails is looked at by the user before the row is run again.
    /// </summary>
    public static RequestPolicy ForProvisioning(TimeSpan stepTimeout) => new(stepTimeout) { ReadAttempts = 1 };

    /// <summary>The default time to look for a provisioned unit on its new network.</summary>
    public const int DefaultNetworkSearchSeconds = 120;

    /// <summary>Length of one discovery round while looking for a provisioned unit on its new network.</summary>
    public static TimeSpan NetworkSearchRound { get; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a stopped provisioning batch may take to put the computer back on its own network (netsh and nmcli take seconds).</summary>
    public static TimeSpan RejoinGrace { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one run of the computer's own Wi-Fi tool (netsh, nmcli, networksetup) that does not wait for a network.</summary>
    public static TimeSpan WlanCommandLimit { get; } = TimeSpan.FromSeconds(15);

    /// <summary>What a Wi-Fi tool may take beyond its own wait for a network (it starts, then reports).</summary>
    public static TimeSpan WlanJoinSlack { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The default limit for one call to a vendor cloud.</summary>
    public const int DefaultCloudCallSeconds = 10;

    /// <summary>Tries per cloud call when a try times out (the clouds are slow, not flaky).</summary>
    public const int CloudTries = 3;

    /// <summary>
    /// The limit for a whole token lookup (Get-MideaToken). It counts four cloud calls with all
    /// their tries (the login id and the login, then getToken for the udpid of each byte order of
    /// the id), and four <paramref name="unitTimeout"/>s for trying the pairs on the unit (one pair
    /// per byte order, each a connect and a V3 handshake).
    /// </summary>
    public static TimeSpan CloudLookupDeadline(TimeSpan unitTimeout) =>
        TimeSpan.FromTicks(TimeSpan.FromSeconds(DefaultCloudCallSeconds).Ticks * CloudTries * 4 + unitTimeout.Ticks * 4);
}
