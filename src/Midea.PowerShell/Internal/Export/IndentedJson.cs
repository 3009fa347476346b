using System.Collections.Generic;
using System.Text;
using Midea.Protocol.Cloud;

namespace Midea.PowerShell.Internal.Export;

/// <summary>
/// JSON laid out for people (two spaces per level, one member per line, LF), as the files of
/// Home Assistant and Homebridge are. Every name and value is written by the module's JSON writer
/// (<see cref="Json.Write"/>), so escaping and number forms are the same as everywhere else; only the
/// line breaks and indentation are added here.
/// </summary>
internal static class IndentedJson
{
    /// <summary>The text of <paramref name="value"/> followed by a line break.</summary>
    /// <param name="value">A <see cref="JsonObject"/>, a list of values, or a value <see cref="Json.Write"/> takes.</param>
    public static string Write(object? value)
    {
        var text = new StringBuilder();
        WriteValue(text, value, 0);
        return text.Append('\n').ToString();
    }

    private static void WriteValue(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case JsonObject o when o.Count > 0:
                text.Append('{');
                bool first = true;
                foreach (KeyValuePair<string, object?> member in o)
                {
                    text.Append(first ? "\n" : ",\n");
                    first = false;
                    Indent(text, depth + 1).Append(Json.Write(member.Key)).Append(": ");
                    WriteValue(text, member.Value, depth + 1);
                }
                Indent(text.Append('\n'), depth).Append('}');
                break;
            case IReadOnlyList<object?> list when list.Count > 0:
                text.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n");
                    Indent(text, depth + 1);
                    WriteValue(text, list[i], depth + 1);
                }
                Indent(text.Append('\n'), depth).Append(']');
                break;
            default:
                // Scalars, and empty objects and arrays ("{}", "[]").
                text.Append(Json.Write(value));
                break;
        }
    }

    private static StringBuilder Indent(StringBuilder text, int depth) => text.Append(' ', 2 * depth);
}
