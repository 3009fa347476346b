using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol;
using Midea.Protocol.Ac;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Reads the optional parts of a unit's picture over an open connection: capabilities, properties,
/// energy, diagnostics. For Get-MideaState the state is what was asked for and the parts are extras,
/// so a part that does not answer, answers with something else, or does not decode is left out with
/// a warning that says what came back; it never costs the state.
/// </summary>
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

    /// <summary>
    /// Runs <paramref name="read"/> for one optional part; when the unit fails it (anything but the
    /// caller stopping or running out of time), adds a warning naming the part and what happened, and
    /// returns null.
    /// </summary>
    public static async Task<T?> OptionalAsync<T>(string part, Func<Task<T>> read, List<string> warnings, string address, CancellationToken cancel) where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (MideaException ex) when (!cancel.IsCancellationRequested)
        {
            warnings.Add($"{address}: left out {part}: {Reason(ex)}.");
            return null;
        }
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
    /// forced, or when the group does not come back (silence, another group, bytes that do not decode).
    /// </summary>
    /// <param name="caps">Null when the capabilities could not be read: then only a forced format asks.</param>
    public static async Task<MideaEnergy?> EnergyAsync(ManagedClient client, AcCapabilities? caps, EnergyFormat format, List<string> warnings, string address, CancellationToken cancel)
    {
        if (format == EnergyFormat.Auto && caps is not { EnergyStats: true })
        {
            warnings.Add(caps is null
                ? $"{address}: without the capabilities the energy format is unknown, so energy is left out; give -EnergyFormat Bcd or Binary to ask anyway."
                : $"{address}: the unit reports no energy counters; give -EnergyFormat Bcd or Binary to ask anyway.");
            return null;
        }
        try
        {
            // Asked once: a unit without the group stays silent, and asking again only waits longer.
            byte[] body = await client.QueryOnceAsync((c, t) => c.GetGroupAsync(4, t), cancel).ConfigureAwait(false);
            MideaEnergy energy = FeatureMapping.ToPublic(GroupCodec.ParseEnergy(body), format, caps?.EnergyBcd ?? false);
            foreach (string warning in energy.Warnings) warnings.Add($"{address}: {warning}");
            return energy;
        }
        catch (MideaException ex) when (!cancel.IsCancellationRequested)
        {
            warnings.Add($"{address}: the energy group (4) is missing: {Reason(ex)}.");
            return null;
        }
    }

    /// <summary>
    /// Groups 1, 2, 7, 11, and 5 when the unit measures humidity, each asked once; a group that does
    /// not come back as itself in time is listed as missing, with a warning that says what came
    /// instead (the session reconnects for the next one).
    /// </summary>
    /// <param name="caps">Null when the capabilities could not be read: group 5 is then not asked.</param>
    public static async Task<MideaDiagnostics> DiagnosticsAsync(ManagedClient client, AcCapabilities? caps, List<string> warnings, string address, CancellationToken cancel)
    {
        var wanted = new List<int> { 1, 2 };
        if (caps is { Humidity: true }) wanted.Add(5);
        wanted.Add(7);
        wanted.Add(11);
        var answered = new Dictionary<int, byte[]>();
        var silent = new List<int>();
        var missing = new List<int>();
        foreach (int group in wanted)
        {
            try
            {
                answered[group] = await client.QueryOnceAsync((c, t) => c.GetGroupAsync(group, t), cancel).ConfigureAwait(false);
                continue;
            }
            catch (DeviceTimeoutException) when (!cancel.IsCancellationRequested)
            {
                silent.Add(group);
            }
            catch (MideaException ex) when (!cancel.IsCancellationRequested)
            {
                warnings.Add($"{address}: data group {group} is missing: {Reason(ex)}.");
            }
            missing.Add(group);
        }
        // Silence is what a unit without a group gives, so those are named together in one line.
        if (silent.Count > 0) warnings.Add($"{address}: data group(s) {string.Join(", ", silent)} did not answer.");
        MideaDiagnostics diagnostics = FeatureMapping.ToPublic(answered, missing);
        foreach (string warning in diagnostics.Warnings) warnings.Add($"{address}: {warning}");
        return diagnostics;
    }

    /// <summary>What came back instead of the part, in words for a warning.</summary>
    private static string Reason(MideaException ex) => ex switch
    {
        DeviceTimeoutException => "the unit did not answer in time",
        _ => ex.Message.TrimEnd('.'),
    };
}
