using System;
using System.IO;
using System.Management.Automation;

namespace Midea.PowerShell.Internal.Store;

/// <summary>ErrorIds for the device store cmdlets, on top of <see cref="MideaCmdlet.Classify"/>.</summary>
internal static class StoreErrors
{
    /// <summary>The ErrorRecord for a store failure. <paramref name="target"/> is an id or a path, never a device row.</summary>
    public static ErrorRecord Record(Exception exception, object? target) => exception switch
    {
        StoreCorruptException { IsStore: true } e => new ErrorRecord(e, "StoreCorrupt", ErrorCategory.InvalidData, e.FilePath),
        StoreCorruptException e => new ErrorRecord(e, "InvalidDeviceFile", ErrorCategory.InvalidData, e.FilePath),
        Import.ImportFormatException e => new ErrorRecord(e, "InvalidDeviceFile", ErrorCategory.InvalidData, e.FilePath),
        FileNotFoundException e => new ErrorRecord(e, "FileNotFound", ErrorCategory.ObjectNotFound, target),
        UnauthorizedAccessException e => new ErrorRecord(e, "StoreAccessDenied", ErrorCategory.PermissionDenied, target),
        IOException e => new ErrorRecord(e, "StoreIOFailed", ErrorCategory.ResourceUnavailable, target),
        System.ComponentModel.Win32Exception e => new ErrorRecord(
            new InvalidOperationException($"Windows DPAPI could not encrypt the token and key: {e.Message}", e), "StoreEncryptionFailed", ErrorCategory.SecurityError, target),
        InvalidOperationException e => new ErrorRecord(e, "StoreUnavailable", ErrorCategory.ResourceUnavailable, target),
        _ => ClassifiedRecord(exception, target),
    };

    /// <summary>True for the failures the store cmdlets turn into ErrorRecords (the rest are bugs and propagate).</summary>
    /// <remarks>PowerShell's own exceptions (IContainsErrorRecord: a refused -Confirm prompt, a stopped pipeline) always propagate.</remarks>
    public static bool IsStoreFailure(Exception exception) => exception is not IContainsErrorRecord
        && exception is StoreCorruptException or Import.ImportFormatException or IOException or UnauthorizedAccessException or InvalidOperationException
            or ArgumentException or System.ComponentModel.Win32Exception or NotSupportedException or System.Security.SecurityException;

    /// <summary>A device id the store does not hold.</summary>
    public static ErrorRecord NotFound(long id, string storePath) => new(
        new ItemNotFoundException($"No device with id {id} is saved in the device store '{storePath}'."),
        "DeviceNotFound", ErrorCategory.ObjectNotFound, id);

    private static ErrorRecord ClassifiedRecord(Exception exception, object? target)
    {
        (string id, ErrorCategory category) = MideaCmdlet.Classify(exception);
        return new ErrorRecord(exception, id, category, target);
    }
}
