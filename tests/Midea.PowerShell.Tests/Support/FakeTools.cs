using System;
using System.Collections.Generic;
using System.IO;

namespace Midea.PowerShell.Tests;

/// <summary>
/// The tests that start processes change PATH, which is the whole process's: they run alone,
/// never beside another test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessesAndPath
{
    public const string Name = "Processes and PATH";
}

/// <summary>
/// Shell scripts that stand in for the operating system's Wi-Fi tools (nmcli, netsh,
/// networksetup): put first on PATH for the life of this object, so the module's own code finds
/// them by name. Each script records its arguments, one call after another, then runs the body
/// the test gave it. Linux and macOS only; nothing leaves the computer.
/// </summary>
internal sealed class FakeTools : IDisposable
{
    private const string EndOfCall = "<end of call>";
    private readonly TempFolder _folder = new();
    private readonly string? _path = Environment.GetEnvironmentVariable("PATH");

    public FakeTools() => Environment.SetEnvironmentVariable("PATH", _folder.Path + Path.PathSeparator + _path);

    /// <summary>The folder of the scripts; a body finds it as <c>$dir</c>.</summary>
    public string Folder => _folder.Path;

    /// <summary>Writes the executable script <paramref name="name"/> with <paramref name="body"/> (sh).</summary>
    public void Add(string name, string body)
    {
        string script = "#!/bin/sh\n"
            + "dir=\"$(dirname \"$0\")\"\n"
            + $"for a in \"$@\"; do printf '%s\\n' \"$a\"; done >> \"$dir/{name}.calls\"\n"
            + $"printf '%s\\n' '{EndOfCall}' >> \"$dir/{name}.calls\"\n"
            + body + "\n";
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The fake tools are sh scripts.");
        string file = _folder.Combine(name);
        File.WriteAllText(file, script);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The calls made to <paramref name="name"/> so far, each as its list of arguments.</summary>
    public List<string[]> Calls(string name)
    {
        var calls = new List<string[]>();
        string log = _folder.Combine(name + ".calls");
        if (!File.Exists(log)) return calls;
        var current = new List<string>();
        foreach (string line in File.ReadAllLines(log))
        {
            if (line == EndOfCall)
            {
                calls.Add(current.ToArray());
                current.Clear();
            }
            else
            {
                current.Add(line);
            }
        }
        return calls;
    }

    /// <summary>The text of a file a script left in <see cref="Folder"/>.</summary>
    public string Read(string name) => File.ReadAllText(_folder.Combine(name));

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PATH", _path);
        _folder.Dispose();
    }
}
