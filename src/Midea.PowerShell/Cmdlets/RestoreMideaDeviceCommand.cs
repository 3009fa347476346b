using System;
using System.Collections.Generic;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Brings back the token and key a saved unit had before its last new pair (saved, imported, or
/// forced in with -Force). The store keeps a few replaced pairs per unit; the current pair becomes
/// the newest of them, so running the command twice undoes it. Nothing is sent to the unit:
/// Test-MideaConnection tells which pair it accepts.
/// </summary>
[Cmdlet(VerbsData.Restore, "MideaDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    HelpUri = "https://github.com/midea-powershell/Midea#restore-mideadevice")]
[OutputType(typeof(MideaDevice))]
public sealed class RestoreMideaDeviceCommand : MideaCmdlet
{
    /// <summary>Device ids of saved units (MideaDevice objects bind by property name).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Device id of a saved unit.")]
    [Alias("DeviceId")]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>Write each restored entry as a MideaDevice.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var restored = new List<StoredDevice>();
        try
        {
            string path = DeviceStore.Path;
            DeviceStore.Update(devices =>
            {
                foreach (long id in Id)
                {
                    int index = devices.FindIndex(d => d.Id == id);
                    if (index < 0)
                    {
                        WriteError(StoreErrors.NotFound(id, path));
                        continue;
                    }
                    StoredDevice entry = devices[index].Clone();
                    if (entry.PreviousPairs.Count == 0)
                    {
                        WriteError(new ErrorRecord(new InvalidOperationException($"{entry.Describe()} has no previous token and key in the device store '{path}'."),
                            "NoPreviousPair", ErrorCategory.ObjectNotFound, id));
                        continue;
                    }
                    DateTime replaced = entry.PreviousPairs[0].ReplacedUtc;
                    if (!ShouldProcess(entry.Describe(), $"Restore the token and key replaced at {replaced:u} in the device store '{path}'")) continue;
                    entry.RestorePreviousPair();
                    entry.SavedUtc = DateTime.UtcNow;
                    devices[index] = entry;
                    restored.Add(entry);
                }
                return restored.Count > 0;
            }, WriteVerbose);
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            ErrorRecord record = StoreErrors.Record(ex, Id.Length == 1 ? Id[0] : null);
            if (ex is StoreCorruptException) ThrowTerminatingError(record);
            WriteError(record);
            return;
        }
        foreach (StoredDevice d in restored)
        {
            WriteVerbose($"Restored the previous token and key of {d.Describe()}; the pair it replaced is kept as the newest previous one.");
            if (PassThru.IsPresent) WriteObject(d.ToPublic());
        }
    }
}
