using System.Collections.Generic;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol.Ac;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Reads a unit's state. By default one GetState query, which neither wakes nor beeps the unit;
/// the -Include switches add capabilities, properties, energy and diagnostics on the same connection.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MideaState", HelpUri = "https://github.com/midea-powershell/Midea#get-mideastate")]
[OutputType(typeof(MideaState))]
public sealed class GetMideaStateCommand : DeviceCmdlet
{
    /// <summary>Also read the capabilities (B5, one or two queries).</summary>
    [Parameter]
    public SwitchParameter IncludeCapabilities { get; set; }

    /// <summary>Also read the feature properties the unit has (B1): swing angles, breeze, iECO…</summary>
    [Parameter]
    public SwitchParameter IncludeProperties { get; set; }

    /// <summary>Also read the energy counters (group 4).</summary>
    [Parameter]
    public SwitchParameter IncludeEnergy { get; set; }

    /// <summary>Also read the diagnostic groups (1, 2, 5, 7, 11).</summary>
    [Parameter]
    public SwitchParameter IncludeDiagnostics { get; set; }

    /// <summary>How to read the energy counters; the unit's capabilities decide by default.</summary>
    [Parameter]
    public EnergyFormat EnergyFormat { get; set; } = EnergyFormat.Auto;

    // GetState, two capability pages, properties, energy and five diagnostic groups.
    private protected override int Exchanges =>
        1 + (IncludeCapabilities || IncludeProperties || IncludeEnergy || IncludeDiagnostics ? 2 : 0) + (IncludeProperties ? 1 : 0) + (IncludeEnergy ? 1 : 0) + (IncludeDiagnostics ? 5 : 0);

    /// <summary>Units worked on at once when several come down the pipeline; results keep the input order.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    private protected override int Parallelism => ThrottleLimit;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        Submit(async (client, endpoint, cancel) =>
        {
            var warnings = new List<string>();
            MideaState result = StateMapping.ToPublic(await client.QueryAsync((c, t) => c.GetStateAsync(t), cancel).ConfigureAwait(false), endpoint);
            if (!(IncludeCapabilities || IncludeProperties || IncludeEnergy || IncludeDiagnostics)) return new Reading(result, warnings);
            // The state is read; from here each part that fails is left out with a warning, never the state.
            string address = endpoint.Address.ToString();
            AcCapabilities? caps = await FeatureReader.OptionalAsync("the capabilities",
                () => FeatureReader.CapabilitiesAsync(client, endpoint, IncludeCapabilities, cancel), warnings, address, cancel).ConfigureAwait(false);
            if (IncludeCapabilities && caps != null) result.Capabilities = FeatureMapping.ToPublic(caps, address, endpoint.DeviceId);
            if (IncludeProperties)
            {
                if (caps is null) warnings.Add($"{address}: without the capabilities it is not known which properties the unit has, so they are left out.");
                else result.Properties = await FeatureReader.OptionalAsync("the properties", () => FeatureReader.PropertiesAsync(client, caps, cancel), warnings, address, cancel).ConfigureAwait(false);
            }
            if (IncludeEnergy) result.Energy = await FeatureReader.EnergyAsync(client, caps, EnergyFormat, warnings, address, cancel).ConfigureAwait(false);
            if (IncludeDiagnostics) result.Diagnostics = await FeatureReader.DiagnosticsAsync(client, caps, warnings, address, cancel).ConfigureAwait(false);
            return new Reading(result, warnings);
        }, reading =>
        {
            foreach (string warning in reading.Warnings) WriteWarning(warning);
            WriteObject(reading.State);
        });
    }

    private sealed record Reading(MideaState State, List<string> Warnings);
}
