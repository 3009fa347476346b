using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol.Ac;

namespace Midea.PowerShell.Cmdlets;

/// <summary>Reads what a unit can do (capabilities B5, both pages) and remembers it for this session.</summary>
[Cmdlet(VerbsCommon.Get, "MideaCapability", HelpUri = "https://github.com/midea-powershell/Midea#get-mideacapability")]
[OutputType(typeof(MideaCapabilities))]
public sealed class GetMideaCapabilityCommand : DeviceCmdlet
{
    // Two capability pages.
    private protected override int Exchanges => 2;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        MideaCapabilities? caps = WithDevice(async (client, endpoint, cancel) =>
        {
            AcCapabilities read = await FeatureReader.CapabilitiesAsync(client, endpoint, fresh: true, cancel).ConfigureAwait(false);
            return FeatureMapping.ToPublic(read, endpoint.Address.ToString(), endpoint.DeviceId);
        });
        if (caps is null) return;
        if (caps.Undecoded.Count > 0) WriteVerbose($"{caps.Address}: capability ids kept undecoded: {string.Join(", ", caps.Undecoded.Keys)}.");
        WriteObject(caps);
    }
}
