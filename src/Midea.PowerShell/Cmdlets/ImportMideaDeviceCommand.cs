using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.PowerShell.Internal.Import;
using Midea.PowerShell.Internal.Store;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Reads a backup written by Export-MideaDevice (or another device store file), or the credentials
/// another tool saved (Home Assistant, msmart-ng, Homebridge, a CSV or JSON table), and merges it into
/// the per-user device store by id: a unit with the same id is replaced, others are added. A unit
/// imported without token and key keeps the ones already stored for it; a different pair for a
/// saved unit is saved only once the unit accepted it (CredentialGuard), unless -Force.
/// </summary>
[Cmdlet(VerbsData.Import, "MideaDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    HelpUri = "https://github.com/midea-powershell/Midea#import-mideadevice")]
[OutputType(typeof(MideaDevice))]
public sealed class ImportMideaDeviceCommand : MideaCmdlet
{
    /// <summary>Backup files to read (wildcards allowed).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        HelpMessage = "Path of a file written by Export-MideaDevice.")]
    [Alias("FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>What wrote the files: the module's own backup, another tool's file, or Auto to tell from the content.</summary>
    [Parameter]
    public ImportFormat Format { get; set; } = ImportFormat.Auto;

    /// <summary>Write each imported unit as a MideaDevice.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Replace a stored token and key without trying the new pair on the unit first.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Limit for connecting to a unit and for the handshake that tries a new pair.</summary>
    [Parameter]
    [ValidateRange(1, 120)]
    public int TimeoutSeconds { get; set; } = RequestPolicy.DefaultRequestSeconds;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (string path in Path)
        {
            Collection<string> files;
            try
            {
                files = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
                if (provider.Name != "FileSystem") throw new ArgumentException($"'{path}' is not a file system path.");
            }
            catch (ItemNotFoundException ex)
            {
                WriteError(new ErrorRecord(ex, "FileNotFound", ErrorCategory.ObjectNotFound, path));
                continue;
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, path));
                continue;
            }
            foreach (string file in files) Import(file);
        }
    }

    private void Import(string file)
    {
        List<StoredDevice> incoming;
        try
        {
            incoming = Read(file);
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            // A file that does not read is refused whole: nothing of it is saved.
            WriteError(StoreErrors.Record(ex, file));
            return;
        }
        var accepted = new List<StoredDevice>();
        try
        {
            string store = DeviceStore.Path;
            IReadOnlyList<StoredDevice> current = DeviceStore.Load(WriteVerbose);
            foreach (StoredDevice device in incoming)
            {
                StoredDevice? old = current.FirstOrDefault(d => d.Id == device.Id);
                StoredDevice planned = Merge(old, device);
                // A different pair for a saved unit is tried on the unit first (CredentialGuard).
                bool guarded = device.HasCredentials && old is { HasCredentials: true } && !old.HasPair(device.Token!, device.Key!) && !Force.IsPresent;
                string action = $"{(old is null ? "Add to" : "Replace in")} the device store '{store}' from '{file}'{(guarded ? ", once the unit accepts the new token and key" : "")}";
                if (!ShouldProcess(planned.Describe(), action)) continue;
                if (guarded)
                {
                    (PairCheck check, string? reason) = CredentialGuard.Check(this, old!, device.Token!, device.Key!, planned, TimeSpan.FromSeconds(TimeoutSeconds));
                    if (check != PairCheck.Accepted)
                    {
                        WriteError(CredentialGuard.Record(check, reason, old!, $"from '{file}'"));
                        continue;
                    }
                    WriteVerbose($"{planned.Describe()} accepted the token and key from '{file}'; the previous pair stays in the store's history (Restore-MideaDevice).");
                }
                accepted.Add(device);
            }
            if (accepted.Count > 0)
            {
                DeviceStore.Update(devices =>
                {
                    foreach (StoredDevice device in accepted)
                    {
                        int index = devices.FindIndex(d => d.Id == device.Id);
                        StoredDevice entry = Merge(index < 0 ? null : devices[index], device);
                        if (index < 0) devices.Add(entry);
                        else devices[index] = entry;
                    }
                    return true;
                }, WriteVerbose);
            }
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            ErrorRecord record = StoreErrors.Record(ex, file);
            if (ex is StoreCorruptException) ThrowTerminatingError(record);
            WriteError(record);
            return;
        }
        WriteVerbose($"Imported {accepted.Count} of {incoming.Count} device(s) from '{file}'.");
        if (PassThru.IsPresent)
        {
            IReadOnlyList<StoredDevice> saved = DeviceStore.Load();
            foreach (StoredDevice d in accepted) WriteObject(saved.First(s => s.Id == d.Id).ToPublic());
        }
    }

    /// <summary>
    /// The units of <paramref name="file"/>, in the format given or the one its content shows
    /// (docs/import-formats.md). What the reader left out (other appliance types, entries without a
    /// pair or an address) is said as a warning; a unit the file names without an address takes
    /// the one the store has for its id.
    /// </summary>
    private List<StoredDevice> Read(string file)
    {
        ImportResult result = ImportReader.Read(file, Format, WriteVerbose);
        if (Format == ImportFormat.Auto) WriteVerbose($"'{file}' reads as {ImportReader.Describe(result.Format)}.");
        foreach (string note in result.Notes) WriteWarning($"{file}: {note}");
        var units = result.Devices.Select(d => d.Device).ToList();
        IReadOnlyList<StoredDevice> stored = result.WithoutAddress.Count == 0 ? Array.Empty<StoredDevice>() : DeviceStore.Load(WriteVerbose);
        foreach (ImportedDevice missing in result.WithoutAddress)
        {
            StoredDevice? known = stored.FirstOrDefault(d => d.Id == missing.Device.Id);
            if (known is null)
            {
                WriteWarning($"{file}: {ImportResult.NoAddressNote(missing)}");
                continue;
            }
            StoredDevice unit = missing.Device.Clone();
            unit.Address = known.Address;
            WriteVerbose($"{file}: {missing.Source} names no address; using {known.Address}, the address the store has for id {unit.Id}.");
            units.Add(unit);
        }
        return units;
    }

    /// <summary>
    /// The entry a unit from a file makes: what the file says, on top of the stored entry's pair
    /// history. A unit the file has without a pair keeps the stored one: a backup without secrets
    /// must not wipe the store's.
    /// </summary>
    private static StoredDevice Merge(StoredDevice? old, StoredDevice device)
    {
        StoredDevice entry = device.Clone();
        if (old != null)
        {
            entry.PreviousPairs = old.Clone().PreviousPairs;
            entry.Token = old.Token;
            entry.Key = old.Key;
            if (device.HasCredentials) entry.ReplacePair(device.Token!, device.Key!);
        }
        entry.SavedUtc = DateTime.UtcNow;
        return entry;
    }
}
