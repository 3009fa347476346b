using System;
using System.Collections.Generic;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol.Appliances;
using Midea.Protocol.Cc;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Reads a unit's state. By default one GetState query, which neither wakes nor beeps the unit;
/// the -Include switches add capabilities, properties, energy and diagnostics on the same connection.
/// A commercial unit (0xCC) answers one query with its state and capabilities; it has no
/// properties, energy or diagnostics to add, so those switches are refused for it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MideaState", HelpUri = "https://github.com/midea-powershell/Midea#get-mideastate")]
[OutputType(typeof(MideaState), typeof(MideaCommercialAcState))]
public sealed class GetMideaStateCommand : DeviceCmdlet
{
    private static readonly string[] AirConditionerOnly = { nameof(IncludeProperties), nameof(IncludeEnergy), nameof(IncludeDiagnostics), nameof(EnergyFormat) };

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

    /// <summary>Units worked on at once when several come down the pipeline; results keep the input order.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>Where to look for a saved unit that does not answer at its stored address; the /24 around that address when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateSearchRange]
    public string? SearchRange { get; set; }

    private protected override int Parallelism => ThrottleLimit;

    private protected override MovedUnitSearch? MovedUnits() => NewMovedUnitSearch(SearchRange);

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        AcParts parts = (IncludeCapabilities ? AcParts.Capabilities : 0) | (IncludeProperties ? AcParts.Properties : 0)
            | (IncludeEnergy ? AcParts.Energy : 0) | (IncludeDiagnostics ? AcParts.Diagnostics : 0);
        Protocol.Ac.EnergyFormat format = EnumMapping.ToProtocol(EnergyFormat);
        bool capabilities = IncludeCapabilities.IsPresent;
        string[] given = FamilyParameters.Given(MyInvocation);
        Submit(async (appliance, cancel) =>
        {
            FamilyParameters.Refuse(appliance, given, AirConditionerOnly, Array.Empty<string>());
            if (appliance is CommercialAc commercial)
            {
                CcQueryAnswer answer = await commercial.ReadAsync(cancel).ConfigureAwait(false);
                MideaCommercialAcState read = CommercialStateMapping.ToPublic(answer.State, appliance.Session.Endpoint);
                if (capabilities) read.Capabilities = CommercialStateMapping.ToPublic(answer.Capabilities, appliance.Session.Endpoint);
                return new Reading(read, Array.Empty<string>());
            }
            AcReading reading = await AirConditionerOf(appliance).ReadAsync(parts, format, cancel).ConfigureAwait(false);
            DeviceEndpoint endpoint = appliance.Session.Endpoint;
            MideaState state = StateMapping.ToPublic(reading.State, endpoint);
            if (reading.Capabilities != null) state.Capabilities = FeatureMapping.ToPublic(reading.Capabilities, endpoint.Address.ToString(), endpoint.DeviceId);
            if (reading.Properties != null) state.Properties = FeatureMapping.ToPublic(reading.Properties);
            if (reading.Energy != null) state.Energy = FeatureMapping.ToPublic(reading.Energy);
            if (reading.Diagnostics != null) state.Diagnostics = FeatureMapping.ToPublic(reading.Diagnostics);
            return new Reading(state, reading.Warnings);
        }, reading =>
        {
            foreach (string warning in reading.Warnings) WriteWarning(warning);
            WriteObject(reading.State);
        });
    }

    private sealed record Reading(object State, IReadOnlyList<string> Warnings);
}
