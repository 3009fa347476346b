using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol.Ac;

namespace Midea.PowerShell.Cmdlets;

/// <summary>Reads what a unit can do (capabilities B5, both pages) and remembers it for this session.</summary>
[Cmdlet(VerbsCommon.Get, "MideaCapability", HelpUri = "https://github.com/midea-powershell/Midea#get-mideacapability")]
[OutputType(typeof(MideaCapabilities))]
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
        Submit(async (appliance, cancel) =>
        {
            AcCapabilities read = await AirConditionerOf(appliance).GetCapabilitiesAsync(fresh: true, cancel).ConfigureAwait(false);
            return FeatureMapping.ToPublic(read, appliance.Session.Endpoint.Address.ToString(), appliance.Session.Endpoint.DeviceId);
        }, caps =>
        {
            if (caps.Undecoded.Count > 0) WriteVerbose($"{caps.Address}: capability ids kept undecoded: {string.Join(", ", caps.Undecoded.Keys)}.");
            WriteObject(caps);
        });
    }
}
