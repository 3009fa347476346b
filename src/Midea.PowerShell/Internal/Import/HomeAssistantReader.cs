using System.Collections.Generic;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;
using Midea.Protocol.Cloud;

namespace Midea.PowerShell.Internal.Import;

/// <summary>
/// Home Assistant's config entries (.storage/core.config_entries) of the three integrations that
/// keep a Midea unit's token and key: midea_ac, midea_ac_lan and the core midea integration; and the
/// per-device copy midea_ac_lan writes to .storage/midea_ac_lan/&lt;id&gt;.json
/// (docs/import-formats.md §4). Entries of other integrations are passed over without a word.
/// </summary>
internal static class HomeAssistantReader
{
    /// <summary>Reads <paramref name="json"/>, the parsed file, into <paramref name="context"/>.</summary>
    /// <param name="context">The file being read.</param>
    /// <param name="json">The parsed content.</param>
    /// <exception cref="ImportFormatException">Not one of the two layouts, or an entry of a Midea integration is malformed.</exception>
    public static void Read(ImportContext context, object? json)
    {
        if (json is not JsonObject root) throw context.Error(null, "it is not a JSON object");
        if (root.GetObject("data")?.GetArray("entries") is { } entries)
        {
            ReadEntries(context, entries);
            return;
        }
        if (root.Contains("device_id"))
        {
            // The per-device file holds the same dictionary as the entry's data, without options.
            ReadLan(context, "the device file", root, options: null, keys: "");
            return;
        }
        throw context.Error(null, root["key"] switch
        {
            "core.config_entries" => "it has no data.entries array",
            string => "it is a Home Assistant store file, but not core.config_entries (it has no data.entries)",
            _ => "it has neither data.entries (core.config_entries) nor device_id (a .storage/midea_ac_lan device file)",
        });
    }

    private static void ReadEntries(ImportContext context, IReadOnlyList<object?> entries)
    {
        for (int i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not JsonObject entry) throw context.Error($"entry #{i + 1}", "it is not a JSON object");
            string? domain = entry["domain"] as string;
            if (domain is not ("midea_ac" or "midea_ac_lan" or "midea")) continue;
            string label = Label(entry, i);
            if (entry["source"] is "ignore")
            {
                // Home Assistant creates an ignored discovery as an entry with empty data.
                context.Note($"{label} is a unit ignored in Home Assistant: skipped");
                continue;
            }
            JsonObject data = entry.GetObject("data") ?? throw context.Error(label, "it has no data object");
            bool imported;
            if (domain == "midea_ac")
            {
                imported = ReadAc(context, label, data);
            }
            else if (data["type"] is "account")
            {
                // An old midea_ac_lan cloud account entry: an account name and password, no unit.
                // Its title is the account name, so the note names the entry by its id only.
                context.Note($"{AccountLabel(entry, i)} is a midea_ac_lan cloud account entry, not a unit: skipped (nothing of it is read)");
                imported = false;
            }
            else
            {
                // Only midea_ac_lan lets options.ip_address override the address; the core integration
                // rewrites data.ip_address itself.
                imported = ReadLan(context, label, data, domain == "midea_ac_lan" ? entry.GetObject("options") : null, keys: "data.");
            }
            if (imported && entry["disabled_by"] != null) context.Note($"{label} is disabled in Home Assistant; imported all the same");
        }
    }

    // midea_ac (midea-ac-py): id, host, port, token, k1, device_type (docs/import-formats.md §4.2).
    private static bool ReadAc(ImportContext context, string label, JsonObject data)
    {
        byte type = data["device_type"] switch
        {
            // Entries from before the device type was asked for are all air conditioners.
            null => AirConditioner.ApplianceType,
            long number => ImportValues.TypeByte(context, label, number, "data.device_type"),
            // The manual form's choices are "AC" and "CC".
            string text when ImportValues.HexType(text) is byte hex => hex,
            _ => throw context.Error(label, "data.device_type is not an appliance type"),
        };
        if (!ImportValues.Drives(type))
        {
            context.Note(ImportValues.OtherTypeNote(label, type));
            return false;
        }
        // Entries made before mid-2023 hold the id as text.
        long id = ImportValues.Id(context, label, data["id"], "data.id");
        string address = ImportValues.Text(context, label, data["host"], "data.host") ?? throw context.Error(label, "it has no data.host");
        int port = ImportValues.Port(context, label, data["port"], "data.port");
        byte[]? token = ImportValues.Secret(context, label, data["token"], Handshake.TokenSize, "data.token");
        byte[]? key = ImportValues.Secret(context, label, data["k1"], Handshake.KeySize, "data.k1");
        context.Add(ImportValues.Device(context, label, id, address, port, type, version: null, token, key, null, null, null), label);
        return true;
    }

    // midea_ac_lan and midea: device_id, type, protocol, ip_address, port, name, token, key, mac, sn
    // (docs/import-formats.md §4.3).
    // keys: how messages name the dictionary's keys ("data." in an entry, nothing in the device file).
    private static bool ReadLan(ImportContext context, string label, JsonObject data, JsonObject? options, string keys)
    {
        // Setup of both integrations treats a missing type as an air conditioner.
        long? typeNumber = ImportValues.OptionalNumber(context, label, data["type"], keys + "type", 0, 255);
        byte type = typeNumber is null ? AirConditioner.ApplianceType : (byte)typeNumber.Value;
        if (!ImportValues.Drives(type))
        {
            context.Note(ImportValues.OtherTypeNote(label, type));
            return false;
        }
        int? version = ImportValues.Version(context, label, data["protocol"], keys + "protocol");
        if (version == 1)
        {
            context.Note(ImportValues.VersionOneNote(label));
            return false;
        }
        long id = ImportValues.Id(context, label, data["device_id"], keys + "device_id");
        // Before midea_ac_lan 0.3.4 the address was under host.
        string address = (options is null ? null : ImportValues.Text(context, label, options["ip_address"], "options.ip_address"))
            ?? ImportValues.Text(context, label, data["ip_address"], keys + "ip_address")
            ?? ImportValues.Text(context, label, data["host"], keys + "host")
            ?? throw context.Error(label, $"it has no {keys}ip_address");
        int port = ImportValues.Port(context, label, data["port"], keys + "port");
        string? name = ImportValues.Text(context, label, data["name"], keys + "name");
        string? serial = ImportValues.Text(context, label, data["sn"], keys + "sn");
        string? mac = ImportValues.Mac(context, label, data["mac"]);
        byte[]? token = ImportValues.Secret(context, label, data["token"], Handshake.TokenSize, keys + "token");
        byte[]? key = ImportValues.Secret(context, label, data["key"], Handshake.KeySize, keys + "key");
        context.Add(ImportValues.Device(context, label, id, address, port, type, version, token, key, name, serial, mac), label);
        return true;
    }

    // entry "midea_ac 1234" (01J…): the title the user sees and the id that is unique in the file.
    private static string Label(JsonObject entry, int index)
    {
        string? title = entry["title"] as string;
        string? id = entry["entry_id"] as string;
        if (title is null) return id is null ? $"entry #{index + 1}" : $"entry {id}";
        return id is null ? $"entry \"{title}\"" : $"entry \"{title}\" ({id})";
    }

    private static string AccountLabel(JsonObject entry, int index) =>
        entry["entry_id"] is string id ? $"entry {id}" : $"entry #{index + 1}";
}
