using System.Collections.Generic;
using System.Text.RegularExpressions;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;

namespace Midea.PowerShell.Internal.Import;

/// <summary>
/// What msmart-ng discover writes to standard error: per unit, a "Found device:" line and the unit
/// as a Python dict on the next line; and the older midea-discover's "*** Found a device: {…}" line,
/// coloured with terminal escapes (docs/import-formats.md §5). Only those dictionaries are read:
/// a --debug log also holds raw cloud replies with token and key pairs that may not be the unit's
/// (both byte orders are asked), and a session's "Local key", which is not the unit's key.
/// </summary>
internal static class MsmartNgReader
{
    /// <summary>The line that precedes (msmart-ng) or holds (midea-discover) one unit's dictionary.</summary>
    public static readonly Regex Marker = new(@"Found (?:a )?device:", RegexOptions.CultureInvariant);

    // ANSI escape sequences, as midea-discover colours the dictionary with.
    private static readonly Regex Escapes = new(@"\x1B\[[0-9;?]*[ -/]*[@-~]", RegexOptions.CultureInvariant);

    /// <summary>Reads the log <paramref name="text"/> into <paramref name="context"/>.</summary>
    /// <param name="context">The file being read.</param>
    /// <param name="text">The log.</param>
    /// <exception cref="ImportFormatException">No "Found device:" line, or a dictionary that is malformed.</exception>
    public static void Read(ImportContext context, string text)
    {
        // Escapes hold no line breaks, so line numbers stay those of the file.
        text = Escapes.Replace(text, "");
        int found = 0;
        foreach (Match marker in Marker.Matches(text))
        {
            found++;
            int start = marker.Index + marker.Length;
            while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
            string label = $"the device at line {ImportValues.Position(text, start).Line}";
            if (start >= text.Length || text[start] != '{')
                throw context.Error($"\"{marker.Value}\" at line {ImportValues.Position(text, marker.Index).Line}", "no dictionary follows it");
            if (!PythonLiteral.TryParse(text, start, out object? value, out _, out int stopped))
            {
                (int line, int column) = ImportValues.Position(text, stopped);
                throw context.Error(label, $"it is not a Python dictionary of simple values (reading stopped at line {line}, column {column})");
            }
            ReadDevice(context, label, (Dictionary<string, object?>)value!);
        }
        if (found > 0) return;
        if (Regex.IsMatch(text, @"Found 0 devices", RegexOptions.CultureInvariant))
        {
            context.Note("msmart-ng found no unit in this run: nothing to import");
            return;
        }
        throw context.Error(null, "it has no \"Found device:\" line (save what msmart-ng discover prints to standard error: msmart-ng discover 2> units.log)");
    }

    private static void ReadDevice(ImportContext context, string label, Dictionary<string, object?> unit)
    {
        object? Get(string key) => unit.TryGetValue(key, out object? v) ? v : null;

        byte type = Get("type") switch
        {
            // msmart-ng: the DeviceType member (read as its number) or, for a type it has no class for, a plain int.
            long number => ImportValues.TypeByte(context, label, number, "'type'"),
            // midea-discover: the hex digits of the SSID ('ac').
            string text when ImportValues.HexType(text) is byte hex => hex,
            null => AirConditioner.ApplianceType,
            _ => throw context.Error(label, "its 'type' is not an appliance type"),
        };
        if (!ImportValues.Drives(type))
        {
            context.Note(ImportValues.OtherTypeNote(label, type));
            return;
        }
        // Only midea-discover prints the version; msmart-ng's dictionary has none.
        int? version = ImportValues.Version(context, label, Get("version"), "'version'");
        if (version == 1)
        {
            context.Note(ImportValues.VersionOneNote(label));
            return;
        }
        long id = ImportValues.Id(context, label, Get("id"), "'id'");
        string address = ImportValues.Text(context, label, Get("ip"), "'ip'") ?? throw context.Error(label, "it has no 'ip'");
        int port = ImportValues.Port(context, label, Get("port"), "'port'");
        string? name = ImportValues.Text(context, label, Get("name"), "'name'");
        string? serial = ImportValues.Text(context, label, Get("sn"), "'sn'");
        byte[]? token = ImportValues.Secret(context, label, Get("token"), Handshake.TokenSize, "'token'");
        byte[]? key = ImportValues.Secret(context, label, Get("key"), Handshake.KeySize, "'key'");
        context.Add(ImportValues.Device(context, label, id, address, port, type, version, token, key, name, serial, null), label);
        if (version is null && token is null)
        {
            context.Note($"{label}: id {id} has no token and key, so it is imported as protocol version 2. msmart-ng does not print the version, " +
                "and a version 3 unit whose cloud lookup failed looks the same: if the unit does not answer, get its token and key with Get-MideaToken");
        }
    }
}
