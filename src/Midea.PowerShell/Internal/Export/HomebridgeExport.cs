using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Midea.PowerShell.Internal.Store;
using Midea.Protocol.Appliances;
using Midea.Protocol.Cloud;

namespace Midea.PowerShell.Internal.Export;

/// <summary>
/// The platform block of homebridge-midea-platform with one devices[] entry per unit
/// (docs/export-formats.md §6), to merge into Homebridge's config.json.
/// </summary>
internal static class HomebridgeExport
{
    /// <summary>The plugin's platform name (its PLATFORM_NAME and pluginAlias).</summary>
    public const string Platform = "midea-platform";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The file's text, UTF-8 without BOM, indented, lines ending in LF; a warning for each V3 unit without its pair.</summary>
    /// <param name="devices">The units, in store order.</param>
    /// <param name="includeSecrets">-IncludeSecrets.</param>
    /// <param name="output">Receives the warnings and notes.</param>
    public static byte[] Write(IReadOnlyList<StoredDevice> devices, bool includeSecrets, ExportOutput output)
    {
        var list = new List<object?>();
        foreach (StoredDevice d in devices)
        {
            // A number, never a string: the plugin matches it with === against the discovered id.
            var entry = new JsonObject { { "id", d.Id } };
            if (d.Name.Length > 0) entry.Add("name", d.Name);
            entry.Add("type", Appliance.TypeOf(d.Type) == CommercialAc.ApplianceType ? "MDV WiFi Controller" : "Air Conditioner");
            var advanced = new JsonObject();
            // The plugin asks a unit directly only at an IPv4 address; anything else means broadcast discovery.
            if (IPAddress.TryParse(d.Address, out IPAddress? ip) && ip.AddressFamily == AddressFamily.InterNetwork && d.Address.Split('.').Length == 4)
                advanced.Add("ip", d.Address);
            else
                output.Notes.Add($"{d.Describe()}: the address is not an IPv4 address, so the Homebridge entry has no ip and the plugin finds the unit by broadcast.");
            if (d.ProtocolVersion == 3 && ExportSecrets.Writes(d, includeSecrets))
            {
                advanced.Add("token", ExportSecrets.Token(d, includeSecrets));
                advanced.Add("key", ExportSecrets.Key(d, includeSecrets));
            }
            if (advanced.Count > 0) entry.Add("advanced_options", advanced);
            list.Add(entry);
            string? missing = ExportSecrets.Missing(d, includeSecrets);
            if (missing != null)
                output.Warnings.Add($"{d.Describe()}: {missing}; homebridge-midea-platform does not add a V3 unit without them.");
        }
        var block = new JsonObject { { "platform", Platform }, { "devices", list } };
        return Utf8.GetBytes(IndentedJson.Write(block));
    }
}
