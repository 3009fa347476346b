using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using IOPath = System.IO.Path;

namespace Midea.PowerShell.Internal.Store;

/// <summary>
/// Whole-file writes that never leave a half-written file: the content goes to a temp file in
/// the same directory, is flushed to disk, and then replaces the target in one rename. A failed
/// write (full disk, no permission) removes its temp file and leaves the old file as it was; a
/// crash at worst leaves a stray ".&lt;name&gt;.&lt;guid&gt;.tmp" file beside it, which is never read.
/// </summary>
internal static class AtomicFile
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    /// <summary>Reads a whole file, letting a concurrent writer replace it meanwhile.</summary>
    public static byte[] Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var content = new byte[stream.Length];
        int read = 0;
        while (read < content.Length)
        {
            int n = stream.Read(content, read, content.Length - read);
            if (n == 0) break;
            read += n;
        }
        if (read == content.Length) return content;
        byte[] shorter = new byte[read];
        Buffer.BlockCopy(content, 0, shorter, 0, read);
        Array.Clear(content, 0, content.Length);
        return shorter;
    }

    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="content"/> atomically.</summary>
    /// <param name="path">Full path of the target; its directory must exist.</param>
    /// <param name="content">The new content.</param>
    /// <param name="userOnly">On Linux and macOS, make the file mode 0600 before any byte is written.</param>
    /// <exception cref="IOException">The write failed; the target is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission; the target is unchanged.</exception>
    public static void Write(string path, byte[] content, bool userOnly)
    {
        string directory = IOPath.GetDirectoryName(path)!;
        string temp = IOPath.Combine(directory, $".{IOPath.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                if (userOnly) UnixPermissions.Set(temp, UnixPermissions.UserReadWrite);
                stream.Write(content, 0, content.Length);
                stream.Flush(flushToDisk: true);
            }
            if (File.Exists(path))
            {
                // rename(2) on Unix; ReplaceFile on Windows, which keeps the target's ACL.
                File.Replace(temp, path, null);
            }
            else
            {
                File.Move(temp, path);
            }
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Creates <paramref name="directory"/> and any missing parents; on Unix the ones it creates get mode 0700.</summary>
    /// <returns>The directories that were created, outermost first.</returns>
    public static IReadOnlyList<string> CreateDirectory(string directory)
    {
        var missing = new List<string>();
        for (string? d = directory; d != null && !Directory.Exists(d); d = IOPath.GetDirectoryName(d)) missing.Insert(0, d);
        if (missing.Count == 0) return missing;
        Directory.CreateDirectory(directory);
        foreach (string created in missing) UnixPermissions.Set(created, UnixPermissions.UserOnlyDirectory);
        return missing;
    }

    /// <summary>
    /// Takes the exclusive lock that serializes read-modify-write cycles of <paramref name="path"/>
    /// across processes: "&lt;path&gt;.lock" opened with FileShare.None (flock on Unix). The lock file
    /// stays (empty) after release: deleting it would let two writers lock different files.
    /// </summary>
    /// <exception cref="IOException">Another process held the lock for 10 s.</exception>
    public static IDisposable Lock(string path)
    {
        string lockPath = path + ".lock";
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException && clock.Elapsed < LockWait)
            {
                Thread.Sleep(50);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                throw new IOException($"'{path}' is locked by another process (lock file '{lockPath}' held for {LockWait.TotalSeconds:0} s).", ex);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray temp file is harmless and never read.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
