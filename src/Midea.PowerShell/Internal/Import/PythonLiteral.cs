using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Midea.PowerShell.Internal.Import;

/// <summary>
/// Reads the text Python's str() gives for a dict of simple values, as msmart-ng and the older
/// msmart print a discovered unit (docs/import-formats.md §5): dicts, lists and tuples; strings in
/// single or double quotes (with a b, u or r prefix); whole and decimal numbers; None, True, False;
/// and an enum member's repr, &lt;DeviceType.AIR_CONDITIONER: 172&gt;, read as its number.
/// </summary>
/// <remarks>
/// Values: <c>Dictionary&lt;string, object?&gt;</c> (keys must be strings), <c>List&lt;object?&gt;</c>,
/// <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, null; an enum
/// repr without a number is its text. Failures give an offset, never the text they stopped at.
/// </remarks>
internal sealed class PythonLiteral
{
    private const int MaxDepth = 32;
    private readonly string _text;
    private int _pos;

    private PythonLiteral(string text, int start)
    {
        _text = text;
        _pos = start;
    }

    /// <summary>Reads one literal starting at <paramref name="start"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Offset of the literal's first character.</param>
    /// <param name="value">The value read.</param>
    /// <param name="end">Offset just after it.</param>
    /// <param name="errorOffset">Where reading stopped, when it fails.</param>
    /// <returns>False when the text there is not a literal this reader knows.</returns>
    public static bool TryParse(string text, int start, out object? value, out int end, out int errorOffset)
    {
        var reader = new PythonLiteral(text, start);
        try
        {
            value = reader.ReadValue(0);
            end = reader._pos;
            errorOffset = -1;
            return true;
        }
        catch (FormatException)
        {
            value = null;
            end = -1;
            errorOffset = reader._pos;
            return false;
        }
    }

    private bool AtEnd => _pos >= _text.Length;

    private void SkipSpace()
    {
        while (!AtEnd && _text[_pos] is ' ' or '\t' or '\r' or '\n') _pos++;
    }

    private object? ReadValue(int depth)
    {
        if (depth > MaxDepth) throw Stop();
        SkipSpace();
        if (AtEnd) throw Stop();
        char c = _text[_pos];
        switch (c)
        {
            case '{': return ReadDict(depth);
            case '[': return ReadSequence(']', depth);
            case '(': return ReadSequence(')', depth);
            case '<': return ReadEnum();
            case '\'' or '"': return ReadString();
        }
        if (c == '-' || char.IsDigit(c)) return ReadNumber();
        if (char.IsLetter(c) || c == '_')
        {
            int start = _pos;
            while (!AtEnd && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
            string word = _text.Substring(start, _pos - start);
            // A string prefix: b'…', u'…', r'…', rb'…'.
            if (!AtEnd && _text[_pos] is '\'' or '"' && word.Length <= 2 && word.ToLowerInvariant().Trim('b', 'u', 'r').Length == 0)
                return ReadString(raw: word.IndexOf('r') >= 0 || word.IndexOf('R') >= 0);
            switch (word)
            {
                case "None": return null;
                case "True": return true;
                case "False": return false;
            }
            _pos = start;
            throw Stop();
        }
        throw Stop();
    }

    private Dictionary<string, object?> ReadDict(int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _pos++;
        SkipSpace();
        if (!AtEnd && _text[_pos] == '}')
        {
            _pos++;
            return result;
        }
        while (true)
        {
            SkipSpace();
            if (ReadValue(depth + 1) is not string key) throw Stop();
            SkipSpace();
            if (AtEnd || _text[_pos] != ':') throw Stop();
            _pos++;
            // Python's dict keeps the last of two equal keys; str() of a dict never prints two.
            result[key] = ReadValue(depth + 1);
            SkipSpace();
            if (AtEnd) throw Stop();
            char c = _text[_pos++];
            if (c == '}') return result;
            if (c != ',') throw Stop();
            SkipSpace();
            if (!AtEnd && _text[_pos] == '}')
            {
                _pos++;
                return result;
            }
        }
    }

    private List<object?> ReadSequence(char close, int depth)
    {
        var result = new List<object?>();
        _pos++;
        while (true)
        {
            SkipSpace();
            if (AtEnd) throw Stop();
            if (_text[_pos] == close)
            {
                _pos++;
                return result;
            }
            result.Add(ReadValue(depth + 1));
            SkipSpace();
            if (AtEnd) throw Stop();
            char c = _text[_pos];
            if (c == ',') _pos++;
            else if (c != close) throw Stop();
        }
    }

    // <DeviceType.AIR_CONDITIONER: 172> is an IntEnum's repr: the number after the colon is the value.
    private object ReadEnum()
    {
        int close = _text.IndexOf('>', _pos);
        int newline = _text.IndexOf('\n', _pos);
        if (close < 0 || (newline >= 0 && newline < close)) throw Stop();
        string inner = _text.Substring(_pos + 1, close - _pos - 1);
        _pos = close + 1;
        int colon = inner.LastIndexOf(':');
        if (colon >= 0 && long.TryParse(inner.Substring(colon + 1).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
            return number;
        return inner;
    }

    private object ReadNumber()
    {
        int start = _pos;
        if (_text[_pos] == '-') _pos++;
        bool integral = true;
        while (!AtEnd && (char.IsDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '_'
            || (_text[_pos] is '+' or '-' && _text[_pos - 1] is 'e' or 'E')))
        {
            if (_text[_pos] is '.' or 'e' or 'E') integral = false;
            _pos++;
        }
        string token = _text.Substring(start, _pos - start).Replace("_", "");
        if (integral && long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole)) return whole;
        if (!integral && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double real)) return real;
        _pos = start;
        throw Stop();
    }

    private string ReadString(bool raw = false)
    {
        char quote = _text[_pos++];
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd || _text[_pos] == '\n') throw Stop();
            char c = _text[_pos++];
            if (c == quote) return value.ToString();
            if (c != '\\' || raw)
            {
                value.Append(c);
                continue;
            }
            if (AtEnd) throw Stop();
            char e = _text[_pos++];
            switch (e)
            {
                case '\\': value.Append('\\'); break;
                case '\'': value.Append('\''); break;
                case '"': value.Append('"'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case '0': value.Append('\0'); break;
                case 'x': value.Append((char)HexEscape(2)); break;
                case 'u': value.Append((char)HexEscape(4)); break;
                // Python keeps an unknown escape as it is.
                default: value.Append('\\').Append(e); break;
            }
        }
    }

    private int HexEscape(int digits)
    {
        if (_pos + digits > _text.Length) throw Stop();
        if (!int.TryParse(_text.Substring(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)) throw Stop();
        _pos += digits;
        return code;
    }

    // A FormatException without a message: where reading stopped is _pos, and no text goes anywhere.
    private static FormatException Stop() => new();
}
