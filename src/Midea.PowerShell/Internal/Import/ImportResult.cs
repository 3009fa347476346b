using System.Collections.Generic;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Internal.Import;

/// <summary>One unit read from an import file, and where in the file it came from.</summary>
internal sealed class ImportedDevice
{
    /// <summary>Creates the pair.</summary>
    /// <param name="device">The unit as a device-store entry.</param>
    /// <param name="source">Where it came from, for messages (never a secret).</param>
    public ImportedDevice(StoredDevice device, string source)
    {
        Device = device;
        Source = source;
    }

    /// <summary>The unit as a device-store entry (SavedUtc unset, except from a Midea file).</summary>
    public StoredDevice Device { get; }

    /// <summary>Where in the file the unit came from, for messages: entry "midea_ac 1234" (01J…), row 3 (line 4), …</summary>
    public string Source { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Device.Describe()} from {Source}";
}

/// <summary>
/// What a reader found in one file: the units it can import, the units that lack only an address,
/// and notes on what it left out and why (docs/import-formats.md §1).
/// </summary>
internal sealed class ImportResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="filePath">Full path of the file read.</param>
    /// <param name="format">The format it was read as (never Auto).</param>
    /// <param name="devices">Complete units, in file order.</param>
    /// <param name="withoutAddress">Units with everything but an address (Address is empty).</param>
    /// <param name="notes">Skipped entries and other remarks, in file order.</param>
    public ImportResult(string filePath, ImportFormat format, IReadOnlyList<ImportedDevice> devices,
        IReadOnlyList<ImportedDevice> withoutAddress, IReadOnlyList<string> notes)
    {
        FilePath = filePath;
        Format = format;
        Devices = devices;
        WithoutAddress = withoutAddress;
        Notes = notes;
    }

    /// <summary>Full path of the file read.</summary>
    public string FilePath { get; }

    /// <summary>The format the file was read as: the one asked for, or the one detected (never Auto).</summary>
    public ImportFormat Format { get; }

    /// <summary>Units ready for the device store: id, address, port, version and type are known. One per id.</summary>
    public IReadOnlyList<ImportedDevice> Devices { get; }

    /// <summary>
    /// Units the file names without an address (Homebridge finds units by broadcast, so its config
    /// may hold none). Address is empty; everything else is set. The importer takes the address from
    /// the store entry of the same id or from discovery, or skips the unit with <see cref="NoAddressNote"/>.
    /// Their ids differ from those in <see cref="Devices"/>.
    /// </summary>
    public IReadOnlyList<ImportedDevice> WithoutAddress { get; }

    /// <summary>One line per entry left out or worth a remark; never a secret.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The note for a unit of <see cref="WithoutAddress"/> that no address could be found for.</summary>
    /// <param name="device">The unit.</param>
    public static string NoAddressNote(ImportedDevice device) =>
        $"{device.Source}: id {device.Device.Id} has no address in the file, and none was found for it: skipped. Give it one in the file (Homebridge: advanced_options.ip), or save the unit with Save-MideaDevice and import again";
}
