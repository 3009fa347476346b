using System.Collections.Generic;

namespace Midea.Protocol.Inspection;

/// <summary>One named field of a decoded packet.</summary>
public sealed class InspectedField
{
    /// <summary>Creates a field.</summary>
    public InspectedField(string name, object? value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>Field name.</summary>
    public string Name { get; }
    /// <summary>Decoded value: a number, bool, string, hex string, or a list of nested packets.</summary>
    public object? Value { get; }
}

/// <summary>A decoded layer of a capture (V3 packet, V2 packet, AA frame, body) with the layer it carries.</summary>
public sealed class InspectedPacket
{
    private readonly List<InspectedField> _fields = new();

    /// <summary>Creates a layer.</summary>
    public InspectedPacket(string kind) => Kind = kind;

    /// <summary>What this layer is, e.g. "V3 encrypted request", "AA frame", "State (C0)".</summary>
    public string Kind { get; }
    /// <summary>Every field in wire order.</summary>
    public IReadOnlyList<InspectedField> Fields => _fields;
    /// <summary>The layer inside this one, if any.</summary>
    public InspectedPacket? Inner { get; set; }
    /// <summary>Why decoding stopped here, or a caveat.</summary>
    public string? Note { get; set; }

    /// <summary>Adds a field; returns this layer for chaining.</summary>
    public InspectedPacket Add(string name, object? value)
    {
        _fields.Add(new InspectedField(name, value));
        return this;
    }
}
