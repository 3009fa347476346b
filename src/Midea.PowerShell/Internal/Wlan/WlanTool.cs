using System;
using System.IO;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;

namespace Midea.PowerShell.Internal.Wlan;

/// <summary>Runs the operating system's Wi-Fi tool and returns its output.</summary>
internal static class WlanTool
{
    private static readonly char[] Special = { ' ', '\t', '"', '\\' };

    /// <summary>ENOENT on Unix and ERROR_FILE_NOT_FOUND on Windows: the program is not there.</summary>
    private const int FileNotFound = 2;

    /// <exception cref="WlanToolMissingException">The tool is not installed.</exception>
    /// <exception cref="WlanException">The tool failed, or ran past the timeout.</exception>
    public static string Run(string file, TimeSpan timeout, CancellationToken cancel, params string[] args)
    {
        var start = new ProcessStartInfo(file, string.Join(" ", args.Select(Quote)))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new WlanException($"'{file}' did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex) when (ex.NativeErrorCode == FileNotFound)
        {
            throw new WlanToolMissingException(file, ex);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new WlanException($"'{file}' could not be started: {ex.Message}", ex);
        }
        using (process)
        {
            var output = new StringBuilder();
            var errors = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (errors) errors.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var limit = Stopwatch.StartNew();
            while (!process.WaitForExit(100))
            {
                if (cancel.IsCancellationRequested || limit.Elapsed > timeout)
                {
                    try { process.Kill(); } catch (InvalidOperationException) { /* already gone */ }
                    cancel.ThrowIfCancellationRequested();
                    throw new WlanException($"'{file} {args.FirstOrDefault()}' did not finish within {timeout.TotalSeconds:0} s.");
                }
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new WlanException($"'{file} {args.FirstOrDefault()}' failed (exit code {process.ExitCode}): {errors.ToString().Trim()} {output.ToString().Trim()}".Trim());
            return output.ToString();
        }
    }

    /// <summary>
    /// Writes a temporary file the Wi-Fi tool reads a password from, readable by this user only
    /// (0600 before the content goes in, on Linux and macOS), and returns its path. A failure to
    /// write it is the Wi-Fi step's failure (<see cref="WlanException"/>), not the device store's.
    /// </summary>
    /// <exception cref="WlanException">The file could not be written.</exception>
    public static string WritePrivateFile(string content, string extension = "")
    {
        string path = Path.Combine(Path.GetTempPath(), $"midea-{Guid.NewGuid():n}{extension}");
        try
        {
            using (new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
            }
            Store.UnixPermissions.Set(path, Store.UnixPermissions.UserReadWrite);
            File.WriteAllText(path, content);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DeleteQuietly(path);
            throw new WlanException($"Cannot write the temporary file the Wi-Fi tool reads the password from: {ex.Message}", ex);
        }
    }

    /// <summary>Deletes a file written by <see cref="WritePrivateFile"/>; a file already gone is fine.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left in the temp folder, readable by this user only; nothing better can be done here.
        }
    }

    /// <summary>Quotes one argument the way the .NET and Windows command-line parsers split it.</summary>
    internal static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(Special) < 0) return argument;
        var quoted = new StringBuilder("\"");
        int backslashes = 0;
        foreach (char c in argument)
        {
            if (c == '\\') { backslashes++; continue; }
            quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
            backslashes = 0;
        }
        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }

    /// <summary>Polls until <paramref name="connected"/> says so or the timeout passes.</summary>
    public static void WaitUntil(Func<bool> connected, string what, TimeSpan timeout, CancellationToken cancel)
    {
        var limit = Stopwatch.StartNew();
        while (!connected())
        {
            if (limit.Elapsed > timeout) throw new WlanException($"Not connected to {what} after {timeout.TotalSeconds:0} s.");
            cancel.WaitHandle.WaitOne(500);
            cancel.ThrowIfCancellationRequested();
        }
    }
}
