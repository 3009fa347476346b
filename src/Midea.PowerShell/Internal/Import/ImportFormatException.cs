using System;
using Midea.Protocol;

namespace Midea.PowerShell.Internal.Import;

/// <summary>
/// A file given to Import-MideaDevice cannot be read in the format asked for (or, with
/// <see cref="ImportFormat.Auto"/>, in any format): not valid JSON, a required key missing, a bad id,
/// a token or key that is not hex of the right length. The whole file is refused: nothing of it is
/// imported. The message names the file, the entry (title, id, row or line) and the problem, and
/// never contains a token, key, password or any other secret: values are described, never quoted
/// (docs/import-formats.md §1.5).
/// </summary>
internal sealed class ImportFormatException : MideaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">Full path of the file.</param>
    /// <param name="format">The format the file was read as; <see cref="ImportFormat.Auto"/> when none was recognised.</param>
    /// <param name="entry">Which entry is wrong ("entry "midea_ac 1234" (01J…)", "row 3 (line 4)"), or null for the file as a whole.</param>
    /// <param name="problem">What is wrong, without any value that could be a secret.</param>
    /// <param name="inner">The cause, only when its own message holds no file content.</param>
    public ImportFormatException(string filePath, ImportFormat format, string? entry, string problem, Exception? inner = null)
        : base(Compose(filePath, format, entry, problem), inner)
    {
        FilePath = filePath;
        Format = format;
        Entry = entry;
        Problem = problem;
    }

    /// <summary>Full path of the file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>The format the file was read as; <see cref="ImportFormat.Auto"/> when none was recognised.</summary>
    public ImportFormat Format { get; }

    /// <summary>The entry that is wrong, or null when the file as a whole is.</summary>
    public string? Entry { get; }

    /// <summary>What is wrong, for example "the token has 126 hex digits, not 128".</summary>
    public string Problem { get; }

    private static string Compose(string filePath, ImportFormat format, string? entry, string problem)
    {
        string where = entry is null ? "" : entry + ": ";
        return format == ImportFormat.Auto
            ? $"'{filePath}' cannot be imported: {where}{problem}."
            : $"'{filePath}' cannot be imported as {ImportReader.Describe(format)}: {where}{problem}. Nothing was imported from it.";
    }
}
