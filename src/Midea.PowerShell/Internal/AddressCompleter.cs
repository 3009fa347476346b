using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Midea.PowerShell.Internal;

/// <summary>Completes -Address with the units found by Find-MideaDevice, the running simulators and the saved units.</summary>
public sealed class AddressCompleter : IArgumentCompleter
{
    /// <inheritdoc/>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = (wordToComplete ?? "").Trim('\'', '"');
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (MideaDevice device in KnownDevices.All()) names[device.Address] = $"{device.Name} (V{device.ProtocolVersion}, id {device.Id})";
        foreach (string address in SimulatorRegistry.Addresses())
        {
            if (!names.ContainsKey(address)) names[address] = "simulated unit";
        }
        foreach (Store.StoredDevice stored in StoredDevices())
        {
            if (!names.ContainsKey(stored.Address)) names[stored.Address] = $"{stored.Name} (V{stored.ProtocolVersion}, id {stored.Id}, saved)";
        }
        return names.Where(n => n.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(n.Key, n.Key, CompletionResultType.ParameterValue, n.Value));
    }

    /// <summary>The saved units; a missing or unreadable store simply completes nothing (Tab must never throw).</summary>
    private static IReadOnlyList<Store.StoredDevice> StoredDevices()
    {
        try
        {
            return Store.DeviceStore.Load();
        }
        catch (Exception ex) when (MideaCmdlet.IsExpectedFailure(ex))
        {
            return Array.Empty<Store.StoredDevice>();
        }
    }
}
