using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol;
using Midea.Protocol.Appliances;
using Midea.Protocol.Cc;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Changes the named fields of a unit's state and features. It reads the unit's capabilities
/// (once per session) and refuses what the unit cannot do before changing anything; then it reads
/// the state, changes only what was asked, sends the whole state back (SetState takes every field
/// at once), and sends feature properties (B0), each with its own result. A commercial unit (0xCC)
/// takes one control naming only the given fields, after its answer's capabilities allowed them.
/// Parameters of one family are refused for the other before anything is sent.
/// </summary>
[Cmdlet(VerbsCommon.Set, "MideaState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    HelpUri = "https://github.com/midea-powershell/Midea#set-mideastate")]
[OutputType(typeof(MideaState), typeof(MideaCommercialAcState))]
public sealed class SetMideaStateCommand : DeviceCmdlet
{
    // Every field a change may name, in the order -WhatIf lists them.
    private static readonly string[] Fields =
    {
        nameof(Power), nameof(Mode), nameof(TargetTemperature), nameof(FanSpeed), nameof(FanSpeedPercent), nameof(FanLevel), nameof(SwingMode), nameof(Eco),
        nameof(Turbo), nameof(Silent), nameof(Sleep), nameof(FreezeProtection), nameof(Fahrenheit), nameof(TargetHumidity), nameof(FollowMe), nameof(Purifier), nameof(AuxHeat),
        nameof(VerticalSwingAngle), nameof(HorizontalSwingAngle), nameof(WindSense), nameof(Breeze), nameof(StartSelfClean), nameof(IEco), nameof(RateSelect),
        nameof(FreshAir), nameof(Cascade), nameof(Flash), nameof(OutSilent), nameof(Display), nameof(Buzzer),
    };

    private static readonly string[] AirConditionerOnly =
    {
        nameof(FanSpeed), nameof(FanSpeedPercent), nameof(SwingMode), nameof(Turbo), nameof(FreezeProtection), nameof(FollowMe), nameof(Breeze),
        nameof(StartSelfClean), nameof(IEco), nameof(RateSelect), nameof(FreshAir), nameof(Cascade), nameof(Flash), nameof(OutSilent), nameof(Beep),
    };

    private static readonly string[] CommercialOnly = { nameof(FanLevel), nameof(Silent), nameof(WindSense), nameof(Display), nameof(Buzzer) };

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

    /// <summary>Fan level of a commercial unit (0xCC): Level1 to Level7, or Auto.</summary>
    [Parameter]
    public FanLevel FanLevel { get; set; }

    /// <summary>Silent mode (commercial units).</summary>
    [Parameter]
    public bool Silent { get; set; }

    /// <summary>Wind sense (commercial units; untested).</summary>
    [Parameter]
    public WindSense WindSense { get; set; }

    /// <summary>Display on or off (commercial units; unverified). Air conditioners use Set-MideaDisplay.</summary>
    [Parameter]
    public bool Display { get; set; }

    /// <summary>Buzzer on or off (commercial units; unverified). Air conditioners beep per command with -Beep.</summary>
    [Parameter]
    public bool Buzzer { get; set; }

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
        List<string> changes = Fields.Where(Given).Where(n => n != nameof(StartSelfClean) || StartSelfClean.IsPresent).Select(Describe).ToList();
        if (changes.Count == 0)
        {
            WriteWarning($"{Address}: no state parameter was given, so nothing was changed.");
            return;
        }
        // Results are written later, when this record's Address and values may already be the next unit's.
        string target = Address;
        Dictionary<string, object?> given = MyInvocation.BoundParameters.ToDictionary(p => p.Key, p => (object?)(p.Value is SwitchParameter flag ? flag.IsPresent : p.Value));
        string[] named = FamilyParameters.Given(MyInvocation);
        try
        {
            // What an air conditioner would be sent is checked now, whatever the unit turns out to
            // be, so a value no unit takes fails before -WhatIf or any discovery.
            AirConditionerChange(given).Validate();
        }
        catch (ArgumentException ex)
        {
            WriteError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, Address));
            return;
        }
        string action = "Set " + string.Join(", ", changes);
        if (!ShouldProcess(Address, action)) return;
        Submit<object>(async (appliance, cancel) =>
        {
            FamilyParameters.Refuse(appliance, named, AirConditionerOnly, CommercialOnly);
            if (appliance is CommercialAc commercial)
            {
                CcChangeResult applied = await commercial.ApplyAsync(CommercialChange(appliance, given), cancel).ConfigureAwait(false);
                MideaCommercialAcState reported = CommercialStateMapping.ToPublic(applied.Reported, appliance.Session.Endpoint);
                reported.Unconfirmed = applied.Unconfirmed.Select(CommercialMapping.ParameterOf).ToArray();
                return reported;
            }
            AcChange change = AirConditionerChange(given, appliance);
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
        }, written =>
        {
            if (written is MideaCommercialAcState commercial)
            {
                // A field the answer did not echo may or may not have been taken; the reported state keeps the value read before.
                foreach (string field in commercial.Unconfirmed ?? Array.Empty<string>())
                    WriteError(new ErrorRecord(new InvalidOperationException($"{target} did not confirm {field} in its answer; it may not have been applied. Read it with Get-MideaState."),
                        "PropertyRejected", ErrorCategory.InvalidResult, target));
                WriteVerbose($"{target}: {action}.");
                if (PassThru.IsPresent) WriteObject(commercial);
                return;
            }
            var state = (MideaState)written;
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

    /// <summary>
    /// The fields given, for an air conditioner; a parameter not given stays null (the unit keeps
    /// its value). With <paramref name="unit"/> (the worker, once the unit is known), a value only
    /// commercial units take is refused naming the unit; without it such a value is left out.
    /// </summary>
    /// <exception cref="NotSupportedByUnitException">A louver Auto or a commercial auxiliary-heat setting for an air conditioner.</exception>
    private static AcChange AirConditionerChange(Dictionary<string, object?> given, Appliance? unit = null)
    {
        T? Value<T>(string name) where T : struct => GivenValue<T>(given, name);
        // Values that exist only for commercial units (louver Auto; aux heat Auto, Separate).
        SwingAngle? Angle(string name) => Value<SwingAngle>(name) is { } angle && angle == SwingAngle.Auto ? OnlyCommercial<SwingAngle>(unit, name, angle) : Value<SwingAngle>(name);
        AuxiliaryHeat? aux = Value<AuxiliaryHeat>(nameof(AuxHeat)) is { } heat && heat is AuxiliaryHeat.Auto or AuxiliaryHeat.Separate ? OnlyCommercial<AuxiliaryHeat>(unit, nameof(AuxHeat), heat) : Value<AuxiliaryHeat>(nameof(AuxHeat));
        SwingAngle? vertical = Angle(nameof(VerticalSwingAngle));
        SwingAngle? horizontal = Angle(nameof(HorizontalSwingAngle));
        return new AcChange
        {
            Power = Value<bool>(nameof(Power)),
            Mode = Value<OperationalMode>(nameof(Mode)) is { } mode ? EnumMapping.ToProtocol(mode) : null,
            TargetTemperature = Value<double>(nameof(TargetTemperature)),
            TargetInFahrenheit = Value<TemperatureUnit>(nameof(Unit)) == TemperatureUnit.Fahrenheit,
            FanSpeed = Value<FanSpeed>(nameof(FanSpeed)) is { } fan ? EnumMapping.ToProtocol(fan) : null,
            FanSpeedPercent = Value<int>(nameof(FanSpeedPercent)),
            SwingMode = Value<SwingMode>(nameof(SwingMode)) is { } swing ? EnumMapping.ToProtocol(swing) : null,
            Eco = Value<bool>(nameof(Eco)),
            Turbo = Value<bool>(nameof(Turbo)),
            Sleep = Value<bool>(nameof(Sleep)),
            FreezeProtection = Value<bool>(nameof(FreezeProtection)),
            Fahrenheit = Value<bool>(nameof(Fahrenheit)),
            TargetHumidity = Value<int>(nameof(TargetHumidity)),
            FollowMe = Value<bool>(nameof(FollowMe)),
            Purifier = Value<bool>(nameof(Purifier)),
            AuxHeat = aux is { } a ? EnumMapping.ToProtocol(a) : null,
            VerticalSwingAngle = vertical is { } v ? EnumMapping.ToProtocol(v) : null,
            HorizontalSwingAngle = horizontal is { } h ? EnumMapping.ToProtocol(h) : null,
            Breeze = Value<BreezeSetting>(nameof(Breeze)) is { } breeze ? EnumMapping.ToProtocol(breeze) : null,
            StartSelfClean = Value<bool>(nameof(StartSelfClean)) ?? false,
            IEco = Value<bool>(nameof(IEco)),
            RateSelect = Value<RateSelect>(nameof(RateSelect)) is { } rate ? EnumMapping.ToProtocol(rate) : null,
            FreshAir = Value<FreshAirSpeed>(nameof(FreshAir)) is { } fresh ? EnumMapping.ToProtocol(fresh) : null,
            Cascade = Value<CascadeMode>(nameof(Cascade)) is { } cascade ? EnumMapping.ToProtocol(cascade) : null,
            Flash = Value<bool>(nameof(Flash)),
            OutSilent = Value<bool>(nameof(OutSilent)),
            Beep = Value<bool>(nameof(Beep)) ?? false,
        };
    }

    /// <summary>The value a record gave for <paramref name="name"/>, or null when it gave none.</summary>
    private static T? GivenValue<T>(Dictionary<string, object?> given, string name) where T : struct =>
        given.TryGetValue(name, out object? value) ? (T)value! : null;

    /// <summary>Refuses a value only commercial units take, once the unit is known to be an air conditioner; before that, leaves it out.</summary>
    private static T? OnlyCommercial<T>(Appliance? unit, string name, T value) where T : struct =>
        unit is null ? null : throw new NotSupportedByUnitException($"{unit.Session.Endpoint} is an {Appliance.TypeName(unit.Session.Endpoint.ApplianceType)} unit; -{name} {value} is for commercial units (CommercialAc, 0xCC) only. Nothing was sent.");

    /// <summary>The fields given, for a commercial unit (0xCC); a value the family lacks (Mode SmartDry) is refused naming the unit.</summary>
    /// <exception cref="NotSupportedByUnitException">A value commercial units do not have; nothing was sent.</exception>
    private static CcChanges CommercialChange(Appliance unit, Dictionary<string, object?> given)
    {
        T? Value<T>(string name) where T : struct => GivenValue<T>(given, name);
        NotSupportedByUnitException Lacks(string name, object value) =>
            new($"{unit.Session.Endpoint} is a {Appliance.TypeName(unit.Session.Endpoint.ApplianceType)} unit, which has no -{name} {value}. Nothing was sent.");
        double? target = Value<double>(nameof(TargetTemperature));
        if (target is { } t && Value<TemperatureUnit>(nameof(Unit)) == TemperatureUnit.Fahrenheit) target = Protocol.Ac.Fahrenheit.ToCelsius(t);
        return new CcChanges
        {
            Power = Value<bool>(nameof(Power)),
            Mode = Value<OperationalMode>(nameof(Mode)) is { } mode ? CommercialMapping.ToProtocol(mode) ?? throw Lacks(nameof(Mode), mode) : null,
            TargetTemperature = target,
            FanSpeed = Value<FanLevel>(nameof(FanLevel)) is { } level ? CommercialMapping.ToProtocol(level) : null,
            VerticalSwingAngle = Value<SwingAngle>(nameof(VerticalSwingAngle)) is { } vertical ? CommercialMapping.ToProtocol(vertical) : null,
            HorizontalSwingAngle = Value<SwingAngle>(nameof(HorizontalSwingAngle)) is { } horizontal ? CommercialMapping.ToProtocol(horizontal) : null,
            WindSense = Value<WindSense>(nameof(WindSense)) is { } wind ? CommercialMapping.ToProtocol(wind) : null,
            Eco = Value<bool>(nameof(Eco)),
            Silent = Value<bool>(nameof(Silent)),
            Sleep = Value<bool>(nameof(Sleep)),
            Fahrenheit = Value<bool>(nameof(Fahrenheit)),
            TargetHumidity = Value<int>(nameof(TargetHumidity)),
            Purifier = Value<bool>(nameof(Purifier)) is { } purifier ? (purifier ? Protocol.Cc.CcPurifier.On : Protocol.Cc.CcPurifier.Off) : null,
            AuxiliaryHeat = Value<AuxiliaryHeat>(nameof(AuxHeat)) is { } aux ? CommercialMapping.ToProtocol(aux) ?? throw Lacks(nameof(AuxHeat), aux) : null,
            Display = Value<bool>(nameof(Display)),
            Beep = Value<bool>(nameof(Buzzer)),
        };
    }
}
