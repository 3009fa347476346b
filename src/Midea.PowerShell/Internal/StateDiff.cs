using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Which properties of a state a watch compares: the unit's settings and readings (power, mode,
/// temperatures, error code…), not who the unit is (address, id, type) and not values computed
/// from others or the optional parts (capabilities, properties, energy). Each appliance family has
/// its state type (MideaState, MideaCommercialAcState); a watch compares a unit's state with its own earlier one.
/// </summary>
internal static class StateDiff
{
    private static readonly HashSet<string> Identity = new(StringComparer.Ordinal)
    {
        nameof(MideaState.Address), nameof(MideaState.Port), nameof(MideaState.Id), nameof(MideaState.ProtocolVersion), nameof(MideaState.Type),
    };

    private static readonly Dictionary<Type, IReadOnlyList<PropertyInfo>> ByType = new[] { typeof(MideaState), typeof(MideaCommercialAcState) }
        .ToDictionary(t => t, Compared);

    /// <summary>The names of the compared properties of both families, air conditioners' first, for tab completion and validation.</summary>
    public static IReadOnlyList<string> Names { get; } = ByType.Values.SelectMany(p => p).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The properties of <paramref name="only"/> (all compared ones when null) whose values differ between two states of one unit.</summary>
    /// <exception cref="ArgumentException">The states are of different types, or not states.</exception>
    public static MideaPropertyChange[] Between(object before, object after, IReadOnlyCollection<string>? only)
    {
        if (before.GetType() != after.GetType() || !ByType.TryGetValue(before.GetType(), out IReadOnlyList<PropertyInfo>? compared))
            throw new ArgumentException($"Cannot compare a {before.GetType().Name} with a {after.GetType().Name}.");
        var changes = new List<MideaPropertyChange>();
        foreach (PropertyInfo property in compared)
        {
            if (only != null && !only.Contains(property.Name, StringComparer.OrdinalIgnoreCase)) continue;
            object? old = property.GetValue(before);
            object? now = property.GetValue(after);
            if (!Equals(old, now)) changes.Add(new MideaPropertyChange(property.Name, old, now));
        }
        return changes.ToArray();
    }

    /// <summary>The settable scalar properties of <paramref name="state"/>, in declaration order.</summary>
    private static IReadOnlyList<PropertyInfo> Compared(Type state) => state
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod != null && !Identity.Contains(p.Name) && IsScalar(p.PropertyType))
        .ToList();

    private static bool IsScalar(Type type)
    {
        Type bare = Nullable.GetUnderlyingType(type) ?? type;
        return bare.IsPrimitive || bare.IsEnum;
    }
}
