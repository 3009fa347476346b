using System.Management.Automation;
using Midea.PowerShell.Internal;

namespace Midea.PowerShell.Cmdlets;

/// <summary>Stops simulated units started by Start-MideaSimulator in this process; all of them when no address is given.</summary>
[Cmdlet(VerbsLifecycle.Stop, "MideaSimulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
    HelpUri = "https://github.com/midea-powershell/Midea#stop-mideasimulator")]
[OutputType(typeof(void))]
public sealed class StopMideaSimulatorCommand : MideaCmdlet
{
    private bool _sawInput;

    /// <summary>Address of the unit to stop (MideaSimulator objects bind by property name).</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("IPAddress", "Ip")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string[]? Address { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (Address is null) return;
        _sawInput = true;
        foreach (string address in Address) Stop(address);
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (_sawInput || MyInvocation.ExpectingInput) return;
        foreach (string address in SimulatorRegistry.Addresses()) Stop(address);
    }

    private void Stop(string address)
    {
        if (!SimulatorRegistry.IsRunning(address))
        {
            WriteError(new ErrorRecord(new ItemNotFoundException($"No simulated unit runs at {address} in this session."), "SimulatorNotFound", ErrorCategory.ObjectNotFound, address));
            return;
        }
        if (!ShouldProcess(address, "Stop simulated unit")) return;
        SimulatorRegistry.Stop(address);
        WriteVerbose($"Stopped the simulated unit at {address}.");
    }
}
