using System;
using System.Collections.Generic;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Reads units from the per-user device store written by Save-MideaDevice. The MideaDevice
/// objects carry the stored token and key as SecureString (no view shows them), so
/// Get-MideaDevice | Get-MideaState connects without further parameters.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MideaDevice", DefaultParameterSetName = NameSet,
    HelpUri = "https://github.com/midea-powershell/Midea#get-mideadevice")]
[OutputType(typeof(MideaDevice))]
public sealed class GetMideaDeviceCommand : MideaCmdlet
{
    private const string NameSet = "Name";
    private const string IdSet = "Id";
    private readonly HashSet<long> _written = new();
    private IReadOnlyList<StoredDevice>? _devices;

    /// <summary>Names to return (wildcards allowed); all devices when not given.</summary>
    [Parameter(Position = 0, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Device ids to return.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true, HelpMessage = "Device id of a saved unit.")]
    [Alias("DeviceId")]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        string path;
        try
        {
            path = DeviceStore.Path;
            _devices ??= DeviceStore.Load(WriteVerbose);
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            ThrowTerminatingError(StoreErrors.Record(ex, null));
            return;
        }
        if (ParameterSetName == IdSet)
        {
            foreach (long id in Id)
            {
                StoredDevice? device = null;
                foreach (StoredDevice d in _devices)
                {
                    if (d.Id == id) device = d;
                }
                if (device is null) WriteError(StoreErrors.NotFound(id, path));
                else Write(device);
            }
            return;
        }
        if (Name is null)
        {
            foreach (StoredDevice d in _devices) Write(d);
            return;
        }
        foreach (string name in Name)
        {
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            bool any = false;
            foreach (StoredDevice d in _devices)
            {
                if (!pattern.IsMatch(d.Name)) continue;
                any = true;
                Write(d);
            }
            if (!any && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"No device named '{name}' is saved in the device store '{path}'."),
                    "DeviceNotFound", ErrorCategory.ObjectNotFound, name));
            }
        }
    }

    private void Write(StoredDevice device)
    {
        // A device matched by two names (or ids) is written once.
        if (_written.Add(device.Id)) WriteObject(device.ToPublic());
    }
}
