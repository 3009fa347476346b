using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>
/// Timeouts and steps shared by the tests that run the client against a simulator with faults:
/// the fault-injection tests (Midea.Simulator.Tests links this file) and the hostile-unit tests.
/// </summary>
internal static class FaultInjection
{
    /// <summary>Timeout for steps that are expected to fail: short, so failures cost little.</summary>
    internal static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);
    /// <summary>Timeout for steps that are expected to succeed (only reached when something is wrong).</summary>
    internal static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);
    /// <summary>Scheduling slack on top of a timeout when checking how long a failure took.</summary>
    internal static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    internal static VirtualAirConditioner Start(string address, int version = 3, FaultPlan? faults = null) =>
        VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse(address), ProtocolVersion = version, Faults = faults });

    internal static DeviceEndpoint EndpointOf(VirtualAirConditioner unit) =>
        new(unit.Address, unit.Port, unit.DeviceId, unit.ProtocolVersion, unit.Token, unit.Key);

    internal static async Task<AcState> ConnectAndGetState(VirtualAirConditioner unit, TimeSpan timeout)
    {
        using AcProbe client = await AcProbe.ConnectAsync(EndpointOf(unit), timeout, default);
        return await client.GetStateAsync(default);
    }

    internal static async Task<List<DiscoveryResult>> Discover(VirtualAirConditioner unit, TimeSpan timeout)
    {
        var results = new ConcurrentBag<DiscoveryResult>();
        await DiscoveryClient.RunAsync(new[] { unit.Address }, Array.Empty<IPAddress>(), timeout, results.Add, 0, default);
        return new List<DiscoveryResult>(results);
    }

    internal static async Task WaitFor(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < limit) await Task.Delay(10);
    }
}
