using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol.Ac;
using Midea.Protocol.Appliances;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Reads what a unit can do (capabilities B5, both pages) and remembers it for this session. A
/// commercial unit (0xCC) says it in its state answer, which is read fresh each time. With
/// -IncludeApplianceInfo it also asks an air conditioner the appliance query (frame type 0xA0)
/// for its subtype and message-protocol version: one more request, waited for briefly, whose
/// silence is a warning and never costs the capabilities.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MideaCapability", HelpUri = "https://github.com/midea-powershell/Midea#get-mideacapability")]
[OutputType(typeof(MideaCapabilities), typeof(MideaCommercialAcCapabilities))]
public sealed class GetMideaCapabilityCommand : DeviceCmdlet
{
    /// <summary>Units worked on at once when several come down the pipeline; results keep the input order.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>
    /// Also ask an air conditioner the appliance query (frame type 0xA0), for Subtype and
    /// MessageProtocolVersion: one more request, waited for at most 2 seconds.
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeApplianceInfo { get; set; }

    private static readonly string[] AirConditionerOnly = { nameof(IncludeApplianceInfo) };

    private protected override int Parallelism => ThrottleLimit;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        bool applianceInfo = IncludeApplianceInfo.IsPresent;
        string[] given = FamilyParameters.Given(MyInvocation);
        Submit(async (appliance, cancel) =>
        {
            // No source shows what a commercial unit answers to the appliance query (protocol.md §5.11).
            FamilyParameters.Refuse(appliance, given, AirConditionerOnly, System.Array.Empty<string>());
            if (appliance is CommercialAc commercial)
                return new Reading(CommercialStateMapping.ToPublic((await commercial.ReadAsync(cancel).ConfigureAwait(false)).Capabilities, appliance.Session.Endpoint), null);
            AirConditioner ac = AirConditionerOf(appliance);
            AcCapabilities read = await ac.GetCapabilitiesAsync(fresh: true, cancel).ConfigureAwait(false);
            MideaCapabilities caps = FeatureMapping.ToPublic(read, appliance.Session.Endpoint.Address.ToString(), appliance.Session.Endpoint.DeviceId);
            if (!applianceInfo) return new Reading(caps, null);
            // Asked after the capabilities, so a unit that stays silent costs them nothing.
            var (info, missing) = await ac.GetApplianceInfoAsync(cancel).ConfigureAwait(false);
            if (info != null)
            {
                caps.Subtype = info.Subtype;
                caps.MessageProtocolVersion = info.MessageProtocolVersion;
            }
            return new Reading(caps, missing);
        }, reading =>
        {
            if (reading.Warning != null) WriteWarning(reading.Warning);
            if (reading.Capabilities is MideaCapabilities { Undecoded.Count: > 0 } ac) WriteVerbose($"{ac.Address}: capability ids kept undecoded: {string.Join(", ", ac.Undecoded.Keys)}.");
            WriteObject(reading.Capabilities);
        });
    }

    /// <summary>One unit's capabilities, and why its appliance info is missing when it was asked for and is.</summary>
    private sealed record Reading(object Capabilities, string? Warning);
}
