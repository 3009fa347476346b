using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Midea.PowerShell.Internal.Store;

/// <summary>
/// Windows DPAPI (CryptProtectData / CryptUnprotectData in crypt32.dll) for the current user,
/// by P/Invoke so the module needs no System.Security.Cryptography.ProtectedData package.
/// Windows only: blobs open only for the same Windows user (on the same machine unless the
/// profile roams).
/// </summary>
internal static class Dpapi
{
    private const int UiForbidden = 0x1; // CRYPTPROTECT_UI_FORBIDDEN

    // Ties the blobs to this use: another program's DPAPI blob cannot be swapped in.
    private static readonly byte[] Entropy = System.Text.Encoding.ASCII.GetBytes("Midea.PowerShell device store v1");

    /// <summary>True where DPAPI exists.</summary>
    public static bool Available => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>Encrypts <paramref name="plain"/> for the current Windows user.</summary>
    /// <exception cref="Win32Exception">DPAPI refused.</exception>
    public static byte[] Protect(byte[] plain) => Run(plain, protect: true);

    /// <summary>Decrypts a blob made by <see cref="Protect"/> for the current Windows user.</summary>
    /// <exception cref="Win32Exception">The blob is damaged or belongs to another user or machine.</exception>
    public static byte[] Unprotect(byte[] blob) => Run(blob, protect: false);

    private static byte[] Run(byte[] input, bool protect)
    {
        if (!Available) throw new PlatformNotSupportedException("DPAPI exists on Windows only.");
        var inBlob = new NativeMethods.DataBlob();
        var entropy = new NativeMethods.DataBlob();
        var outBlob = new NativeMethods.DataBlob();
        try
        {
            inBlob = NativeMethods.DataBlob.Copy(input);
            entropy = NativeMethods.DataBlob.Copy(Entropy);
            bool ok = protect
                ? NativeMethods.CryptProtectData(ref inBlob, IntPtr.Zero, ref entropy, IntPtr.Zero, IntPtr.Zero, UiForbidden, out outBlob)
                : NativeMethods.CryptUnprotectData(ref inBlob, IntPtr.Zero, ref entropy, IntPtr.Zero, IntPtr.Zero, UiForbidden, out outBlob);
            if (!ok) throw new Win32Exception(Marshal.GetLastWin32Error());
            var result = new byte[outBlob.Size];
            Marshal.Copy(outBlob.Data, result, 0, outBlob.Size);
            return result;
        }
        finally
        {
            inBlob.Free();
            entropy.Free();
            if (outBlob.Data != IntPtr.Zero)
            {
                // Wipe the decrypted copy before handing the memory back.
                for (int i = 0; i < outBlob.Size; i++) Marshal.WriteByte(outBlob.Data, i, 0);
                _ = NativeMethods.LocalFree(outBlob.Data);
            }
        }
    }

    private static class NativeMethods
    {
        [StructLayout(LayoutKind.Sequential)]
        internal struct DataBlob
        {
            public int Size;
            public IntPtr Data;

            public static DataBlob Copy(byte[] bytes)
            {
                IntPtr data = Marshal.AllocHGlobal(Math.Max(bytes.Length, 1));
                Marshal.Copy(bytes, 0, data, bytes.Length);
                return new DataBlob { Size = bytes.Length, Data = data };
            }

            public void Free()
            {
                if (Data == IntPtr.Zero) return;
                for (int i = 0; i < Size; i++) Marshal.WriteByte(Data, i, 0);
                Marshal.FreeHGlobal(Data);
                Data = IntPtr.Zero;
            }
        }

        [DllImport("crypt32.dll", SetLastError = true, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static extern bool CryptProtectData(ref DataBlob dataIn, IntPtr description, ref DataBlob entropy,
            IntPtr reserved, IntPtr prompt, int flags, out DataBlob dataOut);

        [DllImport("crypt32.dll", SetLastError = true, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static extern bool CryptUnprotectData(ref DataBlob dataIn, IntPtr description, ref DataBlob entropy,
            IntPtr reserved, IntPtr prompt, int flags, out DataBlob dataOut);

        [DllImport("kernel32.dll", SetLastError = true, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern IntPtr LocalFree(IntPtr memory);
    }
}
