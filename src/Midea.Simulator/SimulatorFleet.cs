using System;
using System.Collections.Generic;
using System.Net;

namespace Midea.Simulator;

/// <summary>Starts several units on consecutive loopback addresses.</summary>
public static class SimulatorFleet
{
    /// <summary>
    /// Starts <paramref name="count"/> units from <paramref name="first"/> on, one address each.
    /// If one fails to start, those already started are stopped and the error is rethrown.
    /// </summary>
    /// <param name="first">The address of the first unit; every address must be in 127.0.0.0/8.</param>
    /// <param name="count">How many units to start.</param>
    /// <param name="configure">Adjusts the options of the unit at each address.</param>
    /// <exception cref="ArgumentException">An address is not in 127.0.0.0/8.</exception>
    public static IReadOnlyList<VirtualAirConditioner> Start(IPAddress first, int count, Action<SimulatorOptions> configure)
    {
        var started = new List<VirtualAirConditioner>();
        try
        {
            foreach (IPAddress address in Consecutive(first, count))
            {
                var options = new SimulatorOptions { Address = address };
                configure(options);
                started.Add(VirtualAirConditioner.Start(options));
            }
        }
        catch
        {
            foreach (VirtualAirConditioner unit in started) unit.Dispose();
            throw;
        }
        return started;
    }

    /// <summary>
    /// <paramref name="count"/> addresses from <paramref name="first"/> on. Only loopback is allowed:
    /// the simulator exists to be tested against, and must never appear on a real network.
    /// </summary>
    public static IEnumerable<IPAddress> Consecutive(IPAddress first, int count)
    {
        byte[] bytes = first.GetAddressBytes();
        if (bytes.Length != 4) throw new ArgumentException($"{first} is not an IPv4 address.");
        uint start = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        var addresses = new List<IPAddress>();
        for (uint i = 0; i < count; i++)
        {
            uint value = start + i;
            var address = new IPAddress(new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value });
            VirtualAirConditioner.RequireLoopback(address);
            addresses.Add(address);
        }
        return addresses;
    }
}
