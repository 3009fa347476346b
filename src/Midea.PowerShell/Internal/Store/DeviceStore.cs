using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using IOPath = System.IO.Path;

namespace Midea.PowerShell.Internal.Store;

/// <summary>
/// The per-user store of known units and their V3 credentials (Save-, Get-, Remove-, Export- and
/// Import-MideaDevice), one XML file (<see cref="StoreFormat"/>):
/// <list type="bullet">
/// <item>the file named by the environment variable MIDEA_STORE_PATH when it is set (tests use it);</item>
/// <item>otherwise, on Windows, %LOCALAPPDATA%\Midea\devices.xml, with the token and key encrypted
/// by DPAPI for the current user;</item>
/// <item>otherwise $XDG_CONFIG_HOME/midea/devices.xml, or ~/.config/midea/devices.xml.</item>
/// </list>
/// <para>
/// Limitation on Linux and macOS: the token and key are stored as plain hex, protected only by
/// the file permissions. The file is created with mode 0600, and directories the store creates
/// with 0700 (chmod from libc); anyone with root or the user's own rights can read them.
/// </para>
/// <para>
/// Writes are atomic (temp file in the same directory, flushed, then renamed over the store) and
/// read-modify-write cycles are serialized across processes by a lock file next to the store.
/// A store that cannot be read raises <see cref="StoreCorruptException"/> and is never replaced.
/// </para>
/// </summary>
internal static class DeviceStore
{
    /// <summary>The environment variable that overrides the store location.</summary>
    public const string PathVariable = "MIDEA_STORE_PATH";

    /// <summary>Full path of the store file (evaluated on every call, so MIDEA_STORE_PATH may change).</summary>
    /// <exception cref="InvalidOperationException">No home directory and no MIDEA_STORE_PATH.</exception>
    public static string Path
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrWhiteSpace(configured)) return IOPath.GetFullPath(configured!.Trim());
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                if (local.Length == 0) throw new InvalidOperationException($"There is no local application data folder; set {PathVariable} to the file the device store should use.");
                return IOPath.Combine(local, "Midea", "devices.xml");
            }
            // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
            string? config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            if (string.IsNullOrEmpty(config) || !IOPath.IsPathRooted(config))
            {
                string? home = Environment.GetEnvironmentVariable("HOME");
                if (string.IsNullOrEmpty(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                if (string.IsNullOrEmpty(home)) throw new InvalidOperationException($"There is no home directory; set {PathVariable} to the file the device store should use.");
                config = IOPath.Combine(home, ".config");
            }
            return IOPath.Combine(config, "midea", "devices.xml");
        }
    }

    /// <summary>All stored devices, in store order; empty when there is no store file.</summary>
    /// <exception cref="StoreCorruptException">The store cannot be read.</exception>
    /// <exception cref="IOException">The file exists but cannot be opened.</exception>
    public static IReadOnlyList<StoredDevice> Load() => Load(null);

    /// <inheritdoc cref="Load()"/>
    /// <param name="log">Receives a line naming the file that is read (for WriteVerbose); never a secret.</param>
    public static IReadOnlyList<StoredDevice> Load(Action<string>? log) => LoadFrom(Path, log);

    /// <summary>The stored device with <paramref name="id"/>, or null (also when there is no store file).</summary>
    /// <exception cref="StoreCorruptException">The store cannot be read.</exception>
    public static StoredDevice? Find(long id) => Find(id, null);

    /// <inheritdoc cref="Find(long)"/>
    /// <param name="id">Device id.</param>
    /// <param name="log">Receives a line naming the file that is read; never a secret.</param>
    public static StoredDevice? Find(long id, Action<string>? log) => Load(log).FirstOrDefault(d => d.Id == id);

    /// <summary>
    /// Replaces the whole store with <paramref name="devices"/> (atomically; the directory is created
    /// when missing). Refuses to replace a store that cannot be read.
    /// </summary>
    /// <exception cref="StoreCorruptException">The existing store is corrupt; it is left as it is.</exception>
    /// <exception cref="ArgumentException">Two entries share an id, or an entry is invalid.</exception>
    /// <exception cref="IOException">The write failed; the old store is unchanged.</exception>
    public static void Save(IReadOnlyList<StoredDevice> devices) => Save(devices, null);

    /// <inheritdoc cref="Save(IReadOnlyList{StoredDevice})"/>
    /// <param name="devices">The complete new content of the store.</param>
    /// <param name="log">Receives lines naming the files read and written; never a secret.</param>
    public static void Save(IReadOnlyList<StoredDevice> devices, Action<string>? log)
    {
        if (devices is null) throw new ArgumentNullException(nameof(devices));
        Validate(devices);
        string path = Path;
        AtomicFile.CreateDirectory(IOPath.GetDirectoryName(path)!);
        using (AtomicFile.Lock(path))
        {
            _ = LoadFrom(path, log); // throws on a corrupt store, which must not be overwritten
            Write(path, devices, log);
        }
    }

    /// <summary>
    /// One read-modify-write cycle under the store lock: <paramref name="change"/> gets the current
    /// entries, edits the list, and returns true to write it back.
    /// </summary>
    /// <returns>True when the store was written.</returns>
    /// <exception cref="StoreCorruptException">The store is corrupt; <paramref name="change"/> is not called.</exception>
    public static bool Update(Func<List<StoredDevice>, bool> change, Action<string>? log)
    {
        if (change is null) throw new ArgumentNullException(nameof(change));
        string path = Path;
        string directory = IOPath.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            // Nothing stored yet: create the directory (and lock) only if there is something to write.
            log?.Invoke($"No device store at '{path}' yet.");
            var fresh = new List<StoredDevice>();
            if (!change(fresh)) return false;
            Validate(fresh);
            AtomicFile.CreateDirectory(directory);
            using (AtomicFile.Lock(path))
            {
                if (File.Exists(path)) throw new IOException($"The device store '{path}' was created by another process meanwhile; run the command again.");
                Write(path, fresh, log);
            }
            return true;
        }
        using (AtomicFile.Lock(path))
        {
            var devices = LoadFrom(path, log).ToList();
            if (!change(devices)) return false;
            Validate(devices);
            Write(path, devices, log);
            return true;
        }
    }

    /// <summary>Reads <paramref name="path"/> as a device file; empty when it does not exist.</summary>
    /// <exception cref="StoreCorruptException">The file cannot be read.</exception>
    internal static List<StoredDevice> LoadFrom(string path, Action<string>? log, bool isStore = true)
    {
        if (!File.Exists(path))
        {
            if (!isStore) throw new FileNotFoundException($"Cannot find '{path}'.", path);
            log?.Invoke($"No device store at '{path}': no devices saved yet.");
            return new List<StoredDevice>();
        }
        log?.Invoke(isStore ? $"Reading the device store '{path}'." : $"Reading '{path}'.");
        byte[] content = AtomicFile.Read(path);
        try
        {
            return StoreFormat.Parse(content, path, isStore);
        }
        finally
        {
            Array.Clear(content, 0, content.Length);
        }
    }

    /// <summary>Writes a device file atomically (the export path uses it too).</summary>
    internal static void WriteFile(string path, IEnumerable<StoredDevice> devices, SecretEncoding secrets, bool userOnly)
    {
        byte[] content = StoreFormat.Serialize(devices, secrets);
        try
        {
            AtomicFile.Write(path, content, userOnly);
        }
        finally
        {
            Array.Clear(content, 0, content.Length);
        }
    }

    private static void Write(string path, IReadOnlyList<StoredDevice> devices, Action<string>? log)
    {
        log?.Invoke($"Writing {devices.Count} device(s) to the device store '{path}'.");
        WriteFile(path, devices, StoreFormat.StoreEncoding, userOnly: true);
    }

    private static void Validate(IReadOnlyList<StoredDevice> devices)
    {
        var ids = new HashSet<long>();
        foreach (StoredDevice d in devices)
        {
            if (d is null) throw new ArgumentException("The device list contains null.", nameof(devices));
            if (!ids.Add(d.Id)) throw new ArgumentException($"Device id {d.Id} appears more than once.", nameof(devices));
            if (d.Id < 1 || d.Id > 0xFFFFFFFFFFFFL) throw new ArgumentException($"Device id {d.Id} is outside 1 to 281474976710655.", nameof(devices));
            if (string.IsNullOrWhiteSpace(d.Address)) throw new ArgumentException($"Device id {d.Id} has no address.", nameof(devices));
            if (d.Port is < 1 or > 65535) throw new ArgumentException($"Device id {d.Id}: port {d.Port} is outside 1 to 65535.", nameof(devices));
            if (d.ProtocolVersion is not (2 or 3)) throw new ArgumentException($"Device id {d.Id}: protocol version {d.ProtocolVersion} is not 2 or 3.", nameof(devices));
            if (d.Token is { Length: not Midea.Protocol.Codec.Handshake.TokenSize }) throw new ArgumentException($"Device id {d.Id}: the token is not {Midea.Protocol.Codec.Handshake.TokenSize} bytes.", nameof(devices));
            if (d.Key is { Length: not Midea.Protocol.Codec.Handshake.KeySize }) throw new ArgumentException($"Device id {d.Id}: the key is not {Midea.Protocol.Codec.Handshake.KeySize} bytes.", nameof(devices));
        }
    }
}
