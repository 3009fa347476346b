using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol.Ac;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Changes the named fields of a unit's state: it reads the state, changes only what was asked,
/// and sends the whole state back (the unit's SetState takes every field at once).
/// </summary>
[Cmdlet(VerbsCommon.Set, "MideaState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    HelpUri = "https://github.com/midea-powershell/Midea#set-mideastate")]
[OutputType(typeof(MideaState))]
public sealed class SetMideaStateCommand : DeviceCmdlet
{
    /// <summary>Power on ($true) or off ($false).</summary>
    [Parameter]
    public bool Power { get; set; }

    /// <summary>Operating mode.</summary>
    [Parameter]
    public OperationalMode Mode { get; set; }

    /// <summary>Target temperature, °C, 16 to 30 in 0.5 steps.</summary>
    [Parameter]
    [ValidateRange(16.0, 30.0)]
    [ValidateHalfStep]
    public double TargetTemperature { get; set; }

    /// <summary>Fan speed.</summary>
    [Parameter]
    public FanSpeed FanSpeed { get; set; }

    /// <summary>Swing mode.</summary>
    [Parameter]
    public SwingMode SwingMode { get; set; }

    /// <summary>Eco mode.</summary>
    [Parameter]
    public bool Eco { get; set; }

    /// <summary>Turbo mode.</summary>
    [Parameter]
    public bool Turbo { get; set; }

    /// <summary>Sleep mode.</summary>
    [Parameter]
    public bool Sleep { get; set; }

    /// <summary>Freeze protection.</summary>
    [Parameter]
    public bool FreezeProtection { get; set; }

    /// <summary>Show °F on the unit's display.</summary>
    [Parameter]
    public bool Fahrenheit { get; set; }

    /// <summary>Let the unit beep to acknowledge; silent by default.</summary>
    [Parameter]
    public SwitchParameter Beep { get; set; }

    /// <summary>Write the state the unit reports after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        List<string> changes = DescribeChanges();
        if (changes.Count == 0)
        {
            WriteWarning($"{Address}: no state parameter was given, so nothing was changed.");
            return;
        }
        string action = "Set " + string.Join(", ", changes);
        if (!ShouldProcess(Address, action)) return;
        MideaState? state = WithDevice(async (client, endpoint, cancel) =>
        {
            AcState current = await client.GetStateAsync(cancel).ConfigureAwait(false);
            AcState desired = Apply(current.Clone());
            AcState reported = await client.SetStateAsync(desired, Beep.IsPresent, cancel).ConfigureAwait(false);
            return StateMapping.ToPublic(reported, endpoint);
        });
        if (state is null) return;
        WriteVerbose($"{Address}: {action}.");
        if (PassThru.IsPresent) WriteObject(state);
    }

    private bool Given(string name) => MyInvocation.BoundParameters.ContainsKey(name);

    private List<string> DescribeChanges()
    {
        var changes = new List<string>();
        void Add(string name, object value)
        {
            if (Given(name)) changes.Add(string.Format(CultureInfo.InvariantCulture, "{0}={1}", name, value));
        }
        Add(nameof(Power), Power);
        Add(nameof(Mode), Mode);
        Add(nameof(TargetTemperature), TargetTemperature);
        Add(nameof(FanSpeed), FanSpeed);
        Add(nameof(SwingMode), SwingMode);
        Add(nameof(Eco), Eco);
        Add(nameof(Turbo), Turbo);
        Add(nameof(Sleep), Sleep);
        Add(nameof(FreezeProtection), FreezeProtection);
        Add(nameof(Fahrenheit), Fahrenheit);
        return changes;
    }

    private AcState Apply(AcState state)
    {
        if (Given(nameof(Power))) state.Power = Power;
        if (Given(nameof(Mode))) state.Mode = StateMapping.ToProtocol(Mode);
        if (Given(nameof(TargetTemperature))) state.TargetTemperature = TargetTemperature;
        if (Given(nameof(FanSpeed))) state.FanSpeed = (byte)FanSpeed;
        if (Given(nameof(SwingMode))) state.Swing = StateMapping.ToProtocol(SwingMode);
        if (Given(nameof(Eco))) state.Eco = Eco;
        if (Given(nameof(Turbo))) state.Turbo = Turbo;
        if (Given(nameof(Sleep))) state.Sleep = Sleep;
        if (Given(nameof(FreezeProtection))) state.FreezeProtection = FreezeProtection;
        if (Given(nameof(Fahrenheit))) state.Fahrenheit = Fahrenheit;
        return state;
    }
}
