using System;
using System.Collections.Generic;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;
using Midea.Protocol.Cloud;

namespace Midea.PowerShell.Internal.Import;

/// <summary>
/// Homebridge's config.json: the devices of its midea-platform block (homebridge-midea-platform),
/// each an id, a type name, and advanced_options with ip, token and key (docs/import-formats.md §6).
/// The plugin finds units by broadcast, so ip is optional there; a unit without it comes back in
/// <see cref="ImportResult.WithoutAddress"/> for the importer to place. The format names no port: 6444.
/// </summary>
internal static class HomebridgeReader
{
    private const string Platform = "midea-platform";

    // The plugin's type names (its config schema), for the note about a type this module does not
    // drive: only a name from this list is repeated in a message.
    private static readonly string[] OtherTypes =
    {
        "Dehumidifier", "Dishwasher", "Electric Water Heater", "Fan", "Fresh Air Appliance", "Front Load Washer",
        "Gas Water Heater", "Heat Pump Water Heater", "Heat Pump WiFi Controller", "Heat Pump Wifi Controller", "Humidifier",
    };

    /// <summary>Reads <paramref name="json"/>, the parsed config.json, into <paramref name="context"/>.</summary>
    /// <param name="context">The file being read.</param>
    /// <param name="json">The parsed content.</param>
    /// <exception cref="ImportFormatException">No platforms array, or a device of the block is malformed.</exception>
    public static void Read(ImportContext context, object? json)
    {
        if (json is not JsonObject root) throw context.Error(null, "it is not a JSON object");
        IReadOnlyList<object?> platforms = root.GetArray("platforms") ?? throw context.Error(null, "it has no platforms array");
        int blocks = 0;
        for (int p = 0; p < platforms.Count; p++)
        {
            // Homebridge also accepts the alias prefixed with the plugin's name.
            if (platforms[p] is not JsonObject block || block["platform"] is not string name
                || !(name.Equals(Platform, StringComparison.OrdinalIgnoreCase) || name.EndsWith("." + Platform, StringComparison.OrdinalIgnoreCase))) continue;
            blocks++;
            object? devices = block["devices"];
            if (devices is null) continue;
            if (devices is not IReadOnlyList<object?> list) throw context.Error($"platforms[{p}]", "its devices is not an array");
            for (int d = 0; d < list.Count; d++) ReadDevice(context, list[d], $"platforms[{p}].devices[{d}]");
        }
        if (blocks == 0) context.Note($"it has no {Platform} block (homebridge-midea-platform): nothing to import");
    }

    private static void ReadDevice(ImportContext context, object? item, string path)
    {
        if (item is not JsonObject device) throw context.Error(path, "it is not a JSON object");
        string label = device["name"] is string n && n.Trim().Length > 0 ? $"device \"{n.Trim()}\" ({path})" : $"device {path}";
        string typeName = ImportValues.Text(context, label, device["type"], "type") ?? throw context.Error(label, "it has no type");
        byte type;
        if (typeName.Equals("Air Conditioner", StringComparison.OrdinalIgnoreCase)) type = AirConditioner.ApplianceType;
        // The plugin's name for the 0xCC unit that msmart calls a commercial air conditioner.
        else if (typeName.Equals("MDV WiFi Controller", StringComparison.OrdinalIgnoreCase)) type = CommercialAc.ApplianceType;
        else
        {
            string known = Array.IndexOf(OtherTypes, typeName) >= 0 ? $"a \"{typeName}\"" : "of a type";
            context.Note($"{label} is {known} that this module does not drive (it drives \"Air Conditioner\" and \"MDV WiFi Controller\" units): skipped");
            return;
        }
        long id = ImportValues.Id(context, label, device["id"], "id");
        JsonObject? advanced = device.GetObject("advanced_options");
        // Empty when the config names no ip: ImportContext puts the unit in WithoutAddress.
        string address = advanced is null ? "" : ImportValues.Text(context, label, advanced["ip"], "advanced_options.ip") ?? "";
        byte[]? token = advanced is null ? null : ImportValues.Secret(context, label, advanced["token"], Handshake.TokenSize, "advanced_options.token");
        byte[]? key = advanced is null ? null : ImportValues.Secret(context, label, advanced["key"], Handshake.KeySize, "advanced_options.key");
        string? name = ImportValues.Text(context, label, device["name"], "name");
        context.Add(ImportValues.Device(context, label, id, address, ImportValues.DefaultPort, type, null, token, key, name, null, null), label);
        if (token is null)
        {
            context.Note($"{label}: id {id} has no token and key in the config, so it is imported as protocol version 2 " +
                "(the plugin reads them only for version 3 units, and may keep a version 3 unit's pair in its accessory cache instead)");
        }
    }
}
