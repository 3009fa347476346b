using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using Midea.PowerShell.Internal;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Closes the sessions the module keeps open with units between commands: those of the units
/// named, or every one. The next command on a unit connects (and for V3 authenticates) again.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "MideaDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
    HelpUri = "https://github.com/midea-powershell/Midea#disconnect-mideadevice")]
[OutputType(typeof(void))]
public sealed class DisconnectMideaDeviceCommand : MideaCmdlet
{
    private bool _sawInput;

    /// <summary>Address or host name of a unit whose session to close; every session when not given. A command using the session finishes first.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("IPAddress", "Ip", "Host")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string[]? Address { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (Address is null) return;
        _sawInput = true;
        foreach (string address in Address)
        {
            IPAddress ip;
            try
            {
                ip = DiscoveryTargets.Expand(address)[0];
            }
            catch (System.ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, address));
                continue;
            }
            Close(ip, address);
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (_sawInput || MyInvocation.ExpectingInput) return;
        Close(null, "every kept session");
    }

    private void Close(IPAddress? address, string target)
    {
        if (!ShouldProcess(target, "Close the kept session")) return;
        IReadOnlyList<DeviceEndpoint> closed = Await(cancel => SessionPool.Shared.CloseAsync(address, cancel), RequestPolicy.Default.OperationDeadline, target);
        if (closed.Count == 0) WriteVerbose($"No session was open with {target}.");
        foreach (DeviceEndpoint endpoint in closed) WriteVerbose($"Closed the session with {endpoint}.");
    }
}
