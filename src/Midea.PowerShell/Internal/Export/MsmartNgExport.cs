using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Internal.Export;

/// <summary>
/// msmart-ng command lines (docs/export-formats.md §4): per unit a comment naming it, a query line, and
/// its control line as a comment. No line of the file changes a unit when it is pasted.
/// </summary>
internal static class MsmartNgExport
{
    /// <summary>The only port msmart-ng connects to: it has no port option.</summary>
    public const int Port = 6444;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly string[] Header =
    {
        "# msmart-ng command lines for the units of the Midea device store (Export-MideaDevice -Format MsmartNg).",
        "# Lines that start with # are comments. Each query line reads one unit and changes nothing.",
        "# Each unit's control line is a comment: to change the unit, copy it without the leading '# ' and",
        "# replace <setting>=<value> with the settings, for example power_state=True target_temperature=22.",
        "# msmart-ng always connects to port 6444.",
    };

    /// <summary>The file's text, UTF-8 without BOM, lines ending in LF; warnings for units whose lines cannot work.</summary>
    /// <param name="devices">The units, in store order.</param>
    /// <param name="includeSecrets">-IncludeSecrets.</param>
    /// <param name="output">Receives the warnings.</param>
    public static byte[] Write(IReadOnlyList<StoredDevice> devices, bool includeSecrets, ExportOutput output)
    {
        var text = new StringBuilder();
        foreach (string line in Header) text.Append(line).Append('\n');
        foreach (StoredDevice d in devices)
        {
            text.Append('\n');
            Comment(text, d.Describe());
            string? missing = ExportSecrets.Missing(d, includeSecrets);
            bool usable = true;
            if (missing != null)
            {
                Comment(text, $"No token and key here: {missing}. Put them in place of <token> and <key>.");
                output.Warnings.Add($"{d.Describe()}: {missing}; its msmart-ng lines have the placeholders <token> and <key>.");
            }
            if (d.Port != Port)
            {
                Comment(text, $"msmart-ng cannot reach this unit: it listens on port {d.Port.ToString(CultureInfo.InvariantCulture)}, and msmart-ng always connects to port {Port} (it has no port option).");
                output.Warnings.Add($"{d.Describe()} listens on port {d.Port.ToString(CultureInfo.InvariantCulture)}, which msmart-ng cannot reach (it always connects to {Port}); its msmart-ng lines are comments.");
                usable = false;
            }
            if (!IsPlainWord(d.Address))
            {
                Comment(text, "The address is not a plain host name or IP address, so it is not put on a command line.");
                output.Warnings.Add($"{d.Describe()}: the address is not a plain host name or IP address; its msmart-ng lines are comments.");
                usable = false;
            }
            string arguments = Arguments(d, includeSecrets);
            if (usable) text.Append("msmart-ng query ").Append(arguments).Append('\n');
            else Comment(text, "msmart-ng query " + arguments);
            // The placeholder keeps even an uncommented copy from changing anything: sh, bash and
            // PowerShell refuse a line with "<setting>=<value>" as a syntax error, as they refuse one
            // with the <token> and <key> placeholders, rather than run msmart-ng with part of it.
            Comment(text, "msmart-ng control " + arguments + " <setting>=<value>");
        }
        return Utf8.GetBytes(text.ToString());
    }

    // HOST [--device_type CC] --id N [--token T --key K]: msmart-ng's query and control arguments.
    private static string Arguments(StoredDevice d, bool includeSecrets)
    {
        var text = new StringBuilder(d.Address);
        // msmart-ng treats a unit as an air conditioner unless told otherwise.
        if (d.Type == nameof(Protocol.Appliances.CommercialAc)) text.Append(" --device_type CC");
        text.Append(" --id ").Append(d.Id.ToString(CultureInfo.InvariantCulture));
        if (d.ProtocolVersion == 3)
        {
            text.Append(" --token ").Append(ExportSecrets.Token(d, includeSecrets) ?? "<token>");
            text.Append(" --key ").Append(ExportSecrets.Key(d, includeSecrets) ?? "<key>");
        }
        return text.ToString();
    }

    // A comment line whose text cannot end the comment: a control character (a line break above
    // all) in a name or address would otherwise start a line of its own, which a shell would run.
    private static void Comment(StringBuilder text, string line)
    {
        text.Append("# ");
        foreach (char c in line)
        {
            text.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? '?' : c);
        }
        text.Append('\n');
    }

    // One word to every shell the file is meant for (sh, bash, zsh, PowerShell), taken as the host
    // and not as an option: letters, digits and . : _ % - (IPv6 with a zone included), no leading '-'.
    private static bool IsPlainWord(string address)
    {
        if (address.Length == 0 || address[0] == '-') return false;
        foreach (char c in address)
        {
            bool plain = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or ':' or '_' or '%' or '-';
            if (!plain) return false;
        }
        return true;
    }
}
