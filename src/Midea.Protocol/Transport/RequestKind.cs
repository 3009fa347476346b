namespace Midea.Protocol.Transport;

/// <summary>How a request is sent and retried (the rules are <see cref="RequestPolicy"/>'s).</summary>
public enum RequestKind
{
    /// <summary>A read: asked again on a fresh connection after a broken connection or garbled bytes.</summary>
    Read,

    /// <summary>A read asked once: for data a unit may simply not have, where silence is the answer and asking again only waits longer.</summary>
    ReadOnce,

    /// <summary>A change: written once. A failure after it counts as sent is an unknown outcome, never a second write.</summary>
    Change,
}
