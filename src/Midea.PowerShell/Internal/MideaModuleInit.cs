using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Loads the private assemblies in dependencies/ into a load context of their own, so another
/// module's BouncyCastle cannot replace ours. Every dll is loaded eagerly: a context that loads
/// only the bridge cannot find BouncyCastle later. On Windows PowerShell, which has no load
/// contexts, the bridges are loaded with LoadFrom, whose context finds their dependencies in the
/// same folder.
/// </summary>
public sealed class MideaModuleInit : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string Dependencies = Path.Combine(
        Path.GetDirectoryName(typeof(MideaModuleInit).Assembly.Location)!, "dependencies");
    private static readonly Dictionary<string, Assembly> Loaded = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Called by PowerShell on Import-Module.</summary>
    public void OnImport()
    {
        lock (Loaded)
        {
            Type? contextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
            if (contextType != null && Loaded.Count == 0 && Directory.Exists(Dependencies))
            {
                object context = Activator.CreateInstance(contextType, "Midea", false)!;
                MethodInfo load = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
                foreach (string dll in Directory.GetFiles(Dependencies, "*.dll"))
                {
                    // System.* are netstandard shims for Windows PowerShell; PowerShell 7's own
                    // framework copies must win, or Span types would differ across contexts.
                    if (Path.GetFileName(dll).StartsWith("System.", StringComparison.OrdinalIgnoreCase)) continue;
                    var assembly = (Assembly)load.Invoke(context, new object[] { dll })!;
                    Loaded[assembly.GetName().Name!] = assembly;
                }
            }
        }
        AppDomain.CurrentDomain.AssemblyResolve += OnResolve;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>
    /// Called by PowerShell on Remove-Module: closes the sessions kept with units, and stops
    /// simulators so their ports are free for a re-import.
    /// </summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        SessionPool.Shared.CloseAll();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        SimulatorRegistry.StopAll();
        AppDomain.CurrentDomain.AssemblyResolve -= OnResolve;
    }

    // Closes the kept connections cleanly (the unit sees a FIN, not a connection that just went silent).
    private static void OnProcessExit(object? sender, EventArgs e) => SessionPool.Shared.CloseAll();

    private static Assembly? OnResolve(object? sender, ResolveEventArgs args)
    {
        string? name = new AssemblyName(args.Name).Name;
        // Only our bridges; BouncyCastle is reached from inside the context.
        if (name is null || !name.StartsWith("Midea.", StringComparison.Ordinal)) return null;
        lock (Loaded)
        {
            if (Loaded.TryGetValue(name, out Assembly? assembly)) return assembly;
        }
        string path = Path.Combine(Dependencies, name + ".dll");
        // Windows PowerShell has no load contexts: fall back to the shared one.
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
