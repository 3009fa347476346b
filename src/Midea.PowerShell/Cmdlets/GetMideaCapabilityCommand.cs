using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol.Ac;
using Midea.Protocol.Appliances;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Reads what a unit can do (capabilities B5, both pages) and remembers it for this session. A
/// commercial unit (0xCC) says it in its state answer, which is read fresh each time.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MideaCapability", HelpUri = "https://github.com/midea-powershell/Midea#get-mideacapability")]
[OutputType(typeof(MideaCapabilities), typeof(MideaCommercialAcCapabilities))]
public sealed class GetMideaCapabilityCommand : DeviceCmdlet
{
    /// <summary>Units worked on at once when several come down the pipeline; results keep the input order.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    private protected override int Parallelism => ThrottleLimit;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        Submit<object>(async (appliance, cancel) =>
        {
            if (appliance is CommercialAc commercial)
                return CommercialStateMapping.ToPublic((await commercial.ReadAsync(cancel).ConfigureAwait(false)).Capabilities, appliance.Session.Endpoint);
            AcCapabilities read = await AirConditionerOf(appliance).GetCapabilitiesAsync(fresh: true, cancel).ConfigureAwait(false);
            return FeatureMapping.ToPublic(read, appliance.Session.Endpoint.Address.ToString(), appliance.Session.Endpoint.DeviceId);
        }, caps =>
        {
            if (caps is MideaCapabilities { Undecoded.Count: > 0 } ac) WriteVerbose($"{ac.Address}: capability ids kept undecoded: {string.Join(", ", ac.Undecoded.Keys)}.");
            WriteObject(caps);
        });
    }
}
