using System;

namespace Midea.Simulator;

/// <summary>
/// Faults a <see cref="VirtualAirConditioner"/> injects into its replies, for testing how clients
/// cope with slow, lossy or broken units. A plan is plain data: assign it to
/// <see cref="VirtualAirConditioner.Faults"/> (the unit takes a copy) and assign again to change it
/// while the unit runs.
/// </summary>
/// <remarks>
/// <para>
/// A <em>reply</em> is one packet the unit owes: a V3 handshake response (or its ERROR packet), a
/// V2 or encrypted V3 response, a provisioning acknowledgement, or a discovery reply. Each is
/// handled in this order:
/// </para>
/// <list type="number">
/// <item><see cref="Silent"/>: withheld, no delay.</item>
/// <item><see cref="ResponseDelay"/> passes.</item>
/// <item><see cref="DropFirst"/>, then <see cref="DropPercent"/>: withheld.</item>
/// <item>TCP only, the bytes are shaped: <see cref="Garbage"/> scrambles them, <see cref="Truncate"/>
/// cuts the end off, <see cref="CloseMidResponse"/> keeps the first half.</item>
/// <item>TCP only, they are written: at once, or one by one with <see cref="SlowDrip"/>; then with
/// <see cref="CloseMidResponse"/> the connection is closed.</item>
/// </list>
/// <para>
/// Discovery replies only see <see cref="Silent"/>, <see cref="ResponseDelay"/>,
/// <see cref="DropFirst"/> and <see cref="DropPercent"/>; they are sent whole or not at all, and a
/// sent one may be followed by a <see cref="DiscoveryFlood"/>. What a reply says can be wrong too:
/// <see cref="ForeignDeviceId"/> and <see cref="WrongDataGroup"/>.
/// A withheld reply counts in <see cref="VirtualAirConditioner.RepliesDropped"/>, any reply that
/// puts bytes on the wire (mangled or not) in <see cref="VirtualAirConditioner.RepliesSent"/>.
/// Requests are processed as usual whatever the plan: a SetState whose reply is dropped still applies.
/// </para>
/// </remarks>
public sealed class FaultPlan
{
    private TimeSpan _responseDelay;
    private int _dropFirst;
    private double _dropPercent;
    private long _foreignDeviceId;
    private TimeSpan _discoveryFlood;

    /// <summary>A new plan without faults: the unit behaves normally.</summary>
    public static FaultPlan None => new();

    /// <summary>Wait this long before each reply (TCP and discovery). Zero by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public TimeSpan ResponseDelay
    {
        get => _responseDelay;
        set => _responseDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A delay cannot be negative.");
    }

    /// <summary>
    /// Withhold the next N replies of the unit, TCP and discovery alike, counting down across all
    /// connections. V3 handshake responses count: set this after connecting to hit a request.
    /// Reading <see cref="VirtualAirConditioner.Faults"/> shows how many are left.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int DropFirst
    {
        get => _dropFirst;
        set => _dropFirst = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A count cannot be negative.");
    }

    /// <summary>Withhold each reply with this probability, in percent (0 to 100); drawn from a <see cref="Random"/> seeded with <see cref="Seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0..100, or NaN.</exception>
    public double DropPercent
    {
        get => _dropPercent;
        set => _dropPercent = value is >= 0 and <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A percentage is between 0 and 100.");
    }

    /// <summary>
    /// TCP: send the first half of each reply (rounded down, at least one byte), then close the
    /// connection gracefully (FIN). The client sees the connection close mid-packet.
    /// </summary>
    public bool CloseMidResponse { get; set; }

    /// <summary>
    /// TCP: keep each reply's first 6 bytes (marker and length, so the client's reassembly takes it
    /// as one whole packet of the announced size) and replace the rest with random bytes. The
    /// packet then fails its integrity check (V2 MD5 sign, V3 SHA-256) or the handshake
    /// verification. The connection stays open.
    /// </summary>
    public bool Garbage { get; set; }

    /// <summary>
    /// TCP: send each reply without its last 8 bytes (at least one byte is sent) and keep the
    /// connection open. The client waits for the rest of a packet that never completes.
    /// </summary>
    public bool Truncate { get; set; }

    /// <summary>
    /// TCP: write each reply one byte per socket send, paced at 2 ms a byte, so the client must
    /// reassemble it from many reads. A reply of n bytes takes about 2 × (n − 1) ms (a V3 state
    /// reply of 150 bytes about 0.3 s), which a client's timeout has to allow for. Where the system
    /// timer is coarse, bytes that fell due meanwhile go out back to back, still one per send.
    /// </summary>
    public bool SlowDrip { get; set; }

    /// <summary>
    /// V3: answer every handshake with the 13-byte ERROR packet and close the connection, as for
    /// an unknown token. No effect on V2 units.
    /// </summary>
    public bool AuthError { get; set; }

    /// <summary>
    /// Accept TCP connections and read requests but never answer anything, and answer no
    /// discovery probe. Every reply owed counts as dropped.
    /// </summary>
    public bool Silent { get; set; }

    /// <summary>
    /// TCP: appliance replies name this device id in their V2 header instead of the unit's own, as a
    /// unit answering for another would. 0 (the default) for the unit's own id.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or wider than the 48-bit id field.</exception>
    public long ForeignDeviceId
    {
        get => _foreignDeviceId;
        set => _foreignDeviceId = value is >= 0 and <= 0xFFFF_FFFF_FFFF ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A device id is 0 to 2^48-1.");
    }

    /// <summary>TCP: every data-group query (C1) is answered with another group (group 2 for group 1, group 1 for the rest).</summary>
    public bool WrongDataGroup { get; set; }

    /// <summary>
    /// Discovery: after the reply to a probe, keep sending replies that each name a new device id,
    /// as fast as the socket takes them, for this long (one flood at a time per unit; it ends when
    /// the unit stops). Zero (the default) for none. The flood is sent to the prober only.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or over a minute.</exception>
    public TimeSpan DiscoveryFlood
    {
        get => _discoveryFlood;
        set => _discoveryFlood = value >= TimeSpan.Zero && value <= TimeSpan.FromMinutes(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A flood lasts 0 to 60 s.");
    }

    /// <summary>
    /// Discovery: send the replies from this address (which must be one of this machine's) instead of
    /// the unit's own, as a host that answers for an address it does not hold would. Null (the
    /// default) for the unit's own address.
    /// </summary>
    public System.Net.IPAddress? DiscoveryReplyFrom { get; set; }

    /// <summary>With <see cref="DiscoveryFlood"/>: the flood's datagrams are random bytes that decode as nothing.</summary>
    public bool DiscoveryFloodGarbage { get; set; }

    /// <summary>Seed of the random source behind <see cref="DropPercent"/> and <see cref="Garbage"/>; a time-based seed when null.</summary>
    /// <remarks>The source is created when the plan is assigned to a unit, so assigning the same seeded plan again replays the same sequence.</remarks>
    public int? Seed { get; set; }

    /// <summary>True when the plan injects nothing.</summary>
    public bool IsNone =>
        _responseDelay == TimeSpan.Zero && _dropFirst == 0 && _dropPercent == 0 &&
        !CloseMidResponse && !Garbage && !Truncate && !SlowDrip && !AuthError && !Silent &&
        _foreignDeviceId == 0 && !WrongDataGroup && _discoveryFlood == TimeSpan.Zero && DiscoveryReplyFrom is null;

    /// <summary>A copy of this plan.</summary>
    public FaultPlan Clone() => (FaultPlan)MemberwiseClone();

    /// <inheritdoc/>
    public override string ToString()
    {
        if (IsNone) return "no faults";
        var parts = new System.Collections.Generic.List<string>();
        if (_responseDelay > TimeSpan.Zero) parts.Add(FormattableString.Invariant($"delay {_responseDelay.TotalMilliseconds:0} ms"));
        if (_dropFirst > 0) parts.Add(FormattableString.Invariant($"drop first {_dropFirst}"));
        if (_dropPercent > 0) parts.Add(FormattableString.Invariant($"drop {_dropPercent:0.##} %"));
        if (CloseMidResponse) parts.Add("close mid-response");
        if (Garbage) parts.Add("garbage");
        if (Truncate) parts.Add("truncate");
        if (SlowDrip) parts.Add("slow drip");
        if (AuthError) parts.Add("auth error");
        if (Silent) parts.Add("silent");
        if (_foreignDeviceId != 0) parts.Add(FormattableString.Invariant($"foreign device id {_foreignDeviceId}"));
        if (WrongDataGroup) parts.Add("wrong data group");
        if (DiscoveryReplyFrom != null) parts.Add($"discovery replies from {DiscoveryReplyFrom}");
        if (_discoveryFlood > TimeSpan.Zero) parts.Add(FormattableString.Invariant($"discovery flood {_discoveryFlood.TotalMilliseconds:0} ms{(DiscoveryFloodGarbage ? " of garbage" : "")}"));
        if (Seed is int seed) parts.Add(FormattableString.Invariant($"seed {seed}"));
        return string.Join(", ", parts);
    }
}
