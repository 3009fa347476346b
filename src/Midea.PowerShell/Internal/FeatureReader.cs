using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol;
using Midea.Protocol.Ac;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>Reads the optional parts of a unit's picture over an open connection: capabilities, properties, energy, diagnostics.</summary>
internal static class FeatureReader
{
    /// <summary>The unit's capabilities: asked once per session per device id unless <paramref name="fresh"/>.</summary>
    public static async Task<AcCapabilities> CapabilitiesAsync(ManagedClient client, DeviceEndpoint endpoint, bool fresh, CancellationToken cancel)
    {
        AcCapabilities? known = fresh ? null : KnownCapabilities.Find(endpoint.DeviceId);
        if (known != null) return known;
        AcCapabilities caps = await client.QueryAsync((c, t) => c.GetCapabilitiesAsync(t), cancel).ConfigureAwait(false);
        KnownCapabilities.Remember(endpoint.DeviceId, caps);
        return caps;
    }

    /// <summary>The properties the capabilities back (what msmart polls); empty when there are none.</summary>
    public static async Task<MideaProperties> PropertiesAsync(ManagedClient client, AcCapabilities caps, CancellationToken cancel)
    {
        if (caps.PolledProperties.Count == 0) return new MideaProperties();
        IReadOnlyList<PropertyValue> values = await client.QueryAsync((c, t) => c.GetPropertiesAsync(caps.PolledProperties, t), cancel).ConfigureAwait(false);
        return FeatureMapping.ToPublic(AcProperties.Decode(values));
    }

    /// <summary>
    /// Energy (group 4), or null with a warning when the unit reports no energy and no format was
    /// forced, or when it does not answer.
    /// </summary>
    public static async Task<MideaEnergy?> EnergyAsync(ManagedClient client, AcCapabilities caps, EnergyFormat format, List<string> warnings, string address, CancellationToken cancel)
    {
        if (!caps.EnergyStats && format == EnergyFormat.Auto)
        {
            warnings.Add($"{address}: the unit reports no energy counters; give -EnergyFormat Bcd or Binary to ask anyway.");
            return null;
        }
        byte[] body;
        try
        {
            // Asked once: a unit without the group stays silent, and asking again only waits longer.
            body = await client.QueryOnceAsync((c, t) => c.GetGroupAsync(4, t), cancel).ConfigureAwait(false);
        }
        catch (DeviceTimeoutException) when (!cancel.IsCancellationRequested)
        {
            warnings.Add($"{address}: the energy group (4) did not answer.");
            return null;
        }
        MideaEnergy energy = FeatureMapping.ToPublic(GroupCodec.ParseEnergy(body), format, caps.EnergyBcd);
        foreach (string warning in energy.Warnings) warnings.Add($"{address}: {warning}");
        return energy;
    }

    /// <summary>
    /// Groups 1, 2, 7, 11, and 5 when the unit measures humidity, each asked once; a group that does
    /// not answer in time is reported as missing (the session reconnects for the next one).
    /// </summary>
    public static async Task<MideaDiagnostics> DiagnosticsAsync(ManagedClient client, AcCapabilities caps, List<string> warnings, string address, CancellationToken cancel)
    {
        var wanted = new List<int> { 1, 2 };
        if (caps.Humidity) wanted.Add(5);
        wanted.Add(7);
        wanted.Add(11);
        var answered = new Dictionary<int, byte[]>();
        var missing = new List<int>();
        foreach (int group in wanted)
        {
            try
            {
                answered[group] = await client.QueryOnceAsync((c, t) => c.GetGroupAsync(group, t), cancel).ConfigureAwait(false);
            }
            catch (DeviceTimeoutException) when (!cancel.IsCancellationRequested)
            {
                missing.Add(group);
            }
        }
        if (missing.Count > 0) warnings.Add($"{address}: data group(s) {string.Join(", ", missing)} did not answer.");
        MideaDiagnostics diagnostics = FeatureMapping.ToPublic(answered, missing);
        foreach (string warning in diagnostics.Warnings) warnings.Add($"{address}: {warning}");
        return diagnostics;
    }
}
