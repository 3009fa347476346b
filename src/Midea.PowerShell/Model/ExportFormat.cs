namespace Midea;

/// <summary>The layout Export-MideaDevice writes (-Format); each is described in docs/export-formats.md.</summary>
public enum ExportFormat
{
    /// <summary>The device store's own XML, which Import-MideaDevice reads (the default).</summary>
    Midea,
    /// <summary>One CSV line per unit: Id,Address,Port,ProtocolVersion,Type,Name,Token,Key (docs/export-formats.md §2).</summary>
    Csv,
    /// <summary>A JSON array of objects with the CSV's columns as properties (docs/export-formats.md §3).</summary>
    Json,
    /// <summary>msmart-ng command lines, a query line per unit (docs/export-formats.md §4).</summary>
    MsmartNg,
    /// <summary>midea_ac_lan's per-device files, one &lt;id&gt;.json per unit in a folder (docs/export-formats.md §5).</summary>
    HomeAssistant,
    /// <summary>The platform block of homebridge-midea-platform with its devices array (docs/export-formats.md §6).</summary>
    Homebridge,
}
