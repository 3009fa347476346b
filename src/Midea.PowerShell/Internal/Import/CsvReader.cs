using System;
using System.Collections.Generic;
using System.Text;

namespace Midea.PowerShell.Internal.Import;

/// <summary>
/// CSV of the module's layout (<see cref="ExportLayout"/>, docs/import-formats.md §7): a header row
/// with at least Id and Address, then one unit per row. Fields may be quoted as RFC 4180 says;
/// Windows PowerShell's "#TYPE" first line is passed over; the delimiter is the comma, or the
/// semicolon or tab when the header uses that instead (Export-Csv -UseCulture).
/// </summary>
internal static class CsvReader
{
    /// <summary>True when the first line that says something is a header with Id and Address columns.</summary>
    /// <param name="text">The file's content.</param>
    public static bool HasHeader(string text)
    {
        List<Record>? records = Records(text, out _, out _, headerOnly: true);
        if (records is null || records.Count == 0) return false;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string field in records[0].Fields) names.Add(field.Trim());
        return names.Contains("Id") && names.Contains("Address");
    }

    /// <summary>Reads the CSV <paramref name="text"/> into <paramref name="context"/>.</summary>
    /// <param name="context">The file being read.</param>
    /// <param name="text">The content.</param>
    /// <exception cref="ImportFormatException">No header with Id and Address, an unterminated quote, or a malformed row.</exception>
    public static void Read(ImportContext context, string text)
    {
        List<Record>? records = Records(text, out int unterminated, out _, headerOnly: false);
        if (records is null) throw context.Error($"line {unterminated}", "a quoted field starts there and never ends");
        if (records.Count == 0) throw context.Error(null, "the file is empty");
        Record header = records[0];
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Fields.Count; i++)
        {
            string? known = ExportLayout.Known(header.Fields[i]);
            if (known is null) continue;
            if (columns.ContainsKey(known)) throw context.Error($"the header (line {header.Line})", $"the column {known} appears twice");
            columns[known] = i;
        }
        foreach (string required in new[] { "Id", "Address" })
        {
            if (!columns.ContainsKey(required)) throw context.Error($"the header (line {header.Line})", $"it has no {required} column");
        }
        for (int r = 1; r < records.Count; r++)
        {
            Record row = records[r];
            string label = $"row {r} (line {row.Line})";
            if (row.Fields.Count != header.Fields.Count)
                throw context.Error(label, $"it has {row.Fields.Count} fields, and the header has {header.Fields.Count}");
            ExportLayout.Read(context, label, name => columns.TryGetValue(name, out int index) ? row.Fields[index] : null);
        }
    }

    /// <summary>One record: its fields and the line it starts on.</summary>
    private sealed class Record
    {
        public Record(int line) => Line = line;

        /// <summary>Line (from 1) the record starts on.</summary>
        public int Line { get; }

        /// <summary>The fields, unquoted.</summary>
        public List<string> Fields { get; } = new();
    }

    // The records of the file, blank lines and a leading "#TYPE" line left out; null when a quoted
    // field never ends (unterminated: the line it starts on). The delimiter is picked from the header line.
    private static List<Record>? Records(string text, out int unterminated, out char delimiter, bool headerOnly)
    {
        unterminated = 0;
        var records = new List<Record>();
        int pos = 0, line = 1;
        delimiter = ',';
        bool first = true;
        while (pos < text.Length)
        {
            // A blank line, or Windows PowerShell's "#TYPE System.Management.Automation.PSCustomObject".
            int lineEnd = text.IndexOf('\n', pos);
            if (lineEnd < 0) lineEnd = text.Length;
            string whole = text.Substring(pos, lineEnd - pos);
            if (whole.Trim().Length == 0 || (first && records.Count == 0 && whole.StartsWith("#TYPE", StringComparison.Ordinal)))
            {
                pos = lineEnd + 1;
                line++;
                first = first && whole.Trim().Length == 0;
                continue;
            }
            first = false;
            if (records.Count == 0) delimiter = Delimiter(whole);
            var record = new Record(line);
            var field = new StringBuilder();
            bool quoted = false, atFieldStart = true, done = false;
            int quoteLine = line;
            while (!done)
            {
                if (pos >= text.Length)
                {
                    if (quoted)
                    {
                        unterminated = quoteLine;
                        return null;
                    }
                    done = true;
                    continue;
                }
                char c = text[pos++];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (pos < text.Length && text[pos] == '"')
                        {
                            field.Append('"');
                            pos++;
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n') line++;
                        field.Append(c);
                    }
                    continue;
                }
                if (c == '"' && atFieldStart)
                {
                    quoted = true;
                    quoteLine = line;
                    atFieldStart = false;
                }
                else if (c == delimiter)
                {
                    record.Fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                }
                else if (c == '\n')
                {
                    line++;
                    done = true;
                }
                else if (c != '\r')
                {
                    field.Append(c);
                    atFieldStart = false;
                }
            }
            record.Fields.Add(field.ToString());
            records.Add(record);
            if (headerOnly) break;
        }
        return records;
    }

    // The most frequent of comma, semicolon and tab outside quotes in the header line; comma on a tie.
    private static char Delimiter(string header)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        bool quoted = false;
        foreach (char c in header)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == '\t') tabs++;
        }
        if (semicolons > commas && semicolons >= tabs) return ';';
        if (tabs > commas && tabs > semicolons) return '\t';
        return ',';
    }
}
