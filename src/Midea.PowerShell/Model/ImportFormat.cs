namespace Midea;

/// <summary>
/// The layout of a file whose units Import-MideaDevice reads: the module's own, or one that another
/// tool writes with the V3 tokens and keys a user already has (docs/import-formats.md).
/// </summary>
public enum ImportFormat
{
    /// <summary>Decided from the file's content (docs/import-formats.md §2).</summary>
    Auto,
    /// <summary>The module's device store, or a backup written by Export-MideaDevice (XML).</summary>
    Midea,
    /// <summary>Home Assistant: .storage/core.config_entries (midea_ac, midea_ac_lan and midea entries) or a .storage/midea_ac_lan/&lt;id&gt;.json device file.</summary>
    HomeAssistant,
    /// <summary>The log that msmart-ng discover (or the older midea-discover) writes: one "Found device:" dictionary per unit.</summary>
    MsmartNg,
    /// <summary>Homebridge's config.json, with a midea-platform block (homebridge-midea-platform).</summary>
    Homebridge,
    /// <summary>CSV with the columns Id, Address, Port, ProtocolVersion, Type, Name, Token and Key.</summary>
    Csv,
    /// <summary>A JSON array of objects with the properties Id, Address, Port, ProtocolVersion, Type, Name, Token and Key.</summary>
    Json,
}
