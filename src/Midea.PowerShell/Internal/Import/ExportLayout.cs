using System;
using System.Collections.Generic;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;
using Midea.Protocol.Cloud;

namespace Midea.PowerShell.Internal.Import;

/// <summary>
/// The module's own flat layout of a unit, as CSV columns and JSON properties alike: Id, Address,
/// Port, ProtocolVersion, Type, Name, Token, Key (docs/import-formats.md §7). Names are matched
/// without regard to case; other columns or properties are ignored.
/// </summary>
internal static class ExportLayout
{
    /// <summary>The column and property names, in the order the exporter writes them.</summary>
    public static readonly IReadOnlyList<string> Names = new[] { "Id", "Address", "Port", "ProtocolVersion", "Type", "Name", "Token", "Key" };

    /// <summary>Reads a JSON array of unit objects into <paramref name="context"/>.</summary>
    /// <param name="context">The file being read.</param>
    /// <param name="json">The parsed content.</param>
    /// <exception cref="ImportFormatException">Not an array of objects, or an object is malformed.</exception>
    public static void ReadJson(ImportContext context, object? json)
    {
        if (json is not IReadOnlyList<object?> items) throw context.Error(null, "it is not a JSON array");
        for (int i = 0; i < items.Count; i++)
        {
            string label = $"item #{i + 1}";
            if (items[i] is not JsonObject item) throw context.Error(label, "it is not a JSON object");
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, object?> member in item)
            {
                // Two spellings of one known name leave it unclear which is meant; unknown names do not matter.
                if (values.ContainsKey(member.Key) && IsKnown(member.Key)) throw context.Error(label, $"it has the property {Known(member.Key)} twice, in different case");
                values[member.Key] = member.Value;
            }
            Read(context, label, name => values.TryGetValue(name, out object? value) ? value : null);
        }
    }

    /// <summary>Reads one unit, whose values (string, long or null) <paramref name="get"/> gives by name.</summary>
    /// <param name="context">The file being read.</param>
    /// <param name="label">The row or item, for messages.</param>
    /// <param name="get">The value of a name of <see cref="Names"/>, or null when missing.</param>
    /// <exception cref="ImportFormatException">A value is malformed.</exception>
    public static void Read(ImportContext context, string label, Func<string, object?> get)
    {
        byte type = get("Type") switch
        {
            null => AirConditioner.ApplianceType,
            long number => ImportValues.TypeByte(context, label, number, "Type"),
            string text => TypeOf(context, label, text),
            _ => throw context.Error(label, "the Type is not AirConditioner, CommercialAc or an appliance type such as 0xA1"),
        };
        if (!ImportValues.Drives(type))
        {
            context.Note(ImportValues.OtherTypeNote(label, type));
            return;
        }
        long id = ImportValues.Id(context, label, get("Id"), "Id");
        string address = ImportValues.Text(context, label, get("Address"), "Address") ?? throw context.Error(label, "it has no Address");
        int port = ImportValues.Port(context, label, get("Port"), "Port");
        long? version = ImportValues.OptionalNumber(context, label, get("ProtocolVersion"), "ProtocolVersion", 2, 3);
        string? name = ImportValues.Text(context, label, get("Name"), "Name");
        byte[]? token = ImportValues.Secret(context, label, get("Token"), Handshake.TokenSize, "Token");
        byte[]? key = ImportValues.Secret(context, label, get("Key"), Handshake.KeySize, "Key");
        context.Add(ImportValues.Device(context, label, id, address, port, type, (int?)version, token, key, name, null, null), label);
    }

    /// <summary>True when <paramref name="name"/> is one of <see cref="Names"/>, in any case.</summary>
    /// <param name="name">A column or property name.</param>
    public static bool IsKnown(string name) => Known(name) != null;

    /// <summary>The spelling in <see cref="Names"/> of <paramref name="name"/>, or null when it is none of them.</summary>
    /// <param name="name">A column or property name.</param>
    public static string? Known(string name)
    {
        foreach (string known in Names)
        {
            if (known.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)) return known;
        }
        return null;
    }

    // AirConditioner and CommercialAc as Appliance.TypeName writes them (in any case), or another type as 0xA1.
    private static byte TypeOf(ImportContext context, string label, string text)
    {
        string trimmed = text.Trim();
        if (trimmed.Length == 0) return AirConditioner.ApplianceType;
        foreach (byte type in new[] { AirConditioner.ApplianceType, CommercialAc.ApplianceType })
        {
            if (Appliance.TypeName(type).Equals(trimmed, StringComparison.OrdinalIgnoreCase)) return type;
        }
        return trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && ImportValues.HexType(trimmed) is byte other
            ? other
            : throw context.Error(label, "the Type is not AirConditioner, CommercialAc or an appliance type such as 0xA1");
    }
}
