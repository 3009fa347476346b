using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using Midea.PowerShell.Internal;
using Midea.PowerShell.Internal.Export;
using Midea.PowerShell.Internal.Store;
using IOPath = System.IO.Path;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Writes every saved unit to a file: a backup that Import-MideaDevice reads (the default), a CSV
/// or JSON table, or the layout another tool reads (msmart-ng command lines, midea_ac_lan's
/// per-device files, homebridge-midea-platform's devices block; docs/export-formats.md). Without
/// -IncludeSecrets no file holds a token or key; with it, they are plain hex text (readable on any
/// computer, so the files must be kept as safe as a password; on Linux and macOS they are created
/// with mode 0600).
/// </summary>
[Cmdlet(VerbsData.Export, "MideaDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    HelpUri = "https://github.com/midea-powershell/Midea#export-mideadevice")]
[OutputType(typeof(FileInfo))]
public sealed class ExportMideaDeviceCommand : MideaCmdlet
{
    /// <summary>The file to write (a folder for -Format HomeAssistant); replaced when it exists (unless -NoClobber).</summary>
    [Parameter(Mandatory = true, Position = 0, HelpMessage = "Path of the file to write (a folder for -Format HomeAssistant).")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The layout to write; the module's own backup format by default.</summary>
    [Parameter]
    public ExportFormat Format { get; set; } = ExportFormat.Midea;

    /// <summary>Also write each unit's token and key, as plain hex text.</summary>
    [Parameter]
    public SwitchParameter IncludeSecrets { get; set; }

    /// <summary>Do not replace an existing file.</summary>
    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Write the FileInfo of each file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        string target = Path;
        var written = new List<string>();
        try
        {
            target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out ProviderInfo provider, out _);
            if (provider.Name != "FileSystem") throw new ArgumentException($"'{Path}' is not a file system path.");
            bool folder = Exporter.WritesFolder(Format);
            IReadOnlyList<StoredDevice> devices;
            if (folder)
            {
                if (File.Exists(target)) throw new ArgumentException($"'{target}' is a file; -Format {Format} writes one file per unit into a folder: give a folder.");
                if (!Directory.Exists(target)) throw new DirectoryNotFoundException($"The folder '{target}' does not exist.");
                devices = DeviceStore.Load(WriteVerbose);
                List<string> files = Exporter.FileNames(Format, devices).Select(name => IOPath.Combine(target, name)).ToList();
                foreach (string file in files) RefuseStore(file);
                if (RefuseExisting(files)) return;
            }
            else
            {
                RefuseStore(target);
                string? directory = IOPath.GetDirectoryName(target);
                if (directory is null || !Directory.Exists(directory)) throw new DirectoryNotFoundException($"The folder of '{target}' does not exist.");
                if (Directory.Exists(target)) throw new ArgumentException($"'{target}' is a folder; give a file name.");
                if (RefuseExisting(new[] { target })) return;
                devices = DeviceStore.Load(WriteVerbose);
            }

            string secrets = IncludeSecrets.IsPresent ? "with tokens and keys as plain hex" : "without tokens and keys";
            string layout = folder ? $"in the {Format} format (one file per unit)" : $"in the {Format} format";
            if (!ShouldProcess(target, $"Export {devices.Count} device(s) {layout} {secrets}")) return;
            WriteVerbose($"Writing {devices.Count} device(s) to '{target}' {layout}, {secrets}.");

            ExportOutput output = Exporter.Render(Format, devices, IncludeSecrets.IsPresent);
            try
            {
                foreach (ExportFile file in output.Files)
                {
                    string path = file.Name is null ? target : IOPath.Combine(target, file.Name);
                    AtomicFile.Write(path, file.Content, userOnly: IncludeSecrets.IsPresent);
                    written.Add(path);
                }
            }
            finally
            {
                output.Clear();
            }
            foreach (string note in output.Notes) WriteVerbose(note);
            foreach (string warning in output.Warnings) WriteWarning(warning);
            if (IncludeSecrets.IsPresent && !folder)
                WriteWarning($"'{target}' holds the tokens and keys as plain hex text; keep it as safe as a password, and delete it when it is no longer needed.");
            else if (IncludeSecrets.IsPresent && written.Count > 0)
                WriteWarning($"The {written.Count} file(s) written to '{target}' hold the tokens and keys as plain hex text; keep them as safe as a password, and delete them when they are no longer needed.");
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            ThrowTerminatingError(StoreErrors.Record(ex, target));
            return;
        }
        if (PassThru.IsPresent)
        {
            foreach (string path in written) WriteObject(new FileInfo(path));
        }
    }

    // An export must never replace the store it reads: that would lose the DPAPI-encrypted secrets.
    private static void RefuseStore(string file)
    {
        StringComparison comparison = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(IOPath.GetFullPath(file), DeviceStore.Path, comparison))
            throw new ArgumentException($"'{file}' is the device store itself; export to another file.");
    }

    // -NoClobber: refuse before any file is written, so a folder export is never half done by it.
    private bool RefuseExisting(IReadOnlyList<string> files)
    {
        if (!NoClobber.IsPresent) return false;
        string? existing = files.FirstOrDefault(File.Exists);
        if (existing is null) return false;
        ThrowTerminatingError(new ErrorRecord(new IOException($"'{existing}' exists and -NoClobber was given."), "FileExists", ErrorCategory.ResourceExists, existing));
        return true;
    }
}
