using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Tests;

/// <summary>
/// The per-user device store in a temp folder (MIDEA_STORE_PATH): a corrupt store is refused and
/// never replaced, nothing is created before there is something to save. These tests set
/// environment variables that only the store reads, and restore them; one class, so one at a time.
/// </summary>
public sealed class DeviceStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string? _storePath = Environment.GetEnvironmentVariable(DeviceStore.PathVariable);
    private readonly string? _xdgConfig = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
    private readonly string _path;

    public DeviceStoreTests()
    {
        _path = _folder.Combine("config", "midea", "devices.xml");
        Environment.SetEnvironmentVariable(DeviceStore.PathVariable, _path);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(DeviceStore.PathVariable, _storePath);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", _xdgConfig);
        _folder.Dispose();
    }

    private static readonly byte[] Token = Enumerable.Range(0, 64).Select(i => (byte)(0x31 + i)).ToArray();
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(0xC3 - i)).ToArray();

    private static StoredDevice Unit(long id, string address = "127.0.0.3") => new()
    {
        Id = id,
        Address = address,
        Name = $"net_ac_{id:X4}",
        ProtocolVersion = 3,
        Token = (byte[])Token.Clone(),
        Key = (byte[])Key.Clone(),
        SavedUtc = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc),
    };

    [Fact]
    public void MIDEA_STORE_PATH_names_the_store_as_a_full_path()
    {
        Assert.Equal(_path, DeviceStore.Path);
        Environment.SetEnvironmentVariable(DeviceStore.PathVariable, "  relative/devices.xml ");
        Assert.Equal(Path.GetFullPath("relative/devices.xml"), DeviceStore.Path);
    }

    [UnixFact]
    public void Without_MIDEA_STORE_PATH_the_store_is_under_an_absolute_XDG_CONFIG_HOME()
    {
        Environment.SetEnvironmentVariable(DeviceStore.PathVariable, null);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", _folder.Path);
        Assert.Equal(_folder.Combine("midea", "devices.xml"), DeviceStore.Path);
        // A relative XDG_CONFIG_HOME is invalid: the home folder's .config takes its place.
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", "relative");
        Assert.EndsWith(Path.Combine(".config", "midea", "devices.xml"), DeviceStore.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("relative", DeviceStore.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void No_store_yet_is_an_empty_list_and_creates_nothing()
    {
        var log = new List<string>();
        Assert.Empty(DeviceStore.Load(log.Add));
        Assert.Null(DeviceStore.Find(1));
        Assert.Equal($"No device store at '{_path}': no devices saved yet.", Assert.Single(log));
        Assert.False(Directory.Exists(_folder.Combine("config")));
    }

    [Fact]
    public void An_update_that_changes_nothing_creates_no_folder()
    {
        bool called = false;
        Assert.False(DeviceStore.Update(devices =>
        {
            called = true;
            Assert.Empty(devices);
            return false;
        }, null));
        Assert.True(called);
        Assert.False(Directory.Exists(_folder.Combine("config")));
    }

    [Fact]
    public void Saved_devices_read_back_and_the_log_names_the_file_but_no_secret()
    {
        var log = new List<string>();
        Assert.True(DeviceStore.Update(devices =>
        {
            devices.Add(Unit(7));
            devices.Add(Unit(9, "127.0.0.9"));
            return true;
        }, log.Add));
        Assert.True(DeviceStore.Update(devices => devices.RemoveAll(d => d.Id == 7) > 0, log.Add));

        StoredDevice read = Assert.Single(DeviceStore.Load());
        Assert.Equal(9, read.Id);
        Assert.Equal("127.0.0.9", read.Address);
        Assert.Equal(Token, read.Token);
        Assert.Equal(Key, read.Key);
        Assert.Equal(9, DeviceStore.Find(9)!.Id);
        Assert.Null(DeviceStore.Find(7));

        Assert.Contains($"Writing 2 device(s) to the device store '{_path}'.", log);
        Assert.Contains($"Writing 1 device(s) to the device store '{_path}'.", log);
        string tokenHex = Convert.ToHexStringLower(Token);
        Assert.All(log, line => Assert.DoesNotContain(tokenHex.Substring(0, 16), line, StringComparison.OrdinalIgnoreCase));
        // The store, and the lock file that serializes writers; no temp file.
        Assert.Equal(new[] { "devices.xml", "devices.xml.lock" }, Directory.GetFiles(Path.GetDirectoryName(_path)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void The_store_is_mode_0600_in_folders_of_mode_0700()
    {
        DeviceStore.Save(new[] { Unit(1) });
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_path));
        const UnixFileMode UserOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(UserOnly, File.GetUnixFileMode(_folder.Combine("config")));
        Assert.Equal(UserOnly, File.GetUnixFileMode(_folder.Combine("config", "midea")));
    }

    [Fact]
    public void A_corrupt_store_is_refused_by_every_write_and_left_byte_for_byte_as_it_was()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        byte[] damaged = "<MideaDevices formatVersion=\"1\"><Device id=\"1\""u8.ToArray();
        File.WriteAllBytes(_path, damaged);

        var load = Assert.Throws<StoreCorruptException>(() => DeviceStore.Load());
        Assert.True(load.IsStore);
        Assert.Equal(_path, load.FilePath);
        Assert.Throws<StoreCorruptException>(() => DeviceStore.Save(new[] { Unit(2) }));
        bool called = false;
        Assert.Throws<StoreCorruptException>(() => DeviceStore.Update(_ =>
        {
            called = true;
            return true;
        }, null));

        Assert.False(called);
        Assert.Equal(damaged, File.ReadAllBytes(_path));
    }

    private static StoredDevice[] InvalidList(string defect)
    {
        StoredDevice unit = Unit(3);
        switch (defect)
        {
            case "duplicate id": return new[] { Unit(5), Unit(5, "127.0.0.6") };
            case "id 0": unit.Id = 0; break;
            case "no address": unit.Address = " "; break;
            case "port 0": unit.Port = 0; break;
            case "version 1": unit.ProtocolVersion = 1; break;
            case "short token": unit.Token = new byte[63]; break;
            case "long key": unit.Key = new byte[33]; break;
            default: throw new ArgumentException(defect, nameof(defect));
        }
        return new[] { unit };
    }

    [Theory]
    [InlineData("duplicate id", "Device id 5 appears more than once.")]
    [InlineData("id 0", "Device id 0 is outside 1 to 281474976710655.")]
    [InlineData("no address", "Device id 3 has no address.")]
    [InlineData("port 0", "Device id 3: port 0 is outside 1 to 65535.")]
    [InlineData("version 1", "Device id 3: protocol version 1 is not 2 or 3.")]
    [InlineData("short token", "Device id 3: the token is not 64 bytes.")]
    [InlineData("long key", "Device id 3: the key is not 32 bytes.")]
    public void An_invalid_list_is_refused_before_anything_is_written(string defect, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => DeviceStore.Save(InvalidList(defect)));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.Combine("config")));
    }

    [Fact]
    public void An_export_without_secrets_reads_back_as_a_device_file_without_them()
    {
        string export = _folder.Combine("backup.xml");
        DeviceStore.WriteFile(export, new[] { Unit(11) }, SecretEncoding.Omit, userOnly: false);
        StoredDevice read = Assert.Single(DeviceStore.LoadFrom(export, null, isStore: false));
        Assert.Equal(11, read.Id);
        Assert.False(read.HasCredentials);
        Assert.DoesNotContain(Convert.ToHexStringLower(Key), File.ReadAllText(export), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_import_file_is_not_found_rather_than_empty()
    {
        string missing = _folder.Combine("no-such-backup.xml");
        var error = Assert.Throws<FileNotFoundException>(() => DeviceStore.LoadFrom(missing, null, isStore: false));
        Assert.Equal(missing, error.FileName);
    }
}
