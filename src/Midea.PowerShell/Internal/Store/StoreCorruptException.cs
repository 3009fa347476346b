using System;
using Midea.Protocol;

namespace Midea.PowerShell.Internal.Store;

/// <summary>
/// The device store (or a backup file given to Import-MideaDevice) cannot be read: not XML, the
/// wrong root element, an unknown format version, a bad value, or a secret this user cannot
/// decrypt. The file is never replaced while it is in this state. The message names the file
/// and the defect, never a secret. Cmdlets report it with ErrorId StoreCorrupt.
/// </summary>
internal sealed class StoreCorruptException : MideaException
{
    /// <summary>Creates the exception for the device store (<paramref name="isStore"/>) or for another file.</summary>
    public StoreCorruptException(string filePath, string problem, bool isStore = true, Exception? inner = null)
        : base(isStore
            ? $"The device store '{filePath}' is corrupt: {problem}. It was left unchanged; repair it, move it away, or point MIDEA_STORE_PATH at another file."
            : $"'{filePath}' is not a valid Midea device file: {problem}.", inner)
    {
        FilePath = filePath;
        Problem = problem;
        IsStore = isStore;
    }

    /// <summary>Full path of the file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong, for example "the root element is 'foo', not 'MideaDevices'".</summary>
    public string Problem { get; }

    /// <summary>True when the file is the device store, false for an import file.</summary>
    public bool IsStore { get; }
}
