using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Midea.Protocol.Cloud;

/// <summary>
/// A JSON object whose members keep the order they were added in, so that a body written twice
/// has the same text (the SmartHome sign covers the exact text). Duplicate names are not allowed.
/// </summary>
internal sealed class JsonObject : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _members = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Count => _members.Count;

    /// <summary>Adds a member; values are null, bool, long, double, string, <see cref="JsonObject"/> or a list of values.</summary>
    /// <exception cref="ArgumentException">The name is already present.</exception>
    public void Add(string name, object? value)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        if (_index.ContainsKey(name)) throw new ArgumentException($"Duplicate JSON member '{name}'.", nameof(name));
        _index[name] = _members.Count;
        _members.Add(new KeyValuePair<string, object?>(name, value));
    }

    public bool Contains(string name) => _index.ContainsKey(name);

    public bool TryGet(string name, out object? value)
    {
        if (_index.TryGetValue(name, out int i))
        {
            value = _members[i].Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>The member's value; null when absent or JSON null.</summary>
    public object? this[string name] => TryGet(name, out object? value) ? value : null;

    /// <summary>The member as text; numbers are given in invariant form, anything else is null.</summary>
    public string? GetString(string name) => this[name] switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    public JsonObject? GetObject(string name) => this[name] as JsonObject;

    public IReadOnlyList<object?>? GetArray(string name) => this[name] as IReadOnlyList<object?>;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A small, strict JSON reader and writer (RFC 8259): objects, arrays, strings with escapes,
/// numbers, true, false and null. netstandard2.0 has no System.Text.Json.
/// </summary>
/// <remarks>
/// Parsed values: <see cref="JsonObject"/>, <c>List&lt;object?&gt;</c>, <see cref="string"/>,
/// <see cref="long"/> (integers that fit), <see cref="double"/> (other numbers), <see cref="bool"/>, null.
/// The writer emits compact text and escapes everything outside printable ASCII.
/// </remarks>
internal static class Json
{
    private const int MaxDepth = 64;

    /// <summary>Parses one JSON value that fills the whole text (surrounding white space allowed).</summary>
    /// <exception cref="FormatException">The text is not valid JSON.</exception>
    public static object? Parse(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var reader = new Reader(text);
        reader.SkipWhiteSpace();
        object? value = reader.ReadValue(0);
        reader.SkipWhiteSpace();
        if (!reader.AtEnd) throw reader.Error("unexpected text after the value");
        return value;
    }

    /// <summary>Parses text that must be a JSON object.</summary>
    /// <exception cref="FormatException">The text is not valid JSON or not an object.</exception>
    public static JsonObject ParseObject(string text) =>
        Parse(text) as JsonObject ?? throw new FormatException("JSON: the text is not an object.");

    /// <summary>Compact JSON text of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">A value of a type JSON cannot hold, or a non-finite number.</exception>
    public static string Write(object? value)
    {
        var text = new StringBuilder();
        WriteValue(text, value, 0);
        return text.ToString();
    }

    private static void WriteValue(StringBuilder text, object? value, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException("JSON: nesting too deep.", nameof(value));
        switch (value)
        {
            case null: text.Append("null"); break;
            case bool b: text.Append(b ? "true" : "false"); break;
            case string s: WriteString(text, s); break;
            case int i: text.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case long l: text.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d)) throw new ArgumentException("JSON has no NaN or infinity.", nameof(value));
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case JsonObject o:
                text.Append('{');
                bool first = true;
                foreach (KeyValuePair<string, object?> member in o)
                {
                    if (!first) text.Append(',');
                    first = false;
                    WriteString(text, member.Key);
                    text.Append(':');
                    WriteValue(text, member.Value, depth + 1);
                }
                text.Append('}');
                break;
            case IEnumerable<object?> list:
                text.Append('[');
                bool firstItem = true;
                foreach (object? item in list)
                {
                    if (!firstItem) text.Append(',');
                    firstItem = false;
                    WriteValue(text, item, depth + 1);
                }
                text.Append(']');
                break;
            default: throw new ArgumentException($"JSON cannot hold a {value.GetType().Name}.", nameof(value));
        }
    }

    private static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7E) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }

    private sealed class Reader
    {
        private readonly string _text;
        private int _pos;

        public Reader(string text) => _text = text;

        public bool AtEnd => _pos >= _text.Length;

        public FormatException Error(string what) =>
            new(string.Format(CultureInfo.InvariantCulture, "JSON: {0} at offset {1}.", what, _pos));

        public void SkipWhiteSpace()
        {
            while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r') _pos++;
        }

        public object? ReadValue(int depth)
        {
            if (depth > MaxDepth) throw Error("nesting too deep");
            if (AtEnd) throw Error("unexpected end of text");
            char c = _text[_pos];
            switch (c)
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"': return ReadString();
                case 't': Expect("true"); return true;
                case 'f': Expect("false"); return false;
                case 'n': Expect("null"); return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                    throw Error($"unexpected character '{c}'");
            }
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) throw Error("invalid literal");
            _pos += word.Length;
        }

        private JsonObject ReadObject(int depth)
        {
            var result = new JsonObject();
            _pos++;
            SkipWhiteSpace();
            if (!AtEnd && _text[_pos] == '}')
            {
                _pos++;
                return result;
            }
            while (true)
            {
                SkipWhiteSpace();
                if (AtEnd || _text[_pos] != '"') throw Error("expected a member name");
                string name = ReadString();
                if (result.Contains(name)) throw Error($"duplicate member '{name}'");
                SkipWhiteSpace();
                if (AtEnd || _text[_pos] != ':') throw Error("expected ':'");
                _pos++;
                SkipWhiteSpace();
                result.Add(name, ReadValue(depth + 1));
                SkipWhiteSpace();
                if (AtEnd) throw Error("unterminated object");
                char c = _text[_pos++];
                if (c == '}') return result;
                if (c != ',') throw Error("expected ',' or '}'");
            }
        }

        private List<object?> ReadArray(int depth)
        {
            var result = new List<object?>();
            _pos++;
            SkipWhiteSpace();
            if (!AtEnd && _text[_pos] == ']')
            {
                _pos++;
                return result;
            }
            while (true)
            {
                SkipWhiteSpace();
                result.Add(ReadValue(depth + 1));
                SkipWhiteSpace();
                if (AtEnd) throw Error("unterminated array");
                char c = _text[_pos++];
                if (c == ']') return result;
                if (c != ',') throw Error("expected ',' or ']'");
            }
        }

        private string ReadString()
        {
            _pos++;
            var value = new StringBuilder();
            while (true)
            {
                if (AtEnd) throw Error("unterminated string");
                char c = _text[_pos++];
                if (c == '"') return value.ToString();
                if (c < 0x20) throw Error("control character in string");
                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }
                if (AtEnd) throw Error("unterminated escape");
                char e = _text[_pos++];
                switch (e)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length) throw Error("short \\u escape");
                        int code = 0;
                        for (int i = 0; i < 4; i++)
                        {
                            char h = _text[_pos++];
                            int nibble = h switch
                            {
                                >= '0' and <= '9' => h - '0',
                                >= 'a' and <= 'f' => h - 'a' + 10,
                                >= 'A' and <= 'F' => h - 'A' + 10,
                                _ => throw Error("bad \\u escape"),
                            };
                            code = (code << 4) | nibble;
                        }
                        value.Append((char)code);
                        break;
                    default: throw Error($"invalid escape '\\{e}'");
                }
            }
        }

        private object ReadNumber()
        {
            int start = _pos;
            if (_text[_pos] == '-') _pos++;
            if (AtEnd) throw Error("bad number");
            if (_text[_pos] == '0')
            {
                _pos++;
            }
            else if (_text[_pos] >= '1' && _text[_pos] <= '9')
            {
                Digits();
            }
            else
            {
                throw Error("bad number");
            }
            bool integral = true;
            if (!AtEnd && _text[_pos] == '.')
            {
                integral = false;
                _pos++;
                if (!Digits()) throw Error("bad fraction");
            }
            if (!AtEnd && _text[_pos] is 'e' or 'E')
            {
                integral = false;
                _pos++;
                if (!AtEnd && _text[_pos] is '+' or '-') _pos++;
                if (!Digits()) throw Error("bad exponent");
            }
            string token = _text.Substring(start, _pos - start);
            if (integral && long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return l;
            double d = double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d)) throw Error("number out of range");
            return d;
        }

        private bool Digits()
        {
            int start = _pos;
            while (!AtEnd && _text[_pos] >= '0' && _text[_pos] <= '9') _pos++;
            return _pos > start;
        }
    }
}
