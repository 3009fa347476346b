using System;
using System.IO;
using System.Runtime.Versioning;
using System.Text;
using System.Threading.Tasks;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Tests;

/// <summary>Whole-file writes of the device store: never half a file, no temp file left behind, user-only modes.</summary>
public class AtomicFileTests
{
    private static readonly byte[] Old = Encoding.UTF8.GetBytes("<old/>");
    private static readonly byte[] New = Encoding.UTF8.GetBytes("<new>" + new string('x', 100_000) + "</new>");

    [Fact]
    public void A_write_creates_the_file_and_leaves_nothing_else()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("devices.xml");
        AtomicFile.Write(path, New, userOnly: false);
        Assert.Equal(New, File.ReadAllBytes(path));
        Assert.Equal(new[] { "devices.xml" }, folder.FileNames());
    }

    [Fact]
    public void A_write_replaces_the_whole_file_and_leaves_nothing_else()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("devices.xml");
        File.WriteAllBytes(path, New);
        AtomicFile.Write(path, Old, userOnly: false);
        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.Equal(new[] { "devices.xml" }, folder.FileNames());
    }

    [Fact]
    public void A_write_that_cannot_be_put_in_place_removes_its_temp_file_and_changes_nothing()
    {
        using var folder = new TempFolder();
        // The target is a directory: the temp file is written, then cannot take its place.
        string path = folder.Combine("devices.xml");
        Directory.CreateDirectory(path);
        File.WriteAllBytes(Path.Combine(path, "inside.txt"), Old);
        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, New, userOnly: false));
        Assert.Empty(folder.FileNames());
        Assert.Equal(Old, File.ReadAllBytes(Path.Combine(path, "inside.txt")));
    }

    [Fact]
    public void A_write_into_a_missing_folder_fails_and_creates_nothing()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("missing", "devices.xml");
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Write(path, New, userOnly: false));
        Assert.False(Directory.Exists(folder.Combine("missing")));
    }

    [Fact]
    public void Read_returns_the_whole_file()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("devices.xml");
        File.WriteAllBytes(path, New);
        Assert.Equal(New, AtomicFile.Read(path));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_user_only_write_is_mode_0600_even_over_a_file_others_could_read()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("devices.xml");
        File.WriteAllBytes(path, Old);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        AtomicFile.Write(path, New, userOnly: true);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(New, File.ReadAllBytes(path));
    }

    [Fact]
    public void CreateDirectory_returns_the_folders_it_created_outermost_first()
    {
        using var folder = new TempFolder();
        string inner = folder.Combine("a", "b", "c");
        Assert.Equal(new[] { folder.Combine("a"), folder.Combine("a", "b"), inner }, AtomicFile.CreateDirectory(inner));
        Assert.True(Directory.Exists(inner));
        Assert.Empty(AtomicFile.CreateDirectory(inner));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void CreateDirectory_makes_the_folders_it_creates_user_only_and_leaves_others_alone()
    {
        using var folder = new TempFolder();
        UnixFileMode before = File.GetUnixFileMode(folder.Path);
        AtomicFile.CreateDirectory(folder.Combine("midea", "store"));
        const UnixFileMode UserOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(UserOnly, File.GetUnixFileMode(folder.Combine("midea")));
        Assert.Equal(UserOnly, File.GetUnixFileMode(folder.Combine("midea", "store")));
        Assert.Equal(before, File.GetUnixFileMode(folder.Path));
    }

    [Fact]
    public async Task A_second_lock_waits_for_the_first_and_the_lock_file_stays()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("devices.xml");
        Task<IDisposable> second;
        using (AtomicFile.Lock(path))
        {
            Assert.True(File.Exists(path + ".lock"));
            second = Task.Run(() => AtomicFile.Lock(path));
            // Well within the 10 s the second one waits.
            await Task.Delay(300);
            Assert.False(second.IsCompleted);
        }
        using (IDisposable taken = await second.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            Assert.NotNull(taken);
        }
        // Deleting it would let two writers lock different files.
        Assert.Equal(new[] { "devices.xml.lock" }, folder.FileNames());
        Assert.Equal(0, new FileInfo(path + ".lock").Length);
    }

    [Fact]
    public void A_lock_in_a_missing_folder_fails_at_once()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("missing", "devices.xml");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Lock(path));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        Assert.Empty(folder.FileNames());
    }
}
