using System;
using System.Management.Automation;
using System.Security;
using Midea.PowerShell.Internal;
using Midea.Protocol.Codec;
using Midea.Protocol.Inspection;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Decodes a captured packet (hex text or bytes) into objects showing every field, layer by layer:
/// discovery reply, V2 packet, V3 packet (decrypted with the session key when given) or AA frame.
/// It sends nothing.
/// </summary>
[Cmdlet(VerbsData.ConvertFrom, "MideaPacket", DefaultParameterSetName = "Hex", HelpUri = "https://github.com/midea-powershell/Midea#convertfrom-mideapacket")]
[OutputType(typeof(PSObject))]
public sealed class ConvertFromMideaPacketCommand : MideaCmdlet
{
    /// <summary>The packet as hex text; spaces, colons and dashes between byte pairs are allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = "Hex")]
    [ValidateNotNullOrEmpty]
    public string Hex { get; set; } = "";

    /// <summary>The packet as bytes (e.g. Get-Content -AsByteStream -Raw).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "Bytes")]
    [ValidateNotNull]
    public byte[] Bytes { get; set; } = Array.Empty<byte>();

    /// <summary>The V3 session key (64 hex digits) that decrypts encrypted packets.</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? Key { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        string target = ParameterSetName == "Hex" ? Hex : $"{Bytes.Length} bytes";
        byte[] bytes;
        try
        {
            bytes = ParameterSetName == "Hex" ? Protocol.Codec.Hex.Decode(Hex) : Bytes;
        }
        catch (FormatException ex)
        {
            WriteError(new ErrorRecord(new ArgumentException($"Not hex text: {ex.Message}", ex), "InvalidHex", ErrorCategory.InvalidArgument, Hex));
            return;
        }
        try
        {
            byte[]? key = Key is null ? null : Secrets.HexBytes(Key, Handshake.KeySize, "session key");
            WriteObject(ToObject(PacketInspector.Inspect(bytes, key)));
        }
        catch (Exception ex) when (IsExpectedFailure(ex))
        {
            // The bytes came from a capture, not from a unit at hand: the error names the input.
            (string id, ErrorCategory category) = Classify(ex);
            WriteError(new ErrorRecord(ex, id, category, target));
        }
    }

    private static PSObject ToObject(InspectedPacket packet)
    {
        var result = new PSObject();
        result.TypeNames.Insert(0, "Midea.MideaPacket");
        result.Properties.Add(new PSNoteProperty("Kind", packet.Kind));
        foreach (InspectedField field in packet.Fields)
        {
            // A layer may repeat a name (e.g. Body); the first one wins, the rest get a suffix.
            string name = result.Properties[field.Name] is null ? field.Name : field.Name + "2";
            result.Properties.Add(new PSNoteProperty(name, field.Value));
        }
        if (packet.Note != null) result.Properties.Add(new PSNoteProperty("Note", packet.Note));
        if (packet.Inner != null) result.Properties.Add(new PSNoteProperty("Inner", ToObject(packet.Inner)));
        // Shown where this layer appears as the Inner of another: one line with every field.
        string summary = Summary(packet);
        result.Methods.Add(new PSScriptMethod("ToString", ScriptBlock.Create("'" + summary.Replace("'", "''") + "'")));
        return result;
    }

    private static string Summary(InspectedPacket packet)
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach (InspectedField field in packet.Fields)
        {
            string value = field.Value switch
            {
                null => "",
                string text => text,
                System.Collections.IEnumerable list => "[" + string.Join(", ", System.Linq.Enumerable.Cast<object>(list)) + "]",
                IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => field.Value.ToString() ?? "",
            };
            parts.Add($"{field.Name}={value}");
        }
        string note = packet.Note is null ? "" : $" ({packet.Note})";
        string inner = packet.Inner is null ? "" : " → " + Summary(packet.Inner);
        return $"{packet.Kind}: {string.Join("; ", parts)}{note}{inner}";
    }
}
