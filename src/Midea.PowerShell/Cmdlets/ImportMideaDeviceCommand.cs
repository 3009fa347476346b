using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Reads a backup written by Export-MideaDevice (or another device store file) and merges it into
/// the per-user device store by id: a unit with the same id is replaced, others are added. A unit
/// imported without token and key keeps the ones already stored for it.
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

    /// <summary>Write each imported unit as a MideaDevice.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

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
            incoming = DeviceStore.LoadFrom(file, WriteVerbose, isStore: false);
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            WriteError(StoreErrors.Record(ex, file));
            return;
        }
        var imported = new List<StoredDevice>();
        try
        {
            string store = DeviceStore.Path;
            DeviceStore.Update(devices =>
            {
                foreach (StoredDevice device in incoming)
                {
                    int index = devices.FindIndex(d => d.Id == device.Id);
                    StoredDevice? old = index < 0 ? null : devices[index];
                    StoredDevice entry = device.Clone();
                    if (!entry.HasCredentials && old is { HasCredentials: true })
                    {
                        // A backup without secrets must not wipe the ones this store has.
                        entry.Token = old.Token;
                        entry.Key = old.Key;
                    }
                    entry.SavedUtc = DateTime.UtcNow;
                    if (!ShouldProcess(entry.Describe(), $"{(old is null ? "Add to" : "Replace in")} the device store '{store}' from '{file}'")) continue;
                    if (old is null) devices.Add(entry);
                    else devices[index] = entry;
                    imported.Add(entry);
                }
                return imported.Count > 0;
            }, WriteVerbose);
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            ErrorRecord record = StoreErrors.Record(ex, file);
            if (ex is StoreCorruptException) ThrowTerminatingError(record);
            WriteError(record);
            return;
        }
        WriteVerbose($"Imported {imported.Count} of {incoming.Count} device(s) from '{file}'.");
        if (PassThru.IsPresent)
        {
            foreach (StoredDevice d in imported) WriteObject(d.ToPublic());
        }
    }
}
