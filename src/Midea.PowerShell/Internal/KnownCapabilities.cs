using System.Collections.Generic;
using Midea.Protocol.Ac;

namespace Midea.PowerShell.Internal;

/// <summary>Capabilities read in this session, by device id, so a change does not ask the unit again each time.</summary>
internal static class KnownCapabilities
{
    private static readonly Dictionary<long, AcCapabilities> ById = new();

    public static void Remember(long id, AcCapabilities capabilities)
    {
        lock (ById) ById[id] = capabilities;
    }

    public static AcCapabilities? Find(long id)
    {
        lock (ById) return ById.TryGetValue(id, out AcCapabilities? caps) ? caps : null;
    }
}
