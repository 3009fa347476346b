using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Which properties of a MideaState a watch compares: the unit's settings and readings (power,
/// mode, temperatures, error code…), not who the unit is (address, id) and not values computed
/// from others or the optional parts (capabilities, properties, energy).
/// </summary>
internal static class StateDiff
{
    private static readonly HashSet<string> Identity = new(StringComparer.Ordinal)
    {
        nameof(MideaState.Address), nameof(MideaState.Port), nameof(MideaState.Id), nameof(MideaState.ProtocolVersion),
    };

    /// <summary>The compared properties, in declaration order.</summary>
    public static IReadOnlyList<PropertyInfo> Compared { get; } = typeof(MideaState)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod != null && !Identity.Contains(p.Name) && IsScalar(p.PropertyType))
        .ToList();

    /// <summary>The names of <see cref="Compared"/>, for tab completion and validation.</summary>
    public static IReadOnlyList<string> Names { get; } = Compared.Select(p => p.Name).ToList();

    /// <summary>The properties of <paramref name="only"/> (all compared ones when null) whose values differ.</summary>
    public static MideaPropertyChange[] Between(MideaState before, MideaState after, IReadOnlyCollection<string>? only)
    {
        var changes = new List<MideaPropertyChange>();
        foreach (PropertyInfo property in Compared)
        {
            if (only != null && !only.Contains(property.Name, StringComparer.OrdinalIgnoreCase)) continue;
            object? old = property.GetValue(before);
            object? now = property.GetValue(after);
            if (!Equals(old, now)) changes.Add(new MideaPropertyChange(property.Name, old, now));
        }
        return changes.ToArray();
    }

    private static bool IsScalar(Type type)
    {
        Type bare = Nullable.GetUnderlyingType(type) ?? type;
        return bare.IsPrimitive || bare.IsEnum;
    }
}
