using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;
using Midea.PowerShell.Internal;
using Midea.PowerShell.Internal.Store;
using IOPath = System.IO.Path;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Writes every saved unit to a backup file that Import-MideaDevice reads. Without
/// -IncludeSecrets the file holds no token or key at all; with it, they are plain hex text
/// (readable on any computer, so the file must be kept as safe as a password; on Linux and macOS
/// it is created with mode 0600).
/// </summary>
[Cmdlet(VerbsData.Export, "MideaDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    HelpUri = "https://github.com/midea-powershell/Midea#export-mideadevice")]
[OutputType(typeof(FileInfo))]
public sealed class ExportMideaDeviceCommand : MideaCmdlet
{
    /// <summary>The backup file to write; replaced when it exists (unless -NoClobber).</summary>
    [Parameter(Mandatory = true, Position = 0, HelpMessage = "Path of the backup file to write.")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Also write each unit's token and key, as plain hex text.</summary>
    [Parameter]
    public SwitchParameter IncludeSecrets { get; set; }

    /// <summary>Do not replace an existing file.</summary>
    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Write the backup file's FileInfo.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        string target = Path;
        try
        {
            target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out ProviderInfo provider, out _);
            if (provider.Name != "FileSystem") throw new ArgumentException($"'{Path}' is not a file system path.");
            string store = DeviceStore.Path;
            StringComparison comparison = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (string.Equals(IOPath.GetFullPath(target), store, comparison))
                throw new ArgumentException($"'{target}' is the device store itself; export to another file.");
            string? directory = IOPath.GetDirectoryName(target);
            if (directory is null || !Directory.Exists(directory)) throw new DirectoryNotFoundException($"The folder of '{target}' does not exist.");
            if (Directory.Exists(target)) throw new ArgumentException($"'{target}' is a folder; give a file name.");
            if (NoClobber.IsPresent && File.Exists(target))
            {
                ThrowTerminatingError(new ErrorRecord(new IOException($"'{target}' exists and -NoClobber was given."), "FileExists", ErrorCategory.ResourceExists, target));
                return;
            }
            IReadOnlyList<StoredDevice> devices = DeviceStore.Load(WriteVerbose);
            string secrets = IncludeSecrets.IsPresent ? "with tokens and keys as plain hex" : "without tokens and keys";
            if (!ShouldProcess(target, $"Export {devices.Count} device(s) {secrets}")) return;
            WriteVerbose($"Writing {devices.Count} device(s) to '{target}', {secrets}.");
            DeviceStore.WriteFile(target, devices, IncludeSecrets.IsPresent ? SecretEncoding.Hex : SecretEncoding.Omit, userOnly: IncludeSecrets.IsPresent);
            if (IncludeSecrets.IsPresent)
                WriteWarning($"'{target}' holds the tokens and keys as plain hex text; keep it as safe as a password, and delete it when it is no longer needed.");
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            ThrowTerminatingError(StoreErrors.Record(ex, target));
            return;
        }
        if (PassThru.IsPresent) WriteObject(new FileInfo(target));
    }
}
