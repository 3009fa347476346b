using System.Net;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Transport;

/// <summary>What a discovery reply turned out to be.</summary>
public enum DiscoveryReplyKind
{
    /// <summary>A unit, reported once: <see cref="DiscoveryResult.Info"/> holds its reply (V1 units included).</summary>
    Device,
    /// <summary>The first reply from this address that did not decode: <see cref="DiscoveryResult.Error"/> says why; later ones are dropped.</summary>
    Undecodable,
    /// <summary>The first reply from an address that was not asked (unicast sweeps only); it and later ones are dropped.</summary>
    Unasked,
    /// <summary>
    /// The first reply from an address that already answered as another device id: <see cref="DiscoveryResult.Info"/>
    /// holds it, <see cref="DiscoveryResult.KeptDeviceId"/> the id kept; it and later ones are dropped.
    /// </summary>
    AnotherId,
}

/// <summary>One answer to a discovery probe that the caller hears of; repeats are dropped before this.</summary>
public sealed class DiscoveryResult
{
    internal DiscoveryResult(DiscoveryReplyKind kind, IPAddress source, DiscoveryInfo? info, MideaProtocolException? error, long keptDeviceId = 0)
    {
        Kind = kind;
        Source = source;
        Info = info;
        Error = error;
        KeptDeviceId = keptDeviceId;
    }

    /// <summary>What the reply is.</summary>
    public DiscoveryReplyKind Kind { get; }
    /// <summary>Where the reply came from; clients use this rather than the address inside the reply.</summary>
    public IPAddress Source { get; }
    /// <summary>The decoded reply (<see cref="DiscoveryReplyKind.Device"/>, <see cref="DiscoveryReplyKind.AnotherId"/>), else null.</summary>
    public DiscoveryInfo? Info { get; }
    /// <summary>Why the reply did not decode (<see cref="DiscoveryReplyKind.Undecodable"/>), else null.</summary>
    public MideaProtocolException? Error { get; }
    /// <summary>For <see cref="DiscoveryReplyKind.AnotherId"/>: the id this address answered with first, which stands.</summary>
    public long KeptDeviceId { get; }
}
