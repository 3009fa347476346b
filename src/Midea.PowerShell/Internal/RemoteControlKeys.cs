using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Midea.Protocol.Ac;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Set-MideaSimulator -RemoteControl: a hashtable whose keys are the MideaState properties an IR
/// remote changes, read into one change of a simulated unit's state. Every key and value is
/// checked before any unit changes, and an error names the key.
/// </summary>
internal static class RemoteControlKeys
{
    /// <summary>The keys, as MideaState names them.</summary>
    public static readonly string[] Names =
    {
        nameof(MideaState.Power), nameof(MideaState.Mode), nameof(MideaState.TargetTemperature), nameof(MideaState.FanSpeed),
        nameof(MideaState.SwingMode), nameof(MideaState.Eco), nameof(MideaState.Turbo), nameof(MideaState.Sleep),
        nameof(MideaState.Purifier), nameof(MideaState.AuxHeat), nameof(MideaState.FreezeProtection),
    };

    // The targets a remote sets: what SetState carries in its two target fields (protocol.md §5.4).
    private const double LowestTarget = 16;
    private const double HighestTarget = 31;

    /// <summary>The change the table asks for, and its description for -WhatIf and verbose lines.</summary>
    /// <exception cref="ArgumentException">A key is unknown or a value does not fit its key; the message names the key.</exception>
    public static (Action<AcState> Change, string Description) Read(IDictionary table)
    {
        if (table.Count == 0) throw new ArgumentException($"-RemoteControl names no key; give one or more of {string.Join(", ", Names)}.");
        var keys = new List<(string Name, object? Value)>();
        foreach (DictionaryEntry entry in table)
        {
            string given = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
            string name = Names.FirstOrDefault(n => string.Equals(n, given, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"-RemoteControl has no key '{given}'; the remote changes {string.Join(", ", Names)}.");
            keys.Add((name, entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value));
        }
        // In the order of Names, whatever order the hashtable keeps, so -WhatIf reads the same each time.
        var changes = new List<Action<AcState>>();
        var parts = new List<string>();
        foreach ((string name, object? value) in keys.OrderBy(k => Array.IndexOf(Names, k.Name)))
        {
            (Action<AcState> change, string shown) = Key(name, value);
            changes.Add(change);
            parts.Add($"{name} = {shown}");
        }
        return (state => changes.ForEach(change => change(state)), string.Join(", ", parts));
    }

    private static (Action<AcState>, string) Key(string name, object? value)
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
                double target = Number(value) is double t && t >= LowestTarget && t <= HighestTarget && Math.Abs(t * 2 - Math.Round(t * 2)) < 1e-9 ? t
                    : throw Refused(name, value, $"°C from {LowestTarget} to {HighestTarget} in 0.5 steps");
                return (s => s.TargetTemperature = target, target.ToString(CultureInfo.InvariantCulture));
            default:
                bool on = value is bool b ? b : value is SwitchParameter sw ? sw.IsPresent : throw Refused(name, value, "$true or $false");
                return (Switch(name, on), on ? "True" : "False");
        }
    }

    private static Action<AcState> Switch(string name, bool on) => name switch
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

    /// <summary>A defined member of <typeparamref name="T"/> given as itself, its name or its number.</summary>
    private static T EnumValue<T>(string name, object? value) where T : struct, Enum
    {
        object? member = value switch
        {
            T typed => typed,
            string text when Enum.TryParse(text.Trim(), ignoreCase: true, out T parsed) => parsed,
            _ when Number(value) is double n && n == Math.Floor(n) => Enum.ToObject(typeof(T), (long)n),
            _ => null,
        };
        if (member is T result && Enum.IsDefined(typeof(T), result)) return result;
        throw Refused(name, value, $"one of {string.Join(", ", Enum.GetNames(typeof(T)))}");
    }

    /// <summary>A number given as one (not as text or a Boolean), else null.</summary>
    private static double? Number(object? value) => value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
        ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
        : null;

    private static ArgumentException Refused(string name, object? value, string takes) =>
        new($"-RemoteControl {name} takes {takes}, not '{Convert.ToString(value, CultureInfo.InvariantCulture)}'.");
}
