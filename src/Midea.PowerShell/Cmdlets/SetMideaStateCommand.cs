using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Protocol.Ac;

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

    // Two capability pages, GetState, SetState, SetProperties and a final GetState.
    private protected override int Exchanges => 6;

    /// <summary>Units worked on at once when several come down the pipeline; results keep the input order.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    private protected override int Parallelism => ThrottleLimit;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        List<string> changes = StateFields.Concat(PropertyFields).Where(Given).Where(n => n != nameof(StartSelfClean) || StartSelfClean.IsPresent).Select(Describe).ToList();
        if (changes.Count == 0)
        {
            WriteWarning($"{Address}: no state parameter was given, so nothing was changed.");
            return;
        }
        if (Given(nameof(FanSpeed)) && Given(nameof(FanSpeedPercent)))
        {
            WriteError(new ErrorRecord(new ArgumentException("Give -FanSpeed or -FanSpeedPercent, not both."), "InvalidArgument", ErrorCategory.InvalidArgument, Address));
            return;
        }
        if (Given(nameof(TargetTemperature)) && Unit == TemperatureUnit.Fahrenheit && TargetTemperature % 1 != 0)
        {
            WriteError(new ErrorRecord(new ArgumentException($"-TargetTemperature in °F takes whole degrees, not {TargetTemperature.ToString(CultureInfo.InvariantCulture)}."),
                "InvalidArgument", ErrorCategory.InvalidArgument, Address));
            return;
        }
        string action = "Set " + string.Join(", ", changes);
        if (!ShouldProcess(Address, action)) return;
        // Results are written later, when this record's Address may already name the next unit.
        string target = Address;
        Submit(async (client, endpoint, cancel) =>
        {
            AcCapabilities caps = await FeatureReader.CapabilitiesAsync(client, endpoint, false, cancel).ConfigureAwait(false);
            var check = new CapabilityCheck(caps, endpoint.Address.ToString());
            double? celsius = Given(nameof(TargetTemperature)) ? TargetCelsius(check) : null;
            CheckState(check);
            List<PropertyValue> properties = BuildProperties(check);

            AcState? reported = null;
            if (StateFields.Any(Given))
            {
                AcState current = await client.QueryAsync((c, t) => c.GetStateAsync(t), cancel).ConfigureAwait(false);
                AcState desired = Apply(current.Clone(), celsius);
                reported = await client.CommandAsync((c, t) => c.SetStateAsync(desired, Beep.IsPresent, t), cancel).ConfigureAwait(false);
            }
            IReadOnlyList<PropertyValue> answers = Array.Empty<PropertyValue>();
            if (properties.Count > 0)
            {
                // The buzzer entry rides along with every B0, as the vendor app sends it.
                properties.Add(PropertyValues.Buzzer(Beep.IsPresent));
                answers = await client.CommandAsync((c, t) => c.SetPropertiesAsync(properties, t), cancel).ConfigureAwait(false);
            }
            reported ??= await client.QueryAsync((c, t) => c.GetStateAsync(t), cancel).ConfigureAwait(false);
            MideaState result = StateMapping.ToPublic(reported, endpoint);
            if (properties.Count > 0)
            {
                // Refused entries echo the value asked for, not one the unit holds, so only applied ones are shown.
                result.Properties = FeatureMapping.ToPublic(AcProperties.Decode(answers.Where(a => !a.Failed)));
                result.PropertyResults = properties.Where(p => p.Id != PropertyId.Buzzer).Select(p => Result(p, answers, result.Address)).ToArray();
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

    /// <exception cref="UnsupportedValueException">Outside the unit's range.</exception>
    private double TargetCelsius(CapabilityCheck check)
    {
        double celsius = Unit == TemperatureUnit.Fahrenheit ? Protocol.Ac.Fahrenheit.ToCelsius(TargetTemperature) : TargetTemperature;
        check.Temperature(celsius, Unit, TargetTemperature);
        return celsius;
    }

    private void CheckState(CapabilityCheck check)
    {
        AcCapabilities caps = check.Capabilities;
        if (Given(nameof(Mode))) check.OneOf(nameof(Mode), Mode, caps.Modes.Select(m => (OperationalMode)m));
        if (Given(nameof(FanSpeed)) && !caps.CustomFanSpeed) check.OneOf(nameof(FanSpeed), FanSpeed, caps.FanSpeeds.Select(f => (FanSpeed)f));
        if (Given(nameof(FanSpeedPercent))) check.Feature("custom fan speed (-FanSpeedPercent)", caps.CustomFanSpeed);
        if (Given(nameof(SwingMode))) check.OneOf(nameof(SwingMode), SwingMode, caps.SwingModes.Select(s => (SwingMode)s));
        if (Given(nameof(Eco))) check.Feature(nameof(Eco), caps.Eco);
        if (Given(nameof(Turbo))) check.Feature(nameof(Turbo), caps.Turbo);
        if (Given(nameof(FreezeProtection))) check.Feature(nameof(FreezeProtection), caps.FreezeProtection);
        if (Given(nameof(Fahrenheit))) check.Feature("Fahrenheit display", caps.Fahrenheit);
        if (Given(nameof(TargetHumidity))) check.Feature(nameof(TargetHumidity), caps.TargetHumidity);
        if (Given(nameof(Purifier))) check.Feature(nameof(Purifier), caps.Purifier);
        if (Given(nameof(AuxHeat))) check.OneOf(nameof(AuxHeat), AuxHeat, caps.AuxModes.Select(a => (AuxiliaryHeat)a));
    }

    private List<PropertyValue> BuildProperties(CapabilityCheck check)
    {
        AcCapabilities caps = check.Capabilities;
        var values = new List<PropertyValue>();
        if (Given(nameof(VerticalSwingAngle)))
        {
            check.Feature(nameof(VerticalSwingAngle), caps.VerticalSwingAngle);
            values.Add(PropertyValues.SwingAngle(true, (byte)VerticalSwingAngle));
        }
        if (Given(nameof(HorizontalSwingAngle)))
        {
            check.Feature(nameof(HorizontalSwingAngle), caps.HorizontalSwingAngle);
            values.Add(PropertyValues.SwingAngle(false, (byte)HorizontalSwingAngle));
        }
        if (Given(nameof(Breeze))) values.AddRange(BreezeValues(check));
        if (StartSelfClean.IsPresent)
        {
            check.Feature("self clean", caps.SelfClean);
            values.Add(PropertyValues.SelfClean());
        }
        if (Given(nameof(IEco)))
        {
            check.Feature(nameof(IEco), caps.IEcoSupported);
            values.Add(PropertyValues.IEco(IEco, (byte)caps.IEcoNumber));
        }
        if (Given(nameof(RateSelect)))
        {
            check.OneOf(nameof(RateSelect), RateSelect, caps.RateSelects.Select(r => (RateSelect)r));
            values.Add(PropertyValues.RateSelect((byte)RateSelect));
        }
        if (Given(nameof(FreshAir)))
        {
            check.Feature(nameof(FreshAir), caps.FreshAir);
            values.Add(PropertyValues.FreshAir(FreshAir != FreshAirSpeed.Off, FreshAir == FreshAirSpeed.Off ? (byte)FreshAirSpeed.Low : (byte)FreshAir));
        }
        if (Given(nameof(Cascade)))
        {
            check.Feature(nameof(Cascade), caps.Cascade);
            values.Add(PropertyValues.Cascade((byte)Cascade));
        }
        if (Given(nameof(Flash)))
        {
            check.Feature(nameof(Flash), caps.Flash);
            values.Add(PropertyValues.Flash(Flash));
        }
        if (Given(nameof(OutSilent)))
        {
            check.Feature(nameof(OutSilent), caps.OutSilent);
            values.Add(PropertyValues.OutSilent(OutSilent));
        }
        return values;
    }

    /// <summary>Breeze through property 0x43 when the unit has it, else the older 0x42 (away) and 0x18 (breezeless).</summary>
    private IEnumerable<PropertyValue> BreezeValues(CapabilityCheck check)
    {
        AcCapabilities caps = check.Capabilities;
        var offered = new List<BreezeSetting>();
        if (caps.BreezeAway || caps.BreezeMild || caps.BreezelessMode) offered.Add(BreezeSetting.Off);
        if (caps.BreezeAway) offered.Add(BreezeSetting.BreezeAway);
        if (caps.BreezeMild) offered.Add(BreezeSetting.BreezeMild);
        if (caps.BreezelessMode) offered.Add(BreezeSetting.Breezeless);
        check.OneOf(nameof(Breeze), Breeze, offered);
        if (caps.BreezeControl) return new[] { PropertyValues.Breeze((Protocol.Ac.BreezeSetting)Breeze) };
        var values = new List<PropertyValue>();
        if (caps.BreezeAway) values.Add(PropertyValues.BreezeAway(Breeze == BreezeSetting.BreezeAway));
        if (caps.BreezelessMode) values.Add(PropertyValues.Breezeless(Breeze == BreezeSetting.Breezeless));
        return values;
    }

    private MideaPropertyResult Result(PropertyValue sent, IReadOnlyList<PropertyValue> answers, string address)
    {
        PropertyValue? answer = answers.FirstOrDefault(a => a.Id == sent.Id);
        string parameter = sent.Id switch
        {
            PropertyId.BreezeControl or PropertyId.BreezeAway or PropertyId.Breezeless => nameof(Breeze),
            PropertyId.SelfClean => nameof(StartSelfClean),
            _ => PropertyId.Name(sent.Id),
        };
        MyInvocation.BoundParameters.TryGetValue(parameter, out object? value);
        return new MideaPropertyResult
        {
            Address = address,
            Property = parameter,
            Value = value is SwitchParameter flag ? flag.IsPresent : value,
            Success = answer is { Failed: false },
            ResultCode = answer?.Result ?? 0xFF,
        };
    }

    private AcState Apply(AcState state, double? celsius)
    {
        if (Given(nameof(Power))) state.Power = Power;
        if (Given(nameof(Mode))) state.Mode = StateMapping.ToProtocol(Mode);
        if (celsius is { } target) state.TargetTemperature = target;
        if (Given(nameof(FanSpeed))) state.FanSpeed = (byte)FanSpeed;
        if (Given(nameof(FanSpeedPercent))) state.FanSpeed = (byte)FanSpeedPercent;
        if (Given(nameof(SwingMode))) state.Swing = StateMapping.ToProtocol(SwingMode);
        if (Given(nameof(Eco))) state.Eco = Eco;
        if (Given(nameof(Turbo))) state.Turbo = Turbo;
        if (Given(nameof(Sleep))) state.Sleep = Sleep;
        if (Given(nameof(FreezeProtection))) state.FreezeProtection = FreezeProtection;
        if (Given(nameof(Fahrenheit))) state.Fahrenheit = Fahrenheit;
        if (Given(nameof(TargetHumidity))) state.TargetHumidity = TargetHumidity;
        if (Given(nameof(FollowMe))) state.FollowMe = FollowMe;
        if (Given(nameof(Purifier))) state.Purifier = Purifier;
        if (Given(nameof(AuxHeat)))
        {
            state.AuxHeat = AuxHeat == AuxiliaryHeat.On;
            state.IndependentAuxHeat = AuxHeat == AuxiliaryHeat.Only;
        }
        return state;
    }
}
