using System;
using System.Collections.Generic;
using System.Globalization;
using Midea.Protocol.Ac;

namespace Midea.Protocol.Appliances;

/// <summary>
/// The fields of an air conditioner to change; a null field is left as the unit has it. The names
/// are the ones users give (Set-MideaState's parameters), so messages about a field name it the
/// same way. State fields go by SetState, feature fields by B0 properties.
/// </summary>
public sealed class AcChange
{
    /// <summary>Power on or off.</summary>
    public bool? Power { get; set; }
    /// <summary>Operating mode.</summary>
    public OperationalMode? Mode { get; set; }
    /// <summary>Target temperature, in °C (0.5 steps) or, with <see cref="TargetInFahrenheit"/>, whole °F.</summary>
    public double? TargetTemperature { get; set; }
    /// <summary><see cref="TargetTemperature"/> is in °F.</summary>
    public bool TargetInFahrenheit { get; set; }
    /// <summary>A named fan speed.</summary>
    public FanSpeed? FanSpeed { get; set; }
    /// <summary>A fan speed in percent (units with a custom fan).</summary>
    public int? FanSpeedPercent { get; set; }
    /// <summary>Louver swing.</summary>
    public SwingMode? SwingMode { get; set; }
    /// <summary>Eco mode.</summary>
    public bool? Eco { get; set; }
    /// <summary>Turbo.</summary>
    public bool? Turbo { get; set; }
    /// <summary>Sleep mode.</summary>
    public bool? Sleep { get; set; }
    /// <summary>Freeze protection.</summary>
    public bool? FreezeProtection { get; set; }
    /// <summary>°F on the unit's display.</summary>
    public bool? Fahrenheit { get; set; }
    /// <summary>Target humidity, %.</summary>
    public int? TargetHumidity { get; set; }
    /// <summary>Follow-me (the remote's sensor).</summary>
    public bool? FollowMe { get; set; }
    /// <summary>Purifier (anion).</summary>
    public bool? Purifier { get; set; }
    /// <summary>Auxiliary electric heat.</summary>
    public AuxiliaryHeat? AuxHeat { get; set; }
    /// <summary>Fixed vertical louver position (property 0x09).</summary>
    public SwingAngle? VerticalSwingAngle { get; set; }
    /// <summary>Fixed horizontal louver position (property 0x0A).</summary>
    public SwingAngle? HorizontalSwingAngle { get; set; }
    /// <summary>Breeze (property 0x43, or 0x42/0x18 on older units).</summary>
    public BreezeSetting? Breeze { get; set; }
    /// <summary>Start a self-clean cycle (property 0x39).</summary>
    public bool StartSelfClean { get; set; }
    /// <summary>iECO (property 0xE3).</summary>
    public bool? IEco { get; set; }
    /// <summary>Power limit (property 0x48).</summary>
    public RateSelect? RateSelect { get; set; }
    /// <summary>Fresh-air fan (property 0x4B).</summary>
    public FreshAirSpeed? FreshAir { get; set; }
    /// <summary>Cascade airflow (property 0x59).</summary>
    public CascadeMode? Cascade { get; set; }
    /// <summary>Flash cooling (property 0x67).</summary>
    public bool? Flash { get; set; }
    /// <summary>Quiet outdoor unit (property 0xCD).</summary>
    public bool? OutSilent { get; set; }
    /// <summary>Let the unit beep to acknowledge.</summary>
    public bool Beep { get; set; }

    /// <summary>Whether any field goes by SetState.</summary>
    public bool ChangesState =>
        Power.HasValue || Mode.HasValue || TargetTemperature.HasValue || FanSpeed.HasValue || FanSpeedPercent.HasValue || SwingMode.HasValue
        || Eco.HasValue || Turbo.HasValue || Sleep.HasValue || FreezeProtection.HasValue || Fahrenheit.HasValue || TargetHumidity.HasValue
        || FollowMe.HasValue || Purifier.HasValue || AuxHeat.HasValue;

    /// <summary>Whether any field goes by B0 properties.</summary>
    public bool ChangesProperties =>
        VerticalSwingAngle.HasValue || HorizontalSwingAngle.HasValue || Breeze.HasValue || StartSelfClean || IEco.HasValue || RateSelect.HasValue
        || FreshAir.HasValue || Cascade.HasValue || Flash.HasValue || OutSilent.HasValue;

    /// <summary>Refuses what no unit could take, before any unit is asked.</summary>
    /// <exception cref="ArgumentException">Both fan speeds, or a °F target that is not whole.</exception>
    public void Validate()
    {
        if (FanSpeed.HasValue && FanSpeedPercent.HasValue) throw new ArgumentException("Give -FanSpeed or -FanSpeedPercent, not both.");
        if (TargetTemperature is { } t && TargetInFahrenheit && t % 1 != 0)
            throw new ArgumentException($"-TargetTemperature in °F takes whole degrees, not {t.ToString(CultureInfo.InvariantCulture)}.");
    }
}

/// <summary>What the unit said to one property of a change.</summary>
public sealed class AcPropertyResult
{
    internal AcPropertyResult(string field, bool success, byte resultCode)
    {
        Field = field;
        Success = success;
        ResultCode = resultCode;
    }

    /// <summary>The <see cref="AcChange"/> field the property carried.</summary>
    public string Field { get; }

    /// <summary>The unit applied it.</summary>
    public bool Success { get; }

    /// <summary>The unit's result code (0 applied; 0xFF when the answer did not name the property).</summary>
    public byte ResultCode { get; }
}

/// <summary>What a change came to: the state the unit reports after it, and each property's result.</summary>
public sealed class AcChangeResult
{
    internal AcChangeResult(AcState reported, AcProperties? properties, IReadOnlyList<AcPropertyResult> propertyResults)
    {
        Reported = reported;
        Properties = properties;
        PropertyResults = propertyResults;
    }

    /// <summary>The state the unit reported (SetState's own reply, or a read when only properties changed).</summary>
    public AcState Reported { get; }

    /// <summary>The properties the unit applied, as it echoed them; null when no property was changed.</summary>
    public AcProperties? Properties { get; }

    /// <summary>One result per property sent (the buzzer entry that rides along not counted).</summary>
    public IReadOnlyList<AcPropertyResult> PropertyResults { get; }
}
