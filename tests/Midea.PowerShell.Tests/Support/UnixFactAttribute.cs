using System;

namespace Midea.PowerShell.Tests;

/// <summary>A fact about Linux and macOS (file modes, shell scripts standing in for tools); skipped on Windows.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Linux and macOS only.";
    }
}
