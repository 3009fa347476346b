using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Midea.Protocol.Cloud;

namespace Midea.Protocol.Tests;

/// <summary>Property-based fuzzing of the cloud JSON reader and writer; its contract is FormatException for bad text.</summary>
public class FuzzJsonTests
{
    private static readonly Gen<string> Strings = Gen.Frequency(
        (2, Gen.String),
        (3, Gen.Char["\"\\/\b\f\n\r\t\u0000\u001f\u007f\u00e9\ud800\udc00 aZ09:,{}[]"].Array[0, 12].Select(chars => new string(chars))));

    private static Gen<object?> Values(int depth)
    {
        Gen<object?> scalar = Gen.Frequency(
            (1, Gen.Const((object?)null)),
            (1, Gen.Bool.Select(b => (object?)b)),
            (2, Gen.Long.Select(l => (object?)l)),
            (1, Gen.Int.Select(i => (object?)i)),
            (2, Gen.Double.Where(double.IsFinite).Select(d => (object?)d)),
            (3, Strings.Select(s => (object?)s)));
        if (depth == 0) return scalar;
        Gen<object?> inner = Values(depth - 1);
        return Gen.Frequency(
            (3, scalar),
            (1, inner.List[0, 5].Select(list => (object?)list)),
            (1, Gen.Select(Strings, inner).Array[0, 5].Select(members =>
            {
                var o = new JsonObject();
                foreach ((string name, object? value) in members)
                {
                    if (!o.Contains(name)) o.Add(name, value);
                }
                return (object?)o;
            })));
    }

    private static readonly Gen<object?> Documents = Values(4);

    private static void AssertSame(object? expected, object? actual)
    {
        switch (expected)
        {
            case null:
                Assert.Null(actual);
                break;
            case bool or string:
                Assert.Equal(expected, actual);
                break;
            case int or long or double:
                double e = Convert.ToDouble(expected, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(actual is long or double, $"expected a number, got {actual?.GetType().Name}");
                if (expected is int or long && actual is long l) Assert.Equal(Convert.ToInt64(expected, System.Globalization.CultureInfo.InvariantCulture), l);
                else Assert.Equal(e, Convert.ToDouble(actual, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case JsonObject o:
                var a = Assert.IsType<JsonObject>(actual);
                Assert.Equal(o.Select(m => m.Key), a.Select(m => m.Key));
                foreach (KeyValuePair<string, object?> member in o) AssertSame(member.Value, a[member.Key]);
                break;
            case IEnumerable<object?> list:
                var items = Assert.IsType<List<object?>>(actual);
                object?[] expectedItems = list.ToArray();
                Assert.Equal(expectedItems.Length, items.Count);
                for (int i = 0; i < items.Count; i++) AssertSame(expectedItems[i], items[i]);
                break;
            default:
                throw new InvalidOperationException($"Unexpected generated type {expected.GetType().Name}.");
        }
    }

    [Fact]
    public void Fuzz_json_write_then_parse_round_trips()
    {
        Documents.Sample(value =>
        {
            string text = Json.Write(value);
            Assert.All(text, c => Assert.InRange(c, ' ', '~'));
            object? parsed = Json.Parse(text);
            AssertSame(value, parsed);
            // Writing what was read is a fixed point (a double written as "-0" or "1" comes back as a long, hence not text equality).
            string again = Json.Write(parsed);
            Assert.Equal(again, Json.Write(Json.Parse(again)));
        }, iter: Fuzz.RoundTrip);
    }

    /// <summary>Runs the parser; FormatException is its documented reaction to bad text.</summary>
    private static void ParsesOrRejects(string text)
    {
        try
        {
            Json.Parse(text);
        }
        catch (FormatException)
        {
            // Documented.
        }
        try
        {
            Json.ParseObject(text);
        }
        catch (FormatException)
        {
            // Documented.
        }
    }

    private static readonly Gen<string> JsonAlphabet = Gen.Char["{}[]\":,-+0123456789.eEtruefalsn \t\r\n\\/bu"].Array[0, 80].Select(chars => new string(chars));

    private readonly record struct CharEdit(int Kind, int Position, char Value);

    private static string Mutate(string text, CharEdit[] edits)
    {
        var chars = new List<char>(text);
        foreach (CharEdit e in edits)
        {
            int at = chars.Count == 0 ? 0 : e.Position % chars.Count;
            switch (e.Kind)
            {
                case 0 when chars.Count > 0: chars[at] = e.Value; break;
                case 1: chars.Insert(Math.Min(at, chars.Count), e.Value); break;
                case 2 when chars.Count > 0: chars.RemoveAt(at); break;
                case 3: chars.RemoveRange(at, chars.Count - at); break;
                default: break;
            }
        }
        return new string(chars.ToArray());
    }

    [Fact]
    public void Fuzz_json_parse_of_random_and_mutated_text_throws_only_format_errors()
    {
        Gen<CharEdit> edits = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 10_000], Gen.Char["{}[]\":,-.eE0\\u\"tfn \ud800"], (kind, position, value) => new CharEdit(kind, position, value));
        Gen<string> mutated = Gen.Select(Documents.Select(Json.Write), edits.Array[1, 5], Mutate);
        Gen.OneOf(JsonAlphabet, Gen.String, mutated).Sample(ParsesOrRejects, iter: Fuzz.Cheap);
    }

    [Fact]
    public void Fuzz_json_parse_of_deep_nesting_throws_format_errors_not_stack_overflow()
    {
        Gen.Select(Gen.Int[60, 20_000], Gen.OneOf("[", "{\"a\":", "[{\"b\":")).Sample((depth, open) =>
        {
            string text = string.Concat(Enumerable.Repeat(open, depth));
            Assert.Throws<FormatException>(() => Json.Parse(text));
        }, iter: 100);
    }
}
