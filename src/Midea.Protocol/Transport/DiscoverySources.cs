using System.Collections.Generic;
using System.Net;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Transport;

/// <summary>
/// What one discovery run remembers per source address, so that a host that floods (thousands of
/// ids, or undecodable datagrams) yields at most one device and one notice of each kind, and memory
/// stays bounded: one small entry per address, at most <see cref="MaxSources"/> addresses.
/// </summary>
internal sealed class DiscoverySources
{
    /// <summary>As many addresses as the largest sweep has targets (a /16); replies from further new addresses are dropped.</summary>
    public const int MaxSources = 65536;

    private readonly Dictionary<IPAddress, Entry> _entries = new();
    private readonly HashSet<long> _deviceIds = new();

    /// <summary>Replies that produced nothing for the caller: repeats, floods, and sources past the limit.</summary>
    public long Dropped { get; private set; }

    /// <summary>Decides what the caller hears of a reply from <paramref name="source"/>; null when nothing.</summary>
    /// <param name="source">The address the reply came from.</param>
    /// <param name="asked">False when the sweep is unicast and <paramref name="source"/> is not one of its targets.</param>
    /// <param name="datagram">The reply's bytes, as received.</param>
    public DiscoveryResult? Classify(IPAddress source, bool asked, byte[] datagram)
    {
        if (!_entries.TryGetValue(source, out Entry? entry))
        {
            if (_entries.Count >= MaxSources) return Drop();
            entry = new Entry();
            _entries.Add(source, entry);
        }
        if (!asked) return entry.Noticed(Notice.Unasked) ? Drop() : new DiscoveryResult(DiscoveryReplyKind.Unasked, source, null, null);
        DiscoveryInfo info;
        try
        {
            info = Discovery.ParseReply(datagram);
        }
        catch (MideaProtocolException ex)
        {
            return entry.Noticed(Notice.Undecodable) ? Drop() : new DiscoveryResult(DiscoveryReplyKind.Undecodable, source, null, ex);
        }
        // V1 replies carry no id; -1 stands for "a V1 unit" so that it is reported once too.
        long id = info.ProtocolVersion == 1 ? -1 : info.DeviceId;
        if (entry.DeviceId is null)
        {
            entry.DeviceId = id;
            // The same unit may answer at two addresses (two interfaces, or a broadcast and a
            // unicast probe seen from different sides); it is one device.
            return id != -1 && !_deviceIds.Add(id) ? Drop() : new DiscoveryResult(DiscoveryReplyKind.Device, source, info, null);
        }
        if (entry.DeviceId == id || entry.Noticed(Notice.AnotherId)) return Drop();
        return new DiscoveryResult(DiscoveryReplyKind.AnotherId, source, info, null, entry.DeviceId.Value);
    }

    /// <summary>Whether <paramref name="source"/> has answered as a device (so a unicast target no longer needs probing).</summary>
    public bool Answered(IPAddress source) => _entries.TryGetValue(source, out Entry? entry) && entry.DeviceId != null;

    private DiscoveryResult? Drop()
    {
        Dropped++;
        return null;
    }

    [System.Flags]
    private enum Notice
    {
        None = 0,
        Unasked = 1,
        Undecodable = 2,
        AnotherId = 4,
    }

    private sealed class Entry
    {
        private Notice _given;

        public long? DeviceId { get; set; }

        /// <summary>True when this notice was already given; otherwise records it and returns false.</summary>
        public bool Noticed(Notice notice)
        {
            if ((_given & notice) != 0) return true;
            _given |= notice;
            return false;
        }
    }
}
