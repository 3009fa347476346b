using System.Collections.Generic;
using Midea.Protocol.Ac;

namespace Midea.Protocol.Appliances;

/// <summary>
/// Capabilities already read, by device id, so a change does not ask the unit for them each time.
/// Thread-safe; a caller that keeps one for a whole process shares it between sessions.
/// </summary>
public sealed class CapabilityCache
{
    private readonly Dictionary<long, AcCapabilities> _byId = new();

    /// <summary>Remembers what a unit reported.</summary>
    public void Remember(long deviceId, AcCapabilities capabilities)
    {
        lock (_byId) _byId[deviceId] = capabilities;
    }

    /// <summary>What the unit reported earlier, or null.</summary>
    public AcCapabilities? Find(long deviceId)
    {
        lock (_byId) return _byId.TryGetValue(deviceId, out AcCapabilities? caps) ? caps : null;
    }
}
