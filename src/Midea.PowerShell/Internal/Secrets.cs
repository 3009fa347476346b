using System;
using System.Runtime.InteropServices;
using System.Security;
using Midea.Protocol.Codec;

namespace Midea.PowerShell.Internal;

/// <summary>SecureString conversions. Plain copies live only as long as one connection needs them.</summary>
internal static class Secrets
{
    public static unsafe SecureString FromString(string text)
    {
        // One copy in one go: AppendChar grows and re-protects the buffer per character, which made
        // binding a plain-text -Token and -Key a tenth of a millisecond of every command.
        fixed (char* chars = text)
        {
            var secure = new SecureString(chars, text.Length);
            secure.MakeReadOnly();
            return secure;
        }
    }

    public static string ToPlain(SecureString secure)
    {
        IntPtr pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try
        {
            return Marshal.PtrToStringUni(pointer) ?? "";
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    /// <summary>Hex text in a SecureString as bytes of the expected length.</summary>
    /// <exception cref="ArgumentException">Not hex, or the wrong length. The message never contains the value.</exception>
    public static byte[] HexBytes(SecureString secure, int length, string what)
    {
        byte[] bytes;
        try
        {
            bytes = Hex.Decode(ToPlain(secure));
        }
        catch (FormatException)
        {
            throw new ArgumentException($"The {what} must be hex text ({length * 2} hex digits).");
        }
        if (bytes.Length != length) throw new ArgumentException($"The {what} must be {length} bytes ({length * 2} hex digits), not {bytes.Length} bytes.");
        return bytes;
    }
}
