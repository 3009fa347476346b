using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol.Ac;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Switches the unit's display. The protocol only toggles, so -On and -Off read the state first and
/// toggle only when needed; -Toggle flips it without looking.
/// </summary>
[Cmdlet(VerbsCommon.Set, "MideaDisplay", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "On",
    HelpUri = "https://github.com/midea-powershell/Midea#set-mideadisplay")]
[OutputType(typeof(MideaState))]
public sealed class SetMideaDisplayCommand : DeviceCmdlet
{
    /// <summary>Turn the display on.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "On")]
    public SwitchParameter On { get; set; }

    /// <summary>Turn the display off.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Off")]
    public SwitchParameter Off { get; set; }

    /// <summary>Flip the display, whatever it shows now.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Toggle")]
    public SwitchParameter Toggle { get; set; }

    /// <summary>Let the unit beep to acknowledge; silent by default.</summary>
    [Parameter]
    public SwitchParameter Beep { get; set; }

    /// <summary>Write the state the unit reports afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    // Two capability pages, GetState and the toggle.
    private protected override int Exchanges => 4;

    /// <summary>Units worked on at once when several come down the pipeline; results keep the input order.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    private protected override int Parallelism => ThrottleLimit;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        string action = Toggle ? "Toggle the display" : On ? "Turn the display on" : "Turn the display off";
        if (!ShouldProcess(Address, action)) return;
        string target = Address;
        Submit(async (client, endpoint, cancel) =>
        {
            AcCapabilities caps = await FeatureReader.CapabilitiesAsync(client, endpoint, false, cancel).ConfigureAwait(false);
            new CapabilityCheck(caps, endpoint.Address.ToString()).Feature("display control", caps.DisplayControl);
            if (!Toggle)
            {
                AcState current = await client.QueryAsync((c, t) => c.GetStateAsync(t), cancel).ConfigureAwait(false);
                if (current.Display == On.IsPresent) return new Outcome(StateMapping.ToPublic(current, endpoint), false);
            }
            return new Outcome(StateMapping.ToPublic(await client.CommandAsync((c, t) => c.ToggleDisplayAsync(Beep.IsPresent, t), cancel).ConfigureAwait(false), endpoint), true);
        }, outcome =>
        {
            MideaState state = outcome.State;
            WriteVerbose(outcome.Toggled ? $"{target}: display toggled; it is now {(state.Display ? "on" : "off")}." : $"{target}: the display was already {(state.Display ? "on" : "off")}; nothing sent.");
            if (PassThru.IsPresent) WriteObject(state);
        });
    }

    private sealed record Outcome(MideaState State, bool Toggled);
}
