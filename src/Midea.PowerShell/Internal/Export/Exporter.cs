using System;
using System.Collections.Generic;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Internal.Export;

/// <summary>Renders the device store in each <see cref="ExportFormat"/> (docs/export-formats.md).</summary>
internal static class Exporter
{
    /// <summary>True for the format whose -Path is a folder that gets one file per unit.</summary>
    /// <param name="format">The format.</param>
    public static bool WritesFolder(ExportFormat format) => format == ExportFormat.HomeAssistant;

    /// <summary>The names of the files a folder format writes into the folder, one per unit.</summary>
    /// <param name="format">A format for which <see cref="WritesFolder"/> is true.</param>
    /// <param name="devices">The units.</param>
    public static IReadOnlyList<string> FileNames(ExportFormat format, IReadOnlyList<StoredDevice> devices)
    {
        if (!WritesFolder(format)) throw new ArgumentException($"{format} writes one file.", nameof(format));
        var names = new List<string>(devices.Count);
        foreach (StoredDevice d in devices) names.Add(HomeAssistantExport.FileName(d));
        return names;
    }

    /// <summary>The files of the export, and the warnings it must show. The caller clears the output after writing.</summary>
    /// <param name="format">The layout.</param>
    /// <param name="devices">The units, in store order.</param>
    /// <param name="includeSecrets">-IncludeSecrets: write the tokens and keys as hex.</param>
    public static ExportOutput Render(ExportFormat format, IReadOnlyList<StoredDevice> devices, bool includeSecrets)
    {
        var output = new ExportOutput();
        switch (format)
        {
            case ExportFormat.Midea:
                output.Files.Add(new ExportFile(null, StoreFormat.Serialize(devices, includeSecrets ? SecretEncoding.Hex : SecretEncoding.Omit)));
                break;
            case ExportFormat.Csv:
                output.Files.Add(new ExportFile(null, TableExport.Csv(devices, includeSecrets)));
                break;
            case ExportFormat.Json:
                output.Files.Add(new ExportFile(null, TableExport.Json(devices, includeSecrets)));
                break;
            case ExportFormat.MsmartNg:
                output.Files.Add(new ExportFile(null, MsmartNgExport.Write(devices, includeSecrets, output)));
                break;
            case ExportFormat.HomeAssistant:
                HomeAssistantExport.Write(devices, includeSecrets, output);
                break;
            case ExportFormat.Homebridge:
                output.Files.Add(new ExportFile(null, HomebridgeExport.Write(devices, includeSecrets, output)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format.");
        }
        return output;
    }
}
