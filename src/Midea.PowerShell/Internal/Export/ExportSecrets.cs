using Midea.PowerShell.Internal.Store;
using Midea.Protocol.Codec;

namespace Midea.PowerShell.Internal.Export;

/// <summary>Which units get their token and key in an export (docs/export-formats.md §1), and why a V3 unit gets none.</summary>
internal static class ExportSecrets
{
    /// <summary>True when the export writes the unit's pair: -IncludeSecrets was given and the store has both.</summary>
    /// <param name="device">The stored unit.</param>
    /// <param name="includeSecrets">-IncludeSecrets.</param>
    public static bool Writes(StoredDevice device, bool includeSecrets) => includeSecrets && device.HasCredentials;

    /// <summary>The token as lowercase hex when it is written, otherwise null.</summary>
    /// <param name="device">The stored unit.</param>
    /// <param name="includeSecrets">-IncludeSecrets.</param>
    public static string? Token(StoredDevice device, bool includeSecrets) => Writes(device, includeSecrets) ? Hex.Encode(device.Token!) : null;

    /// <summary>The key as lowercase hex when it is written, otherwise null.</summary>
    /// <param name="device">The stored unit.</param>
    /// <param name="includeSecrets">-IncludeSecrets.</param>
    public static string? Key(StoredDevice device, bool includeSecrets) => Writes(device, includeSecrets) ? Hex.Encode(device.Key!) : null;

    /// <summary>
    /// Why a V3 unit is exported without its pair (so another tool cannot connect to it from the
    /// export alone), or null when it has the pair or is a V2 unit, which needs none.
    /// </summary>
    /// <param name="device">The stored unit.</param>
    /// <param name="includeSecrets">-IncludeSecrets.</param>
    public static string? Missing(StoredDevice device, bool includeSecrets)
    {
        if (device.ProtocolVersion != 3 || Writes(device, includeSecrets)) return null;
        return includeSecrets
            ? "the device store has no token and key for this V3 unit (save them with Save-MideaDevice -Token -Key)"
            : "this V3 unit's token and key are not exported without -IncludeSecrets";
    }
}
