using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Midea.PowerShell.Internal.Store;
using Midea.Protocol.Appliances;
using Midea.Protocol.Cloud;

namespace Midea.PowerShell.Internal.Export;

/// <summary>
/// midea_ac_lan's per-device files, "&lt;device id&gt;.json" (docs/export-formats.md §5): the dict
/// midea_ac_lan saves for each unit it adds and reads back when its discovery finds that unit again.
/// </summary>
internal static class HomeAssistantExport
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The file name of a unit's file: its device id, decimal, and ".json".</summary>
    /// <param name="device">The stored unit.</param>
    public static string FileName(StoredDevice device) => device.Id.ToString(CultureInfo.InvariantCulture) + ".json";

    /// <summary>One file per unit, named by <see cref="FileName"/>; a warning for each V3 unit without its pair.</summary>
    /// <param name="devices">The units, in store order.</param>
    /// <param name="includeSecrets">-IncludeSecrets.</param>
    /// <param name="output">Receives the files and warnings.</param>
    public static void Write(IReadOnlyList<StoredDevice> devices, bool includeSecrets, ExportOutput output)
    {
        foreach (StoredDevice d in devices)
        {
            byte type = Appliance.TypeOf(d.Type) ?? AirConditioner.ApplianceType;
            // midea_ac_lan writes "" for a V2 unit, whose setup needs no pair. For a V3 unit without
            // its pair, null makes midea_ac_lan ignore the file and get the pair its own way; "" would
            // pass its check and then fail to authenticate.
            string? token = d.ProtocolVersion == 3 ? ExportSecrets.Token(d, includeSecrets) : "";
            string? key = d.ProtocolVersion == 3 ? ExportSecrets.Key(d, includeSecrets) : "";
            var file = new JsonObject
            {
                { "name", d.Name.Length > 0 ? d.Name : TypeName(type) },
                { "device_id", d.Id },
                { "type", (int)type },
                { "protocol", d.ProtocolVersion },
                { "ip_address", d.Address },
                { "port", d.Port },
                // The store keeps no model code; "Unknown" is what midea_ac_lan writes without one.
                { "model", "Unknown" },
                // midea_ac_lan's default; a null subtype would make it ignore the file.
                { "subtype", 0 },
                { "token", token },
                { "key", key },
                { "mac", d.MacAddress is null ? null : d.MacAddress.Replace(":", "").Replace("-", "").ToLowerInvariant() },
                { "sn", d.SerialNumber.Length > 0 ? d.SerialNumber : null },
            };
            output.Files.Add(new ExportFile(FileName(d), Utf8.GetBytes(IndentedJson.Write(file))));
            string? missing = ExportSecrets.Missing(d, includeSecrets);
            if (missing != null)
                output.Warnings.Add($"{d.Describe()}: {missing}; its file has token and key null, so midea_ac_lan ignores the file and gets them from the cloud.");
        }
    }

    // midea_ac_lan's own name of the type (midea_devices.py), which it gives a unit without one.
    private static string TypeName(byte type) => type == CommercialAc.ApplianceType ? "MDV Wi-Fi Controller" : "Air Conditioner";
}
