using System.Collections.Generic;
using System.Linq;

namespace Midea.PowerShell.Internal;

/// <summary>Devices seen in this session, for tab completion and to skip a discovery round trip.</summary>
internal static class KnownDevices
{
    private static readonly Dictionary<string, MideaDevice> ByAddress = new();

    public static void Remember(MideaDevice device)
    {
        lock (ByAddress) ByAddress[device.Address] = device;
    }

    /// <summary>For an address where no unit answers any more.</summary>
    public static void Forget(string address)
    {
        lock (ByAddress) ByAddress.Remove(address);
    }

    public static MideaDevice? Find(string address)
    {
        lock (ByAddress) return ByAddress.TryGetValue(address, out MideaDevice? device) ? device : null;
    }

    public static IReadOnlyList<MideaDevice> All()
    {
        lock (ByAddress) return ByAddress.Values.ToList();
    }
}
