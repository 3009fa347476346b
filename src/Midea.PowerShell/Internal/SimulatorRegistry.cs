using System.Collections.Generic;
using System.Linq;
using Midea.Simulator;

namespace Midea.PowerShell.Internal;

/// <summary>The simulated units this PowerShell process runs, by address.</summary>
internal static class SimulatorRegistry
{
    private static readonly Dictionary<string, VirtualAirConditioner> Units = new();

    public static void Add(VirtualAirConditioner unit)
    {
        lock (Units) Units[unit.Address.ToString()] = unit;
    }

    public static bool IsRunning(string address)
    {
        lock (Units) return Units.ContainsKey(address);
    }

    public static IReadOnlyList<string> Addresses()
    {
        lock (Units) return Units.Keys.ToList();
    }

    /// <summary>Stops and forgets the unit at <paramref name="address"/>; false when there is none.</summary>
    public static bool Stop(string address)
    {
        VirtualAirConditioner? unit;
        lock (Units)
        {
            if (!Units.TryGetValue(address, out unit)) return false;
            Units.Remove(address);
        }
        unit.Dispose();
        return true;
    }

    public static void StopAll()
    {
        foreach (string address in Addresses()) Stop(address);
    }
}
