using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol.Appliances;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Changes the named fields of a unit's state and features. It reads the unit's capabilities
/// (once per session) and refuses what the unit cannot do before changing anything; then it reads
/// the state, changes only what was asked, sends the whole state back (SetState takes every field
/// at once), and sends feature properties (B0), each with its own result.
/// </summary>
[Cmdlet(VerbsCommon.Set, "MideaState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    HelpUri = "https://github.com/midea-powershell/Midea#set-mideastate")]
[OutputType(typeof(MideaState))]
public sealed class SetMideaStateCommand : DeviceCmdlet
{
    private static readonly string[] StateFields =
    {
        nameof(Power), nameof(Mode), nameof(TargetTemperature), nameof(FanSpeed), nameof(FanSpeedPercent), nameof(SwingMode), nameof(Eco),
        nameof(Turbo), nameof(Sleep), nameof(FreezeProtection), nameof(Fahrenheit), nameof(TargetHumidity), nameof(FollowMe), nameof(Purifier), nameof(AuxHeat),
    };

    private static readonly string[] PropertyFields =
    {
        nameof(VerticalSwingAngle), nameof(HorizontalSwingAngle), nameof(Breeze), nameof(StartSelfClean), nameof(IEco), nameof(RateSelect),
        nameof(FreshAir), nameof(Cascade), nameof(Flash), nameof(OutSilent),
    };

    /// <summary>Power on ($true) or off ($false).</summary>
    [Parameter]
    public bool Power { get; set; }

    /// <summary>Operating mode.</summary>
    [Parameter]
    public OperationalMode Mode { get; set; }

    /// <summary>Target temperature: °C in 0.5 steps, or whole °F with -Unit Fahrenheit; within the unit's range.</summary>
    [Parameter]
    [ValidateRange(0.0, 100.0)]
    [ValidateHalfStep]
    public double TargetTemperature { get; set; }

    /// <summary>Unit of -TargetTemperature.</summary>
    [Parameter]
    public TemperatureUnit Unit { get; set; } = TemperatureUnit.Celsius;

    /// <summary>Fan speed by name.</summary>
    [Parameter]
    public FanSpeed FanSpeed { get; set; }

    /// <summary>Fan speed as a percentage (units with a custom fan).</summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int FanSpeedPercent { get; set; }

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

    /// <summary>Target humidity, % (units that can set one).</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int TargetHumidity { get; set; }

    /// <summary>Follow-me: the unit uses the remote's temperature sensor.</summary>
    [Parameter]
    public bool FollowMe { get; set; }

    /// <summary>Purifier (anion).</summary>
    [Parameter]
    public bool Purifier { get; set; }

    /// <summary>Auxiliary electric heat.</summary>
    [Parameter]
    public AuxiliaryHeat AuxHeat { get; set; }

    /// <summary>Fixed vertical louver position.</summary>
    [Parameter]
    public SwingAngle VerticalSwingAngle { get; set; }

    /// <summary>Fixed horizontal louver position.</summary>
    [Parameter]
    public SwingAngle HorizontalSwingAngle { get; set; }

    /// <summary>Breeze mode.</summary>
    [Parameter]
    public BreezeSetting Breeze { get; set; }

    /// <summary>Start a self-clean cycle.</summary>
    [Parameter]
    public SwitchParameter StartSelfClean { get; set; }

    /// <summary>iECO.</summary>
    [Parameter]
    public bool IEco { get; set; }

    /// <summary>Power limit.</summary>
    [Parameter]
    public RateSelect RateSelect { get; set; }

    /// <summary>Fresh-air fan.</summary>
    [Parameter]
    public FreshAirSpeed FreshAir { get; set; }

    /// <summary>Cascade airflow.</summary>
    [Parameter]
    public CascadeMode Cascade { get; set; }

    /// <summary>Flash cooling.</summary>
    [Parameter]
    public bool Flash { get; set; }

    /// <summary>Quiet outdoor unit.</summary>
    [Parameter]
    public bool OutSilent { get; set; }

    /// <summary>Let the unit beep to acknowledge; silent by default.</summary>
    [Parameter]
    public SwitchParameter Beep { get; set; }

    /// <summary>Write the state the unit reports after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Units worked on at once when several come down the pipeline; results keep the input order.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>Where to look for a saved unit that does not answer at its stored address; the /24 around that address when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateSearchRange]
    public string? SearchRange { get; set; }

    private protected override int Parallelism => ThrottleLimit;

    private protected override MovedUnitSearch? MovedUnits() => NewMovedUnitSearch(SearchRange);

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        List<string> changes = StateFields.Concat(PropertyFields).Where(Given).Where(n => n != nameof(StartSelfClean) || StartSelfClean.IsPresent).Select(Describe).ToList();
        if (changes.Count == 0)
        {
            WriteWarning($"{Address}: no state parameter was given, so nothing was changed.");
            return;
        }
        AcChange change = Change();
        try
        {
            change.Validate();
        }
        catch (ArgumentException ex)
        {
            WriteError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, Address));
            return;
        }
        string action = "Set " + string.Join(", ", changes);
        if (!ShouldProcess(Address, action)) return;
        // Results are written later, when this record's Address and values may already be the next unit's.
        string target = Address;
        Dictionary<string, object?> given = MyInvocation.BoundParameters.ToDictionary(p => p.Key, p => (object?)(p.Value is SwitchParameter flag ? flag.IsPresent : p.Value));
        Submit(async (appliance, cancel) =>
        {
            AcChangeResult outcome = await AirConditionerOf(appliance).ApplyAsync(change, cancel).ConfigureAwait(false);
            MideaState result = StateMapping.ToPublic(outcome.Reported, appliance.Session.Endpoint);
            if (outcome.Properties != null)
            {
                result.Properties = FeatureMapping.ToPublic(outcome.Properties);
                result.PropertyResults = outcome.PropertyResults.Select(r => new MideaPropertyResult
                {
                    Address = result.Address,
                    Property = r.Field,
                    Value = given.TryGetValue(r.Field, out object? value) ? value : null,
                    Success = r.Success,
                    ResultCode = r.ResultCode,
                }).ToArray();
            }
            return result;
        }, state =>
        {
            MideaPropertyResult[] results = state.PropertyResults ?? Array.Empty<MideaPropertyResult>();
            int applied = results.Count(r => r.Success);
            foreach (MideaPropertyResult failed in results.Where(r => !r.Success))
            {
                string others = applied == 0 ? "no property was applied" : $"{applied} other propert{(applied == 1 ? "y was" : "ies were")} applied";
                WriteError(new ErrorRecord(new InvalidOperationException($"{target} did not apply {failed.Property}={failed.Value} (result 0x{failed.ResultCode:x2}); {others}."),
                    "PropertyRejected", ErrorCategory.InvalidResult, target));
            }
            WriteVerbose($"{target}: {action}.");
            if (PassThru.IsPresent) WriteObject(state);
        });
    }

    private bool Given(string name) => MyInvocation.BoundParameters.ContainsKey(name);

    private string Describe(string name) =>
        string.Format(CultureInfo.InvariantCulture, "{0}={1}", name, MyInvocation.BoundParameters[name] is SwitchParameter s ? s.IsPresent : MyInvocation.BoundParameters[name]);

    /// <summary>The fields given, for the appliance layer; a parameter not given stays null (the unit keeps its value).</summary>
    private AcChange Change() => new()
    {
        Power = Given(nameof(Power)) ? Power : null,
        Mode = Given(nameof(Mode)) ? EnumMapping.ToProtocol(Mode) : null,
        TargetTemperature = Given(nameof(TargetTemperature)) ? TargetTemperature : null,
        TargetInFahrenheit = Unit == TemperatureUnit.Fahrenheit,
        FanSpeed = Given(nameof(FanSpeed)) ? EnumMapping.ToProtocol(FanSpeed) : null,
        FanSpeedPercent = Given(nameof(FanSpeedPercent)) ? FanSpeedPercent : null,
        SwingMode = Given(nameof(SwingMode)) ? EnumMapping.ToProtocol(SwingMode) : null,
        Eco = Given(nameof(Eco)) ? Eco : null,
        Turbo = Given(nameof(Turbo)) ? Turbo : null,
        Sleep = Given(nameof(Sleep)) ? Sleep : null,
        FreezeProtection = Given(nameof(FreezeProtection)) ? FreezeProtection : null,
        Fahrenheit = Given(nameof(Fahrenheit)) ? Fahrenheit : null,
        TargetHumidity = Given(nameof(TargetHumidity)) ? TargetHumidity : null,
        FollowMe = Given(nameof(FollowMe)) ? FollowMe : null,
        Purifier = Given(nameof(Purifier)) ? Purifier : null,
        AuxHeat = Given(nameof(AuxHeat)) ? EnumMapping.ToProtocol(AuxHeat) : null,
        VerticalSwingAngle = Given(nameof(VerticalSwingAngle)) ? EnumMapping.ToProtocol(VerticalSwingAngle) : null,
        HorizontalSwingAngle = Given(nameof(HorizontalSwingAngle)) ? EnumMapping.ToProtocol(HorizontalSwingAngle) : null,
        Breeze = Given(nameof(Breeze)) ? EnumMapping.ToProtocol(Breeze) : null,
        StartSelfClean = StartSelfClean.IsPresent,
        IEco = Given(nameof(IEco)) ? IEco : null,
        RateSelect = Given(nameof(RateSelect)) ? EnumMapping.ToProtocol(RateSelect) : null,
        FreshAir = Given(nameof(FreshAir)) ? EnumMapping.ToProtocol(FreshAir) : null,
        Cascade = Given(nameof(Cascade)) ? EnumMapping.ToProtocol(Cascade) : null,
        Flash = Given(nameof(Flash)) ? Flash : null,
        OutSilent = Given(nameof(OutSilent)) ? OutSilent : null,
        Beep = Beep.IsPresent,
    };
}
