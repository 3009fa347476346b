using System.Management.Automation;
using System.Threading.Tasks;
using Midea.PowerShell.Internal;

namespace Midea.PowerShell.Cmdlets;

/// <summary>Reads a unit's state: one GetState query, which neither wakes nor beeps the unit.</summary>
[Cmdlet(VerbsCommon.Get, "MideaState", HelpUri = "https://github.com/midea-powershell/Midea#get-mideastate")]
[OutputType(typeof(MideaState))]
public sealed class GetMideaStateCommand : DeviceCmdlet
{
    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        MideaState? state = WithDevice(async (client, endpoint, cancel) =>
            StateMapping.ToPublic(await client.GetStateAsync(cancel).ConfigureAwait(false), endpoint));
        if (state != null) WriteObject(state);
    }
}
