using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Midea.Protocol.Cc;
using Midea.Simulator;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Set-MideaSimulator -RemoteControl: a hashtable whose keys are the state properties an IR remote
/// changes (MideaState's for an air conditioner, <see cref="AcRemoteKeys"/>; MideaCommercialAcState's
/// for a 0xCC unit, <see cref="CcRemoteKeys"/>), read into one change of one simulated unit. The
/// cmdlet reads the table for every unit before it changes any, so a key or value that does not fit
/// one of them leaves all of them as they were; an error names the key and what it takes.
/// </summary>
internal static class RemoteControlKeys
{
    /// <summary>The change the table asks of <paramref name="unit"/>, and its description for -WhatIf and verbose lines.</summary>
    /// <exception cref="ArgumentException">A key is not one of the unit's family, or a value does not fit its key; the message names the key.</exception>
    public static (Action Use, string Description) Read(IDictionary table, VirtualAirConditioner unit)
    {
        if (unit.DeviceType == DeviceType.CommercialAc)
        {
            List<(string Name, object? Value)> ccKeys = Keys(table, unit, CcRemoteKeys.Names, AcRemoteKeys.Names);
            CcCapabilities capabilities = unit.CcCapabilities;
            var ccRead = ccKeys.Select(k => CcRemoteKeys.Key(k.Name, k.Value, capabilities)).ToList();
            var changes = new CcChanges();
            ccRead.ForEach(r => r.Set(changes));
            return (() => unit.RemoteControl(changes), Describe(ccKeys, ccRead.Select(r => r.Shown)));
        }
        List<(string Name, object? Value)> keys = Keys(table, unit, AcRemoteKeys.Names, CcRemoteKeys.Names);
        var read = keys.Select(k => AcRemoteKeys.Key(k.Name, k.Value)).ToList();
        return (() => unit.RemoteControl(state => read.ForEach(r => r.Change(state))), Describe(keys, read.Select(r => r.Shown)));
    }

    /// <summary>The table's keys as <paramref name="names"/> spells them, in that order whatever order the hashtable keeps, so -WhatIf reads the same each time.</summary>
    private static List<(string Name, object? Value)> Keys(IDictionary table, VirtualAirConditioner unit, string[] names, string[] otherFamily)
    {
        string type = unit.DeviceType == DeviceType.CommercialAc ? "CommercialAc (0xCC)" : "AirConditioner (0xAC)";
        if (table.Count == 0) throw new ArgumentException($"-RemoteControl names no key; the remote of a simulated {type} changes {string.Join(", ", names)}.");
        var keys = new List<(string Name, object? Value)>();
        foreach (DictionaryEntry entry in table)
        {
            string given = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
            string? name = names.FirstOrDefault(n => string.Equals(n, given, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                // A key of the other family is a mistake of which unit, not of spelling: say which unit refused it.
                string? other = otherFamily.FirstOrDefault(n => string.Equals(n, given, StringComparison.OrdinalIgnoreCase));
                throw new ArgumentException(other is null
                    ? $"-RemoteControl has no key '{given}'; the remote of a simulated {type} changes {string.Join(", ", names)}."
                    : $"-RemoteControl key {other} is not one of {unit}, a simulated {type}; its remote changes {string.Join(", ", names)}.");
            }
            keys.Add((name, entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value));
        }
        return keys.OrderBy(k => Array.IndexOf(names, k.Name)).ToList();
    }

    private static string Describe(List<(string Name, object? Value)> keys, IEnumerable<string> shown) =>
        string.Join(", ", keys.Zip(shown, (key, value) => $"{key.Name} = {value}"));

    /// <summary>$true or $false (a switch too).</summary>
    public static bool Switch(string name, object? value) =>
        value is bool b ? b : value is SwitchParameter sw ? sw.IsPresent : throw Refused(name, value, "$true or $false");

    /// <summary>A target in °C within the range, in the 0.5 steps the protocols carry.</summary>
    public static double Target(string name, object? value, double lowest, double highest) =>
        Number(value) is double t && t >= lowest && t <= highest && Math.Abs(t * 2 - Math.Round(t * 2)) < 1e-9 ? t
            : throw Refused(name, value, string.Format(CultureInfo.InvariantCulture, "°C from {0} to {1} in 0.5 steps", lowest, highest));

    /// <summary>
    /// A defined member of <typeparamref name="T"/> given as itself, its name or its number, and one
    /// <paramref name="allowed"/> lets through (all when null); the error lists those.
    /// </summary>
    public static T EnumValue<T>(string name, object? value, Func<T, bool>? allowed = null, string alsoTakes = "") where T : struct, Enum
    {
        allowed ??= _ => true;
        object? member = value switch
        {
            T typed => typed,
            string text when Enum.TryParse(text.Trim(), ignoreCase: true, out T parsed) => parsed,
            _ when Number(value) is double n && n == Math.Floor(n) => Enum.ToObject(typeof(T), (long)n),
            _ => null,
        };
        if (member is T result && Enum.IsDefined(typeof(T), result) && allowed(result)) return result;
        throw Refused(name, value, $"one of {string.Join(", ", Enum.GetValues(typeof(T)).Cast<T>().Where(allowed))}{alsoTakes}");
    }

    /// <summary>A number given as one (not as text or a Boolean), else null.</summary>
    public static double? Number(object? value) => value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
        ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
        : null;

    /// <summary>The error for a value that does not fit its key: the key, what it takes, what was given.</summary>
    public static ArgumentException Refused(string name, object? value, string takes) =>
        new($"-RemoteControl {name} takes {takes}, not '{Convert.ToString(value, CultureInfo.InvariantCulture)}'.");
}
