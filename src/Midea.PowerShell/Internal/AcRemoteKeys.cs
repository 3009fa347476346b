using System;
using System.Globalization;
using Midea.Protocol.Ac;
using static Midea.PowerShell.Internal.RemoteControlKeys;

namespace Midea.PowerShell.Internal;

/// <summary>The -RemoteControl keys of a simulated air conditioner: MideaState properties, each read into an edit of its state.</summary>
internal static class AcRemoteKeys
{
    /// <summary>The keys, as MideaState names them, in the order -WhatIf lists them.</summary>
    public static readonly string[] Names =
    {
        nameof(MideaState.Power), nameof(MideaState.Mode), nameof(MideaState.TargetTemperature), nameof(MideaState.FanSpeed),
        nameof(MideaState.SwingMode), nameof(MideaState.Eco), nameof(MideaState.Turbo), nameof(MideaState.Sleep),
        nameof(MideaState.Purifier), nameof(MideaState.AuxHeat), nameof(MideaState.FreezeProtection),
    };

    // The targets a remote sets: what SetState carries in its two target fields (protocol.md §5.4).
    private const double LowestTarget = 16;
    private const double HighestTarget = 31;

    /// <summary>One key of <see cref="Names"/>: the edit of the state, and the value as -WhatIf shows it.</summary>
    /// <exception cref="ArgumentException">The value does not fit the key.</exception>
    public static (Action<AcState> Change, string Shown) Key(string name, object? value)
    {
        switch (name)
        {
            case nameof(MideaState.Mode):
                OperationalMode mode = EnumValue<OperationalMode>(name, value);
                return (s => s.Mode = EnumMapping.ToProtocol(mode), mode.ToString());
            case nameof(MideaState.SwingMode):
                SwingMode swing = EnumValue<SwingMode>(name, value);
                return (s => s.Swing = EnumMapping.ToProtocol(swing), swing.ToString());
            case nameof(MideaState.FanSpeed):
                byte fan = Fan(value);
                return (s => s.FanSpeed = fan, EnumMapping.ToPublic((Midea.Protocol.Ac.FanSpeed)fan).ToString());
            case nameof(MideaState.TargetTemperature):
                double target = Target(name, value, LowestTarget, HighestTarget);
                return (s => s.TargetTemperature = target, target.ToString(CultureInfo.InvariantCulture));
            default:
                bool on = Switch(name, value);
                return (SwitchOf(name, on), on ? "True" : "False");
        }
    }

    private static Action<AcState> SwitchOf(string name, bool on) => name switch
    {
        nameof(MideaState.Power) => s => s.Power = on,
        nameof(MideaState.Eco) => s => s.Eco = on,
        nameof(MideaState.Turbo) => s => s.Turbo = on,
        nameof(MideaState.Sleep) => s => s.Sleep = on,
        nameof(MideaState.Purifier) => s => s.Purifier = on,
        nameof(MideaState.AuxHeat) => s => s.AuxHeat = on,
        nameof(MideaState.FreezeProtection) => s => s.FreezeProtection = on,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a switch of the remote."),
    };

    /// <summary>A named speed, or (custom fan) a percentage from 1 to 100.</summary>
    private static byte Fan(object? value)
    {
        if (Number(value) is double n && n == Math.Floor(n) && (n is >= 1 and <= 100 || n == (int)FanSpeed.Auto)) return (byte)n;
        if (value is not (string or FanSpeed)) throw Refused(nameof(MideaState.FanSpeed), value, $"one of {string.Join(", ", Enum.GetNames(typeof(FanSpeed)))} or a percentage from 1 to 100");
        return (byte)EnumMapping.ToProtocol(EnumValue<FanSpeed>(nameof(MideaState.FanSpeed), value));
    }
}
