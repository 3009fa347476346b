using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Midea.PowerShell.Internal.Import;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Tests.Import;

/// <summary>
/// The fixture files under Fixtures/ and the invented secrets they hold. Every address in them is
/// on loopback (127.0.0.x): the readers only read files, nothing is contacted.
/// </summary>
internal static class ImportFixture
{
    // midea_ac V3 air conditioner; also msmart-ng, CSV, JSON and the Midea backup.
    public const string AcToken = "d9b958307cd8ac414646a329d2f4da0db1b1fb0c7367b18286489ba5a38a01b0e8f16982f04cfc56843619aa15d298cf22778591fcf7de2e67fa6b0d1a57ab56";
    public const string AcKey = "9dbe23065eee4fe09850eaa6183003f9630e70c3d11688bbdc0a219aa3a47f9e";
    // The 0xCC unit of the same files.
    public const string CcToken = "3872d96fb46492dec445af9d27547dae497f86b03af2d2c752929aea4489ca4d38766bdc829c6a011bfcd89e5d666b67c2e6b4fe247dc7ccfa7ac65f0f3df35f";
    public const string CcKey = "08f46584139e12989c81092189bf631bbfeafb703b4c321c3e46e180334f7999";
    // midea_ac_lan entry.
    public const string LanToken = "a0d2c0e3aae1f2e9342a1469d23c1fdd87c47a7afa636e6edbd16370818bdc100aa5ba78ee3404e4e005ccc386640ea4f7db8ef2537f79388ae8c0e856631b31";
    public const string LanKey = "6ba76550f1eddae102259c1495a5aaf7e9d65d9e91a4a10932b362b5ffa4ef67";
    // Core midea entry.
    public const string CoreToken = "d0762d7f895ae4a882f8ec05da061f93b8b97170f2d1cb7889108b074e1a2b169860bd388c64915e93521667b9f02de53afc0de60308a656c386684b4922f9dd";
    public const string CoreKey = "a67798c956ca7806ab9ebcc85618db75af1756633da1744b806bd28a2dbb76a4";
    // midea_ac_lan device file.
    public const string CcLanToken = "fd115d112ad5bb810df50a74251df71a2700042a6a01f454d21a7a68f667e44defc33c58931650d5545bb19c818f957218bfdd517f1f8129c5913e62d8a0bbf0";
    public const string CcLanKey = "9dc935877ca44a22a54a9d66c3c0fe8cf4c9fa197612ddd868c7d67d4a65e61f";
    // Homebridge.
    public const string HbAcToken = "b599a6e15ce947afd608c90d497b628e96dd093a304e27eb9fff325122bde2c8e988f3b9dd8a31904ee0de0577a8b7fdaac5901df88e7c8a2d26a768d937c1f0";
    public const string HbAcKey = "3c0be50790dfd1fdf29770d4bbdd911e0977327031fd0c8d5991262352e56dcc";
    public const string HbCcToken = "a011d2b9756fc2f6c2f44b738911fd259aec530e7354e78f42a7e799fdd66b07cf80763bec675eadc5db90c258b74f8d96c044d5441f0bb9d9c5409e5fdbc214";
    public const string HbCcKey = "3825e2cb5be91b82b14bfb665a05a67b2a6b1b7afcb9f7307d832a34d6816b80";
    public const string HbNoIpToken = "8440a77f00bedc029762ef613039d8fd4b22cf605f2abd0725815225e34e793bb9cf4e091f612dcd681d5375d45c62d6d0e9408e504317077211a1430b77e456";
    public const string HbNoIpKey = "f1975eff39f707e2f0ec9094fadff3a3ed1c52a1c4415bcfdc335e138cd2950c";
    // The pair of a --debug "Cloud response:" line that the unit refused: never imported.
    public const string CloudToken = "584ed55a56168f9a51788736c9fb929a9c9756b2d908154a10f136330057e512f77bc233719f6c615570cfa2195ef12bc91a039574b31872147c911e49bb28b6";
    public const string CloudKey = "c9bb775d0834f9bd325c3883160c6de49608f460143a385c563093f5c2286861";
    // midea-discover (legacy), written there in uppercase.
    public const string LegacyToken = "16f81f8de7439cff83a9deabfa5b65fa3c44986db0e0b6c8716159272be39dd8b641acb5f67bf7f946d88fdf873e308a35585320681aebd2b9ac0adfc3966eb9";
    public const string LegacyKey = "a88d28a96216ae1c73a26532b2a66164fc3d4378a3302f7cf0b61ba69be64b34";

    /// <summary>Full path of a fixture file in the test output.</summary>
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Internal", "Import", "Fixtures", name);

    /// <summary>Reads a fixture file.</summary>
    public static ImportResult Read(string name, ImportFormat format = ImportFormat.Auto) => ImportReader.Read(Path(name), format);

    /// <summary>The exception reading a fixture file raises; asserts it names the file and quotes none of its secrets.</summary>
    public static ImportFormatException Fails(string name, ImportFormat format)
    {
        var ex = Assert.Throws<ImportFormatException>(() => Read(name, format));
        Assert.Contains(Path(name), ex.Message, StringComparison.Ordinal);
        AssertNoSecret(ex, File.ReadAllText(Path(name)));
        return ex;
    }

    /// <summary>
    /// Asserts that nothing the exception says (message, inner exceptions, stack) holds 12 hex digits
    /// in a row of any hex run of 32 or more digits in <paramref name="content"/>: the tokens, keys
    /// and damaged secrets of the file. (Ids are 15 digits and entry ids hold other letters.)
    /// </summary>
    public static void AssertNoSecret(Exception ex, string content)
    {
        string said = ex.ToString();
        foreach (Match run in Regex.Matches(content, "[0-9A-Fa-f]{32,}"))
        {
            for (int i = 0; i + 12 <= run.Length; i++)
            {
                string window = run.Value.Substring(i, 12);
                Assert.False(said.Contains(window, StringComparison.OrdinalIgnoreCase), $"The exception quotes part of a secret: {ex.Message}");
            }
        }
    }

    /// <summary>The one imported unit with <paramref name="id"/>.</summary>
    public static ImportedDevice Unit(ImportResult result, long id) => Assert.Single(result.Devices, d => d.Device.Id == id);

    /// <summary>Asserts the unit's token and key are the bytes of these hex strings.</summary>
    public static void AssertPair(StoredDevice device, string token, string key)
    {
        Assert.Equal(Convert.FromHexString(token), device.Token);
        Assert.Equal(Convert.FromHexString(key), device.Key);
    }

    /// <summary>Asserts the unit has neither token nor key.</summary>
    public static void AssertNoPair(StoredDevice device)
    {
        Assert.Null(device.Token);
        Assert.Null(device.Key);
    }

    /// <summary>Asserts exactly one note contains every one of <paramref name="parts"/>, and returns it.</summary>
    public static string Note(ImportResult result, params string[] parts) =>
        Assert.Single(result.Notes, n => parts.All(p => n.Contains(p, StringComparison.Ordinal)));
}
