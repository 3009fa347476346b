using System.Collections.Generic;
using System.IO;
using System.Xml;
using Midea.PowerShell.Internal.Store;
using Midea.Protocol.Cloud;

namespace Midea.PowerShell.Internal.Import;

/// <summary>
/// Decides the format of a file from its content, never from its name (docs/import-formats.md §2):
/// the same config.json or .log name is used by many tools, and a user may rename a backup.
/// </summary>
internal static class ImportDetector
{
    /// <summary>The format of <paramref name="text"/>, the content of <paramref name="path"/>.</summary>
    /// <param name="path">Full path of the file, for messages.</param>
    /// <param name="text">Its content.</param>
    /// <param name="json">The content parsed as JSON when it is JSON (so it is parsed once), else null.</param>
    /// <exception cref="ImportFormatException">The content is in none of the formats (Format Auto); the message lists them.</exception>
    public static ImportFormat Detect(string path, string text, out object? json)
    {
        json = null;
        string start = text.TrimStart();
        if (start.Length == 0) throw Unrecognised(path, "the file is empty");
        if (start[0] == '<')
        {
            return IsMideaXml(start) ? ImportFormat.Midea
                : throw Unrecognised(path, $"it is XML, but its root element is not {StoreFormat.Root}");
        }
        if (start[0] is '{' or '[')
        {
            json = ImportReader.ParseJson(path, ImportFormat.Auto, text);
            switch (json)
            {
                case List<object?>:
                    return ImportFormat.Json;
                case JsonObject o when IsHomeAssistant(o):
                    return ImportFormat.HomeAssistant;
                case JsonObject o when o.GetArray("platforms") != null:
                    return ImportFormat.Homebridge;
            }
            throw Unrecognised(path, "it is JSON, but in no layout that Import-MideaDevice knows");
        }
        if (MsmartNgReader.Marker.IsMatch(text)) return ImportFormat.MsmartNg;
        if (CsvReader.HasHeader(text)) return ImportFormat.Csv;
        throw Unrecognised(path, "its content is in no format that Import-MideaDevice knows");
    }

    // core.config_entries (by its store key, or by its payload), or a midea_ac_lan device file.
    private static bool IsHomeAssistant(JsonObject o) =>
        o["key"] is "core.config_entries"
        || o.GetObject("data")?.GetArray("entries") != null
        || (o.Contains("device_id") && o.Contains("type") && o.Contains("protocol"));

    private static bool IsMideaXml(string text)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == StoreFormat.Root;
        }
        catch (XmlException)
        {
            // Damaged before its root element: still the module's file if it names the root, so the
            // Midea reader can say what is wrong with it.
            return text.Contains("<" + StoreFormat.Root);
        }
    }

    private static ImportFormatException Unrecognised(string path, string why) =>
        new(path, ImportFormat.Auto, null, $"{why}. It reads {ImportReader.Accepted}; name the format with -Format to learn what is wrong with a file of one of them");
}
