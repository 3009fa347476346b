using System.Collections.Generic;
using System.Linq;
using Midea.Simulator;

namespace Midea.PowerShell.Internal;

/// <summary>The simulated units this PowerShell process runs. A provisioned unit changes address, so lookups use the live one.</summary>
internal static class SimulatorRegistry
{
    private static readonly List<VirtualAirConditioner> Running = new();

    public static void Add(VirtualAirConditioner unit)
    {
        lock (Running) Running.Add(unit);
    }

    public static IReadOnlyList<VirtualAirConditioner> Units()
    {
        lock (Running) return Running.ToList();
    }

    public static bool IsRunning(string address) => Units().Any(u => u.Address.ToString() == address);

    public static IReadOnlyList<string> Addresses() => Units().Select(u => u.Address.ToString()).ToList();

    /// <summary>Stops and forgets the unit at <paramref name="address"/>; false when there is none.</summary>
    public static bool Stop(string address)
    {
        VirtualAirConditioner? unit;
        lock (Running)
        {
            unit = Running.FirstOrDefault(u => u.Address.ToString() == address);
            if (unit is null) return false;
            Running.Remove(unit);
        }
        unit.Dispose();
        return true;
    }

    public static void StopAll()
    {
        VirtualAirConditioner[] all;
        lock (Running)
        {
            all = Running.ToArray();
            Running.Clear();
        }
        foreach (VirtualAirConditioner unit in all) unit.Dispose();
    }
}
