using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace Midea.PowerShell.Internal.Store;

/// <summary>
/// chmod(2) from libc: netstandard2.0 has no File.SetUnixFileMode. Used on Linux and macOS only;
/// on Windows the store relies on the user-only ACL of %LOCALAPPDATA% and on DPAPI.
/// </summary>
internal static class UnixPermissions
{
    /// <summary>rw------- for the store, its temp and lock files, and secret-bearing exports.</summary>
    public const int UserReadWrite = 0x180;   // 0600

    /// <summary>rwx------ for directories the store creates.</summary>
    public const int UserOnlyDirectory = 0x1C0; // 0700

    /// <summary>True on Linux, macOS and other Unix systems.</summary>
    public static bool Applies => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>Sets the permission bits of <paramref name="path"/>; does nothing on Windows.</summary>
    /// <exception cref="IOException">chmod failed (the message carries errno).</exception>
    public static void Set(string path, int mode)
    {
        if (!Applies) return;
        // A NUL-terminated UTF-8 path: no string marshalling, which would differ between runtimes.
        byte[] bytes = Encoding.UTF8.GetBytes(path + "\0");
        if (NativeMethods.chmod(bytes, (uint)mode) != 0)
        {
            int errno = Marshal.GetLastWin32Error();
            throw new IOException($"Cannot restrict the permissions of '{path}' to {Convert.ToString(mode, 8)} (chmod failed, errno {errno}).");
        }
    }

    private static class NativeMethods
    {
        // The runtime maps "libc" to the C library (libc.so.6 on glibc Linux, libc.dylib on macOS).
        // mode_t is 32 bits on Linux and 16 on macOS; it travels in a register either way.
        [DllImport("libc", SetLastError = true, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int chmod(byte[] path, uint mode);
    }
}
