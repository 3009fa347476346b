using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Internal.Import;

/// <summary>
/// Reads one file of units for Import-MideaDevice: the module's own device file, or a file another
/// tool wrote with the V3 tokens and keys a user already has (docs/import-formats.md). Pure: it
/// reads the file and touches nothing else, not the device store and not the network.
/// </summary>
internal static class ImportReader
{
    /// <summary>What each format is, for messages.</summary>
    public static string Describe(ImportFormat format) => format switch
    {
        ImportFormat.Midea => "a Midea device file (the device store or an Export-MideaDevice backup)",
        ImportFormat.HomeAssistant => "a Home Assistant file (.storage/core.config_entries or a .storage/midea_ac_lan device file)",
        ImportFormat.MsmartNg => "an msmart-ng discover log",
        ImportFormat.Homebridge => "a Homebridge config.json",
        ImportFormat.Csv => "a CSV file of the module's layout",
        ImportFormat.Json => "a JSON file of the module's layout",
        _ => "a file of any format Import-MideaDevice reads",
    };

    /// <summary>The formats Import-MideaDevice reads, for the message about a file that is none of them.</summary>
    public const string Accepted =
        "Midea (the device store or an Export-MideaDevice backup), HomeAssistant (.storage/core.config_entries, or .storage/midea_ac_lan/<id>.json), " +
        "MsmartNg (what msmart-ng discover prints), Homebridge (config.json with a midea-platform block), " +
        "Csv and Json (the columns or properties Id, Address, Port, ProtocolVersion, Type, Name, Token, Key)";

    /// <summary>
    /// The units in <paramref name="path"/>. With <see cref="ImportFormat.Auto"/> the format is
    /// decided from the content (<see cref="ImportDetector"/>); the result says which it was.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="format">Its format, or Auto.</param>
    /// <param name="log">Receives lines naming the file and the format found (for WriteVerbose); never a secret.</param>
    /// <exception cref="ImportFormatException">The file is not in the format, or in none (Auto); nothing of it is returned.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The user may not read the file.</exception>
    public static ImportResult Read(string path, ImportFormat format, Action<string>? log = null)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"Cannot find '{full}'.", full);
        if (format == ImportFormat.Midea) return ReadMidea(full, log);
        log?.Invoke($"Reading '{full}'.");
        // ReadAllText honours a byte order mark, so UTF-16 from Windows PowerShell's "2>" reads too.
        string text = File.ReadAllText(full, Encoding.UTF8);
        object? json = null;
        if (format == ImportFormat.Auto)
        {
            format = ImportDetector.Detect(full, text, out json);
            log?.Invoke($"'{full}' is {Describe(format)}.");
            if (format == ImportFormat.Midea) return ReadMidea(full, null);
        }
        return Parse(full, text, format, json);
    }

    /// <summary>The units in <paramref name="text"/>, the content of <paramref name="path"/>, read as <paramref name="format"/>.</summary>
    /// <param name="path">Full path of the file, for messages.</param>
    /// <param name="text">Its content.</param>
    /// <param name="format">A format other than Auto and Midea.</param>
    /// <param name="json">The content already parsed as JSON (by the detector), or null.</param>
    /// <exception cref="ImportFormatException">The content is not in the format.</exception>
    internal static ImportResult Parse(string path, string text, ImportFormat format, object? json = null)
    {
        var context = new ImportContext(path, format);
        try
        {
            switch (format)
            {
                case ImportFormat.HomeAssistant: HomeAssistantReader.Read(context, json ?? ParseJson(path, format, text)); break;
                case ImportFormat.MsmartNg: MsmartNgReader.Read(context, text); break;
                case ImportFormat.Homebridge: HomebridgeReader.Read(context, json ?? ParseJson(path, format, text)); break;
                case ImportFormat.Csv: CsvReader.Read(context, text); break;
                case ImportFormat.Json: ExportLayout.ReadJson(context, json ?? ParseJson(path, format, text)); break;
                default: throw new ArgumentOutOfRangeException(nameof(format), format, "Auto and Midea files are read by Read.");
            }
            return context.Finish();
        }
        catch
        {
            // The whole file fails: clear the secrets gathered so far rather than leave them to the collector.
            context.Discard();
            throw;
        }
    }

    /// <summary>The JSON value that is <paramref name="text"/>.</summary>
    /// <param name="path">Full path of the file, for messages.</param>
    /// <param name="format">The format it is read as (Auto while detecting).</param>
    /// <param name="text">The content.</param>
    /// <exception cref="ImportFormatException">Not valid JSON; the message gives the position only.</exception>
    internal static object? ParseJson(string path, ImportFormat format, string text)
    {
        try
        {
            return Protocol.Cloud.Json.Parse(text);
        }
        catch (FormatException ex)
        {
            // The parser's message can quote a character of the file (a secret, in a damaged one); only
            // its offset is taken, and the exception is not kept as the inner one.
            if (text.Trim().Length == 0) throw new ImportFormatException(path, format, null, "the file is empty");
            Match offset = Regex.Match(ex.Message, @"at offset (\d+)");
            if (!offset.Success) throw new ImportFormatException(path, format, null, "it is not valid JSON");
            (int line, int column) = ImportValues.Position(text, int.Parse(offset.Groups[1].Value, CultureInfo.InvariantCulture));
            throw new ImportFormatException(path, format, null, $"it is not valid JSON (the parser stopped at line {line}, column {column})");
        }
    }

    // The module's own file: DeviceStore reads it; its defects are reported like every other format's.
    private static ImportResult ReadMidea(string path, Action<string>? log)
    {
        List<StoredDevice> devices;
        try
        {
            devices = DeviceStore.LoadFrom(path, log, isStore: false);
        }
        catch (StoreCorruptException ex)
        {
            // Its message names the file and the defect, never a secret, so it may stay the inner exception.
            throw new ImportFormatException(path, ImportFormat.Midea, null, ex.Problem, ex);
        }
        var imported = devices.Select((d, i) => new ImportedDevice(d, $"device #{i + 1}")).ToList();
        return new ImportResult(path, ImportFormat.Midea, imported, Array.Empty<ImportedDevice>(), Array.Empty<string>());
    }
}
