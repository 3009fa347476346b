using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Midea.PowerShell.Internal.Store;
using Midea.Protocol.Cloud;

namespace Midea.PowerShell.Internal.Export;

/// <summary>
/// The two tabular layouts, Csv (docs/export-formats.md §2) and Json (docs/export-formats.md §3): the same eight columns, which
/// the CSV and JSON import reads, so names, order and types must not change.
/// </summary>
internal static class TableExport
{
    /// <summary>The column names, in order.</summary>
    public static readonly string[] Columns = { "Id", "Address", "Port", "ProtocolVersion", "Type", "Name", "Token", "Key" };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // The characters that make a CSV field need quotes.
    private static readonly char[] Special = { ',', '"', '\r', '\n' };

    /// <summary>The CSV text, UTF-8 without BOM, lines ending in CR LF (RFC 4180).</summary>
    /// <param name="devices">The units, in store order.</param>
    /// <param name="includeSecrets">-IncludeSecrets.</param>
    public static byte[] Csv(IReadOnlyList<StoredDevice> devices, bool includeSecrets)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", Columns)).Append("\r\n");
        foreach (StoredDevice d in devices)
        {
            string[] fields =
            {
                d.Id.ToString(CultureInfo.InvariantCulture),
                d.Address,
                d.Port.ToString(CultureInfo.InvariantCulture),
                d.ProtocolVersion.ToString(CultureInfo.InvariantCulture),
                d.Type,
                d.Name,
                ExportSecrets.Token(d, includeSecrets) ?? "",
                ExportSecrets.Key(d, includeSecrets) ?? "",
            };
            for (int i = 0; i < fields.Length; i++)
            {
                if (i > 0) text.Append(',');
                AppendField(text, fields[i]);
            }
            text.Append("\r\n");
        }
        return Utf8.GetBytes(text.ToString());
    }

    /// <summary>The JSON array, UTF-8 without BOM, indented, lines ending in LF.</summary>
    /// <param name="devices">The units, in store order.</param>
    /// <param name="includeSecrets">-IncludeSecrets.</param>
    public static byte[] Json(IReadOnlyList<StoredDevice> devices, bool includeSecrets)
    {
        var array = new List<object?>();
        foreach (StoredDevice d in devices)
        {
            // long and int stay integers in Json.Write, so an id up to 2^48 is written digit for digit.
            array.Add(new JsonObject
            {
                { "Id", d.Id },
                { "Address", d.Address },
                { "Port", d.Port },
                { "ProtocolVersion", d.ProtocolVersion },
                { "Type", d.Type },
                { "Name", d.Name },
                { "Token", ExportSecrets.Token(d, includeSecrets) },
                { "Key", ExportSecrets.Key(d, includeSecrets) },
            });
        }
        return Utf8.GetBytes(IndentedJson.Write(array));
    }

    // RFC 4180 quoting, only where a reader needs it; a space at either end is quoted too, because
    // some readers (and spreadsheets) trim unquoted fields.
    private static void AppendField(StringBuilder text, string field)
    {
        bool quote = field.IndexOfAny(Special) >= 0 || (field.Length > 0 && (field[0] == ' ' || field[field.Length - 1] == ' '));
        if (!quote)
        {
            text.Append(field);
            return;
        }
        text.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
    }
}
