using System;
using System.IO;

namespace Midea.PowerShell.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("midea-tests-").FullName;

    /// <summary>Full path of the folder.</summary>
    public string Path { get; }

    /// <summary>Full path of <paramref name="name"/> inside the folder (not created).</summary>
    public string Combine(params string[] name) => System.IO.Path.Combine(Path, System.IO.Path.Combine(name));

    /// <summary>Names of the files in the folder (not in subfolders), sorted.</summary>
    public string[] FileNames()
    {
        string[] names = Array.ConvertAll(Directory.GetFiles(Path), f => System.IO.Path.GetFileName(f)!);
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
