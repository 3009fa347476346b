using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Midea.Protocol.Ac;

/// <summary>One decoded <c>B5</c> reply page: its entries, the bytes after them, and whether another page exists (protocol.md §5.7).</summary>
public sealed class CapabilityPage
{
    internal CapabilityPage(IList<CapabilityEntry> entries, byte[] trailer)
    {
        Entries = new ReadOnlyCollection<CapabilityEntry>(entries);
        Trailer = trailer;
        // More-pages rule: a trailer of two or more bytes whose second-to-last byte is non-zero.
        MorePages = trailer.Length >= 2 && trailer[trailer.Length - 2] != 0;
    }

    /// <summary>The entries in reply order. Entries with length 0 are not listed; ids are kept raw, known or not.</summary>
    public IReadOnlyList<CapabilityEntry> Entries { get; }

    /// <summary>Everything after the <c>count</c> entries, even if it looks like more entries (vector K09). Empty if the body ends with the entries.</summary>
    public byte[] Trailer { get; }

    /// <summary>True when the device has another page: the trailer has at least two bytes and its second-to-last byte is non-zero. The client then sends <see cref="CapabilityCodec.Request"/> for page 2.</summary>
    public bool MorePages { get; }
}
