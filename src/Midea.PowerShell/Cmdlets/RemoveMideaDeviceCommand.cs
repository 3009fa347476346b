using System;
using System.Collections.Generic;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Removes units (and their token and key) from the per-user device store. An id the store does
/// not hold gives a DeviceNotFound error. ConfirmImpact is Medium, so scripts never prompt.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "MideaDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    HelpUri = "https://github.com/midea-powershell/Midea#remove-mideadevice")]
[OutputType(typeof(void))]
public sealed class RemoveMideaDeviceCommand : MideaCmdlet
{
    /// <summary>Device ids to remove (MideaDevice objects bind by property name).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Device id of a saved unit.")]
    [Alias("DeviceId")]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var removed = new List<StoredDevice>();
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
                    if (!ShouldProcess(devices[index].Describe(), $"Remove from the device store '{path}'")) continue;
                    removed.Add(devices[index]);
                    devices.RemoveAt(index);
                }
                return removed.Count > 0;
            }, WriteVerbose);
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            ErrorRecord record = StoreErrors.Record(ex, Id.Length == 1 ? Id[0] : null);
            if (ex is StoreCorruptException) ThrowTerminatingError(record);
            WriteError(record);
            return;
        }
        foreach (StoredDevice d in removed) WriteVerbose($"Removed {d.Describe()}.");
    }
}
