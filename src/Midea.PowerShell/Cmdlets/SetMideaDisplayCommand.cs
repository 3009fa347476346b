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
        bool? on = Toggle ? null : On.IsPresent;
        bool beep = Beep.IsPresent;
        Submit(async (appliance, cancel) =>
        {
            (AcState state, bool toggled) = await AirConditionerOf(appliance).SetDisplayAsync(on, beep, cancel).ConfigureAwait(false);
            return new Outcome(StateMapping.ToPublic(state, appliance.Session.Endpoint), toggled);
        }, outcome =>
        {
            MideaState state = outcome.State;
            WriteVerbose(outcome.Toggled ? $"{target}: display toggled; it is now {(state.Display ? "on" : "off")}." : $"{target}: the display was already {(state.Display ? "on" : "off")}; nothing sent.");
            if (PassThru.IsPresent) WriteObject(state);
        });
    }

    private sealed record Outcome(MideaState State, bool Toggled);
}
