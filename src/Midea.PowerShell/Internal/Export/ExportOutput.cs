using System;
using System.Collections.Generic;

namespace Midea.PowerShell.Internal.Export;

/// <summary>One file an export writes. <see cref="Content"/> may hold secrets: clear it after writing.</summary>
internal sealed class ExportFile
{
    /// <summary>A file of its own under the target folder ("&lt;id&gt;.json"), or null for the target file itself.</summary>
    /// <param name="name">File name inside the target folder, or null.</param>
    /// <param name="content">The whole content, UTF-8.</param>
    public ExportFile(string? name, byte[] content)
    {
        Name = name;
        Content = content ?? throw new ArgumentNullException(nameof(content));
    }

    /// <summary>File name inside the target folder, or null when the export is one file.</summary>
    public string? Name { get; }

    /// <summary>The content; may hold tokens and keys as hex text.</summary>
    public byte[] Content { get; }
}

/// <summary>What an export writes, and what the user must be told about units the other tool cannot use as exported.</summary>
internal sealed class ExportOutput
{
    /// <summary>The files, in the order they are written.</summary>
    public List<ExportFile> Files { get; } = new();

    /// <summary>Warnings; each names a unit by <see cref="Store.StoredDevice.Describe"/> and never holds a secret.</summary>
    public List<string> Warnings { get; } = new();

    /// <summary>Verbose lines; never a secret.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>Zeroes every file's content (called once the files are written, or when writing failed).</summary>
    public void Clear()
    {
        foreach (ExportFile file in Files) Array.Clear(file.Content, 0, file.Content.Length);
    }
}
