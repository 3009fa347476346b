using System;
using System.Linq;

namespace Midea;

/// <summary>What Watch-MideaState saw happen to a unit.</summary>
public enum MideaWatchEvent
{
    /// <summary>The state differs from the last one read; <see cref="MideaStateChange.Changes"/> says how.</summary>
    Changed,
    /// <summary>The unit stopped answering or its connection failed; <see cref="MideaStateChange.Reason"/> says why.</summary>
    Offline,
    /// <summary>An offline unit answers again (or answered for the first time after being offline at the start).</summary>
    Online,
}

/// <summary>What made the watch read the state that showed a change.</summary>
public enum MideaChangeSource
{
    /// <summary>The regular read every -IntervalSeconds, or a read after reconnecting.</summary>
    Poll,
    /// <summary>The unit pushed a status frame on its own (protocol.md §5.10); the state was read at once.</summary>
    Push,
}

/// <summary>One property whose value changed.</summary>
public sealed class MideaPropertyChange
{
    internal MideaPropertyChange(string property, object? oldValue, object? newValue)
    {
        Property = property;
        OldValue = oldValue;
        NewValue = newValue;
    }

    /// <summary>The name of the MideaState property.</summary>
    public string Property { get; }
    /// <summary>Its value before.</summary>
    public object? OldValue { get; }
    /// <summary>Its value now.</summary>
    public object? NewValue { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Property}: {Show(OldValue)} -> {Show(NewValue)}";

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>One thing Watch-MideaState saw: a change of state, a unit going offline, or coming back.</summary>
public sealed class MideaStateChange
{
    /// <summary>When the watch saw it.</summary>
    public DateTimeOffset Time { get; internal set; }
    /// <summary>Address of the unit.</summary>
    public string Address { get; internal set; } = "";
    /// <summary>Device id.</summary>
    public long Id { get; internal set; }
    /// <summary>Changed, Offline or Online.</summary>
    public MideaWatchEvent Event { get; internal set; }
    /// <summary>For Changed: whether a push or a regular read showed it.</summary>
    public MideaChangeSource? Source { get; internal set; }
    /// <summary>For Changed: each property with its old and new value; empty otherwise.</summary>
    public MideaPropertyChange[] Changes { get; internal set; } = Array.Empty<MideaPropertyChange>();
    /// <summary>For Changed and Online: the state just read (a MideaState, or a MideaCommercialAcState for a commercial unit); null for Offline.</summary>
    public object? State { get; internal set; }
    /// <summary>For Offline: the error that made the unit offline, with its ErrorId first.</summary>
    public string? Reason { get; internal set; }

    /// <summary>The changes as one line ("Power: False -> True; Mode: Cool -> Heat"), for logs and CSV files.</summary>
    public string Summary => Event switch
    {
        MideaWatchEvent.Changed => string.Join("; ", Changes.Select(c => c.ToString())),
        MideaWatchEvent.Offline => Reason ?? "",
        _ => "",
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Address} {Event}: {Summary}";
}
