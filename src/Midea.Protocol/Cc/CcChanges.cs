using System;
using System.Collections.Generic;

namespace Midea.Protocol.Cc;

/// <summary>
/// The fields one 0xCC control sets, or that a control answer confirms (protocol.md §9.4): null is
/// "not named". A client fills it to build a control; a simulated unit gets it from the control it
/// received and applies it with <see cref="ApplyTo"/>.
/// </summary>
public sealed class CcChanges
{
    /// <summary>Power.</summary>
    public bool? Power { get; set; }
    /// <summary>Target temperature in °C; sent in 0.5 steps.</summary>
    public double? TargetTemperature { get; set; }
    /// <summary>Show °F.</summary>
    public bool? Fahrenheit { get; set; }
    /// <summary>Target humidity %. Unverified.</summary>
    public int? TargetHumidity { get; set; }
    /// <summary>Operational mode.</summary>
    public CcMode? Mode { get; set; }
    /// <summary>Fan speed.</summary>
    public CcFanSpeed? FanSpeed { get; set; }
    /// <summary>Vertical louver angle.</summary>
    public CcSwingAngle? VerticalSwingAngle { get; set; }
    /// <summary>Horizontal louver angle.</summary>
    public CcSwingAngle? HorizontalSwingAngle { get; set; }
    /// <summary>Wind sense. Untested by msmart-ng.</summary>
    public CcWindSense? WindSense { get; set; }
    /// <summary>Eco.</summary>
    public bool? Eco { get; set; }
    /// <summary>Silent.</summary>
    public bool? Silent { get; set; }
    /// <summary>Sleep.</summary>
    public bool? Sleep { get; set; }
    /// <summary>Self-clean. Untested by msmart-ng; the state does not carry it, so <see cref="ApplyTo"/> ignores it.</summary>
    public bool? SelfClean { get; set; }
    /// <summary>Purifier.</summary>
    public CcPurifier? Purifier { get; set; }
    /// <summary>Buzzer. Unverified.</summary>
    public bool? Beep { get; set; }
    /// <summary>Display. Unverified.</summary>
    public bool? Display { get; set; }
    /// <summary>Auxiliary heat. Untested by msmart-ng.</summary>
    public CcAuxiliaryHeat? AuxiliaryHeat { get; set; }

    /// <summary>Entries with an id no field of this type names, as (id, value) in wire order; only parsing fills it.</summary>
    public IReadOnlyList<(ushort Id, byte[] Value)> UnknownEntries { get; internal set; } = Array.Empty<(ushort, byte[])>();

    /// <summary>The controls this names, in ascending id order (the order a control is written in).</summary>
    public IReadOnlyList<CcControl> Named
    {
        get
        {
            var named = new List<CcControl>();
            foreach (CcControl id in CcControlCodec.Controls)
                if (CcControlCodec.IsNamed(this, id)) named.Add(id);
            return named;
        }
    }

    /// <summary>A copy of <paramref name="state"/> with the named fields set (self-clean aside, which the state does not carry).</summary>
    public CcState ApplyTo(CcState state)
    {
        if (state is null) throw new ArgumentNullException(nameof(state));
        CcState next = state.Clone();
        if (Power is { } power) next.Power = power;
        if (TargetTemperature is { } target) next.TargetTemperature = target;
        if (Fahrenheit is { } fahrenheit) next.Fahrenheit = fahrenheit;
        if (TargetHumidity is { } humidity) next.TargetHumidity = humidity;
        if (Mode is { } mode) next.Mode = mode;
        if (FanSpeed is { } fan) next.FanSpeed = fan;
        if (VerticalSwingAngle is { } vertical) next.VerticalSwingAngle = vertical;
        if (HorizontalSwingAngle is { } horizontal) next.HorizontalSwingAngle = horizontal;
        if (WindSense is { } wind) next.WindSense = wind;
        if (Eco is { } eco) next.Eco = eco;
        if (Silent is { } silent) next.Silent = silent;
        if (Sleep is { } sleep) next.Sleep = sleep;
        if (Purifier is { } purifier) next.Purifier = purifier;
        if (Beep is { } beep) next.Beep = beep;
        if (Display is { } display) next.Display = display;
        if (AuxiliaryHeat is { } aux) next.AuxiliaryHeat = aux;
        return next;
    }
}
