using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Hostile;

/// <summary>
/// A corpus of malformed and mutated requests, built deterministically (fixed seeds, fixed lists) from the
/// bundled valid examples. The same build of the tests always makes the same cases in the same order.
/// </summary>
internal static class HostileCorpus
{
    public const string Truncation = "truncation";
    public const string WrongTypes = "wrong-types";
    public const string Numbers = "numbers";
    public const string DeepNesting = "deep-nesting";
    public const string LongStrings = "long-strings";
    public const string ManyKeys = "many-keys";
    public const string DuplicateKeys = "duplicate-keys";
    public const string Encodings = "encodings";
    public const string UnknownFields = "unknown-fields";
    public const string Mutants = "mutants";

    /// <summary>The examples that are valid requests; every case is derived from them.</summary>
    public static readonly string[] ValidExamples = ["gentle-plan.json", "manipulation-ankylosed-neck.json", "unknown-ankylosis.json"];

    /// <summary>The example cut at every prefix length (the richest one).</summary>
    public const string TruncatedExample = "manipulation-ankylosed-neck.json";

    public static readonly string[] Categories =
        [Truncation, WrongTypes, Numbers, DeepNesting, LongStrings, ManyKeys, DuplicateKeys, Encodings, UnknownFields, Mutants];

    /// <summary>Random mutants made from each valid example.</summary>
    public const int MutantsPerExample = 1200;

    private const int MaxBytes = AssessmentRequestJson.MaxBytes;

    // Placeholders put into a parsed example and then replaced, as bytes, by raw (possibly broken) JSON.
    private const string Hole = "@@HOLE@@";
    private const string KeyHole = "@@KEY@@";

    private static readonly Lazy<IReadOnlyList<HostileCase>> AllCases =
        new(() => Categories.SelectMany(Generate).ToArray(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every case of every category.</summary>
    public static IReadOnlyList<HostileCase> All => AllCases.Value;

    public static IReadOnlyList<HostileCase> Of(string category) => All.Where(c => c.Category == category).ToArray();

    public static byte[] Example(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "examples", name));

    private static IEnumerable<HostileCase> Generate(string category) => category switch
    {
        Truncation => TruncationCases(),
        WrongTypes => WrongTypeCases(),
        Numbers => NumberCases(),
        DeepNesting => DeepNestingCases(),
        LongStrings => LongStringCases(),
        ManyKeys => ManyKeyCases(),
        DuplicateKeys => DuplicateKeyCases(),
        Encodings => EncodingCases(),
        UnknownFields => UnknownFieldCases(),
        Mutants => MutantCases(),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "no such category"),
    };

    // ---- truncation -------------------------------------------------------------------------------

    private static IEnumerable<HostileCase> TruncationCases()
    {
        var full = Example(TruncatedExample);
        for (var length = 0; length <= full.Length; length++)
        {
            yield return new HostileCase(Truncation, $"{TruncatedExample}[..{Int(length)}]", full[..length]);
        }
    }

    // ---- wrong types ------------------------------------------------------------------------------

    private static readonly string[] WrongValues =
    [
        "null", "true", "false", "0", "-1", "3.5", "1e400", "\"\"", "\"x\"", "\"STABLE\"", "\"Yes\"", "\"2026-02-30\"",
        "[]", "{}", "[null]", "[[]]", "{\"\":null}", "[\"cervical\"]", "{\"technique\":\"effleurage\"}",
    ];

    private static IEnumerable<HostileCase> WrongTypeCases()
    {
        foreach (var example in ValidExamples)
        {
            foreach (var path in Paths(Tree(example), []))
            {
                foreach (var wrong in WrongValues)
                {
                    yield return new HostileCase(WrongTypes, $"{example} {PathName(path)} = {wrong}", Replace(example, path, Utf8(wrong)));
                }

                if (path.Length > 0)
                {
                    var tree = Tree(example);
                    Remove(tree, path);
                    yield return new HostileCase(WrongTypes, $"{example} {PathName(path)} removed", Utf8(tree.ToJsonString()));
                }
            }
        }
    }

    // ---- numbers ----------------------------------------------------------------------------------

    private static readonly string[] NumberTokens =
    [
        // Valid JSON numbers, most of them not a whole number from 0 to 10.
        "1e400", "-1e400", "1e-400", "99999999999999999999", "-99999999999999999999", "-0", "0", "-0.0", "0.0", "1.0",
        "3.0", "10", "11", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
        "9223372036854775808", "1E1", "1e+1", "10e-1", "0.5", "3.0000000000000001", "5e0", "123456789e-8",
        "1" + new string('0', 400), "0." + new string('0', 400) + "1", "-" + new string('9', 5000),
        // Not JSON numbers.
        "01", "+1", ".5", "1.", "NaN", "Infinity", "-Infinity", "0x10", "1e", "--1", "1_000", "\u0663", "1 2", "1,2", "0e", "-",
    ];

    private static IEnumerable<HostileCase> NumberCases()
    {
        object[][] places =
        [
            ["patient", "painScore"], ["patient", "statusConfirmedOn"], ["plan", "items", 0, "technique"], ["plan", "goals", 0], ["plan", "items", 0],
        ];
        foreach (var place in places)
        {
            foreach (var token in NumberTokens)
            {
                yield return new HostileCase(Numbers, $"{PathName(place)} = {Shorten(token)}", Replace("gentle-plan.json", place, Utf8(token)));
            }
        }
    }

    // ---- deep nesting -----------------------------------------------------------------------------

    private static IEnumerable<HostileCase> DeepNestingCases()
    {
        foreach (var depth in new[] { 15, 16, 17, 18, 64, 256, 1000, 5000, 100_000 })
        {
            var arrays = Repeat("[", depth) + Repeat("]", depth);
            var objects = Repeat("{\"a\":", depth) + "1" + Repeat("}", depth);
            yield return new HostileCase(DeepNesting, $"arrays x{Int(depth)}", Utf8(arrays));
            yield return new HostileCase(DeepNesting, $"objects x{Int(depth)}", Utf8(objects));
            yield return new HostileCase(DeepNesting, $"$.patient.smoker = arrays x{Int(depth)}", Replace("gentle-plan.json", ["patient", "smoker"], Utf8(arrays)));
            yield return new HostileCase(DeepNesting, $"$.patient.zz = objects x{Int(depth)}", AddField("gentle-plan.json", ["patient"], "\"zz\"", Utf8(objects)));
            yield return new HostileCase(
                DeepNesting,
                $"$.plan.items = item in arrays x{Int(depth)}",
                Replace("gentle-plan.json", ["plan", "items"], Utf8(Repeat("[", depth) + "{\"technique\":\"effleurage\",\"region\":\"legs\"}" + Repeat("]", depth))));
        }

        yield return new HostileCase(DeepNesting, "unclosed arrays x100000", Utf8(Repeat("[", 100_000)));
        yield return new HostileCase(DeepNesting, "unclosed objects x100000", Utf8(Repeat("{\"a\":", 100_000)));
        yield return new HostileCase(DeepNesting, "unclosed [{\"a\": x50000", Utf8(Repeat("[{\"a\":", 50_000)));
        yield return new HostileCase(DeepNesting, "alternating [{\"a\": x20000 closed", Utf8(Repeat("[{\"a\":", 20_000) + "0" + Repeat("}]", 20_000)));
        yield return new HostileCase(DeepNesting, "closers only x100000", Utf8(Repeat("]}", 100_000)));
    }

    // ---- long strings -----------------------------------------------------------------------------

    private static IEnumerable<HostileCase> LongStringCases()
    {
        const string example = "gentle-plan.json";
        var megabyte = new string('a', 1_000_000);
        object[][] places = [["patient", "smoker"], ["plan", "goals", 0], ["plan", "items", 0, "technique"], ["patient", "statusConfirmedOn"]];
        foreach (var place in places)
        {
            yield return new HostileCase(LongStrings, $"{PathName(place)} = 1 MB string", Replace(example, place, Utf8(Quote(megabyte))));
            foreach (var target in new[] { MaxBytes, MaxBytes + 1 })
            {
                var size = Replace(example, place, Utf8("\"\"")).Length;
                yield return new HostileCase(
                    LongStrings, $"{PathName(place)} = string making the request {Int(target)} bytes", Replace(example, place, Utf8(Quote(new string('b', target - size)))));
            }
        }

        yield return new HostileCase(LongStrings, "$.patient.zz = 1 MB string (unknown field)", AddField(example, ["patient"], "\"zz\"", Utf8(Quote(megabyte))));
        yield return new HostileCase(LongStrings, "$.patient.<1 MB name>", AddField(example, ["patient"], Quote(megabyte), Utf8("0")));
        yield return new HostileCase(LongStrings, "$.patient.smoker = 170000 \\u0041 escapes", Replace(example, ["patient", "smoker"], Utf8(Quote(Repeat("\\u0041", 170_000)))));
        yield return new HostileCase(LongStrings, "$.patient.smoker = 400000 \\\\ escapes", Replace(example, ["patient", "smoker"], Utf8(Quote(Repeat("\\\\", 400_000)))));
        yield return new HostileCase(LongStrings, "$.patient.smoker = 340000 euro signs", Replace(example, ["patient", "smoker"], Utf8(Quote(new string('€', 340_000)))));
        yield return new HostileCase(LongStrings, "$.patient.smoker = 80000 escaped surrogate pairs", Replace(example, ["patient", "smoker"], Utf8(Quote(Repeat("\\ud83d\\ude00", 80_000)))));
        yield return new HostileCase(LongStrings, "$.patient.smoker = 2 MB string", Replace(example, ["patient", "smoker"], Utf8(Quote(new string('c', 2_000_000)))));
        yield return new HostileCase(LongStrings, "$.patient.smoker = 16 MB string", Replace(example, ["patient", "smoker"], Utf8(Quote(new string('d', 16_000_000)))));
        yield return new HostileCase(LongStrings, "$.patient.smoker = unterminated 1 MB string", Replace(example, ["patient", "smoker"], Utf8("\"" + megabyte)));

        var valid = Example(example);
        foreach (var target in new[] { MaxBytes, MaxBytes + 1 })
        {
            yield return new HostileCase(LongStrings, $"whitespace before a valid request, {Int(target)} bytes in all", [.. Enumerable.Repeat((byte)' ', target - valid.Length), .. valid]);
            yield return new HostileCase(LongStrings, $"whitespace after a valid request, {Int(target)} bytes in all", [.. valid, .. Enumerable.Repeat((byte)'\n', target - valid.Length)]);
        }

        yield return new HostileCase(LongStrings, "1 MB of spaces", Utf8(new string(' ', 1_000_000)));
        yield return new HostileCase(LongStrings, "1 MB string alone", Utf8(Quote(megabyte)));
    }

    // ---- many keys and entries --------------------------------------------------------------------

    // Each unknown field costs the reader tens of microseconds (a spelling hint and a long message), so the
    // corpus keeps to 2000 of them; the full megabyte of unknown fields is a test of its own (a known issue).
    private static IEnumerable<HostileCase> ManyKeyCases()
    {
        const string example = "gentle-plan.json";
        yield return new HostileCase(ManyKeys, "$.patient with 2000 unknown fields", Replace(example, ["patient"], Utf8(Members(2_000, i => $"\"k{Int(i)}\":0"))));
        yield return new HostileCase(ManyKeys, "$.patient with 1000 near-miss fields", Replace(example, ["patient"], Utf8(Members(1_000, i => $"\"smoke{Int(i)}\":\"no\""))));
        yield return new HostileCase(ManyKeys, "$ with 2000 unknown fields", Utf8(Members(2_000, i => $"\"p{Int(i)}\":{{}}")));
        yield return new HostileCase(ManyKeys, "$.plan.items[0] with 2000 unknown fields", Replace(example, ["plan", "items", 0], Utf8(Members(2_000, i => $"\"region{Int(i)}\":\"legs\""))));
        yield return new HostileCase(ManyKeys, "$.patient with 50000 repeated smoker fields", Replace(example, ["patient"], Utf8(Members(50_000, _ => "\"smoker\":\"no\""))));
        yield return new HostileCase(ManyKeys, "$.patient with 2000 empty-named fields", Replace(example, ["patient"], Utf8(Members(2_000, _ => "\"\":0"))));

        const string item = "{\"technique\":\"effleurage\",\"region\":\"legs\",\"pressure\":\"light\"}";
        const string badItem = "{\"technique\":\"shiatsu\",\"region\":\"tail\",\"pressure\":\"crushing\"}";
        foreach (var count in new[] { AssessmentRequestJson.MaxItems, AssessmentRequestJson.MaxItems + 1, 10_000, 15_000 })
        {
            yield return new HostileCase(ManyKeys, $"$.plan.items with {Int(count)} items", Replace(example, ["plan", "items"], Utf8(List(count, _ => item))));
        }

        yield return new HostileCase(ManyKeys, "$.plan.items with 100 invalid items", Replace(example, ["plan", "items"], Utf8(List(100, _ => badItem))));
        yield return new HostileCase(ManyKeys, "$.plan.items with 50000 empty objects", Replace(example, ["plan", "items"], Utf8(List(50_000, _ => "{}"))));

        object[][] lists = [["plan", "goals"], ["patient", "ankylosedRegions"], ["patient", "neurologicalSymptoms"], ["patient", "painfulTechniques"]];
        string[] entries = ["\"relaxation\"", "\"cervical\"", "\"sensoryChanges\"", "\"deepTissue\""];
        for (var i = 0; i < lists.Length; i++)
        {
            var entry = entries[i];
            foreach (var count in new[] { 32, 33, 70_000 })
            {
                yield return new HostileCase(ManyKeys, $"{PathName(lists[i])} with {Int(count)} entries", Replace(example, lists[i], Utf8(List(count, _ => entry))));
            }

            yield return new HostileCase(ManyKeys, $"{PathName(lists[i])} with 100000 nulls", Replace(example, lists[i], Utf8(List(100_000, _ => "null"))));
        }
    }

    // ---- duplicate keys ---------------------------------------------------------------------------

    private static IEnumerable<HostileCase> DuplicateKeyCases()
    {
        const string example = "manipulation-ankylosed-neck.json";
        foreach (var path in Paths(Tree(example), []).Where(p => p.Length > 0 && p[^1] is string))
        {
            var name = (string)path[^1];
            var parent = path[..^1];
            var value = Utf8(Navigate(Tree(example), path)!.ToJsonString());
            yield return new HostileCase(DuplicateKeys, $"{PathName(path)} twice, same value", AddField(example, parent, Quote(name), value));
            yield return new HostileCase(DuplicateKeys, $"{PathName(path)} twice, second null", AddField(example, parent, Quote(name), Utf8("null")));
            yield return new HostileCase(DuplicateKeys, $"{PathName(path)} twice, second spelt with escapes", AddField(example, parent, EscapedName(name), value));
        }

        yield return new HostileCase(DuplicateKeys, "$.patient three times", Splice(AddField(example, [], "\"patient\"", Utf8("{}")), 1, Utf8("\"patient\":{\"smoker\":\"yes\"},")));
        yield return new HostileCase(DuplicateKeys, "$.plan.items[0].technique twice, different values", AddField(example, ["plan", "items", 0], "\"technique\"", Utf8("\"deepTissue\"")));
        yield return new HostileCase(DuplicateKeys, "$.patient.smoker and $.patient.Smoker", AddField(example, ["patient"], "\"Smoker\"", Utf8("\"yes\"")));
    }

    // ---- encodings --------------------------------------------------------------------------------

    private static readonly (string Name, byte[] Bytes)[] BadUtf8 =
    [
        ("CESU-8 surrogate ED A0 80", [0xED, 0xA0, 0x80]),
        ("overlong slash C0 AF", [0xC0, 0xAF]),
        ("overlong NUL C0 80", [0xC0, 0x80]),
        ("FF", [0xFF]),
        ("FE", [0xFE]),
        ("lone continuation 80", [0x80]),
        ("truncated E2 82", [0xE2, 0x82]),
        ("above U+10FFFF F4 90 80 80", [0xF4, 0x90, 0x80, 0x80]),
        ("five-byte F8 88 80 80 80", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("Latin-1 e-acute E9", [0xE9]),
        ("raw NUL", [0x00]),
        ("raw control 1F", [0x1F]),
        ("raw DEL 7F", [0x7F]),
    ];

    private static readonly string[] SurrogateEscapes =
        ["\\ud800", "\\udc00", "\\uD800", "\\udfff", "\\ud800\\u0041", "\\udbff\\udbff", "a\\udfff", "\\ude00\\ud83d", "no\\ud800", "\\ud83d\\ude00", "\\u0000", "no\\u0000"];

    private static IEnumerable<HostileCase> EncodingCases()
    {
        foreach (var example in ValidExamples)
        {
            var bytes = Example(example);
            var text = Encoding.UTF8.GetString(bytes);
            byte[] utf8Bom = [0xEF, 0xBB, 0xBF];
            yield return new HostileCase(Encodings, $"{example} UTF-8 with BOM", [.. utf8Bom, .. bytes]);
            yield return new HostileCase(Encodings, $"{example} UTF-8 with two BOMs", [.. utf8Bom, .. utf8Bom, .. bytes]);
            yield return new HostileCase(Encodings, $"{example} UTF-8 with a BOM after the first brace", [bytes[0], .. utf8Bom, .. bytes[1..]]);
            yield return new HostileCase(Encodings, $"{example} UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
            yield return new HostileCase(Encodings, $"{example} UTF-16 LE without BOM", Encoding.Unicode.GetBytes(text));
            yield return new HostileCase(Encodings, $"{example} UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)]);
            yield return new HostileCase(Encodings, $"{example} UTF-16 BE without BOM", Encoding.BigEndianUnicode.GetBytes(text));
            yield return new HostileCase(Encodings, $"{example} UTF-32 LE with BOM", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)]);
            yield return new HostileCase(Encodings, $"{example} NUL after every byte", bytes.SelectMany(b => new byte[] { b, 0 }).ToArray());
            yield return new HostileCase(Encodings, $"{example} trailing NUL", [.. bytes, 0]);
            yield return new HostileCase(Encodings, $"{example} leading NUL", [0, .. bytes]);
        }

        const string example2 = "gentle-plan.json";
        foreach (var (name, bad) in BadUtf8)
        {
            yield return new HostileCase(Encodings, $"$.patient.smoker = \"n<{name}>o\"", Replace(example2, ["patient", "smoker"], [(byte)'"', (byte)'n', .. bad, (byte)'o', (byte)'"']));
            yield return new HostileCase(Encodings, $"$.patient.<{name}> field name", AddField(example2, ["patient"], "\"@@BAD@@\"", Utf8("0"), bad));
            yield return new HostileCase(Encodings, $"$.patient.zz = \"<{name}>\" (unknown field)", AddField(example2, ["patient"], "\"zz\"", [(byte)'"', .. bad, (byte)'"']));
            yield return new HostileCase(Encodings, $"<{name}> between tokens", Splice(Example(example2), 1, bad));
            yield return new HostileCase(Encodings, $"<{name}> after the document", [.. Example(example2), .. bad]);
        }

        object[][] places = [["patient", "smoker"], ["plan", "goals", 0], ["plan", "items", 0, "technique"], ["patient", "statusConfirmedOn"], ["plan", "sessionDate"]];
        foreach (var escape in SurrogateEscapes)
        {
            foreach (var place in places)
            {
                yield return new HostileCase(Encodings, $"{PathName(place)} = \"{escape}\"", Replace(example2, place, Utf8(Quote(escape))));
            }

            yield return new HostileCase(Encodings, $"$.patient.\"{escape}\" field name", AddField(example2, ["patient"], Quote(escape), Utf8("0")));
            yield return new HostileCase(Encodings, $"$.\"{escape}\" field name", AddField(example2, [], Quote(escape), Utf8("{}")));
            yield return new HostileCase(Encodings, $"$.plan.items[0].\"{escape}\" field name", AddField(example2, ["plan", "items", 0], Quote(escape), Utf8("\"legs\"")));
            yield return new HostileCase(Encodings, $"$.patient.zz = \"{escape}\" (unknown field)", AddField(example2, ["patient"], "\"zz\"", Utf8(Quote(escape))));
        }

        // Only a .NET string can hold a lone surrogate character; the bytes carry its UTF-8 replacement.
        foreach (var lone in new[] { "\uD800", "\uDC00", "no\uDBFF" })
        {
            var template = Encoding.UTF8.GetString(Replace(example2, ["patient", "smoker"], Utf8("\"@@LONE@@\"")));
            var withLone = template.Replace("@@LONE@@", lone, StringComparison.Ordinal);
            yield return new HostileCase(Encodings, $"string overload: $.patient.smoker holds lone surrogate char U+{Hex(lone[^1])}", Encoding.UTF8.GetBytes(withLone), withLone);
            var keyTemplate = Encoding.UTF8.GetString(AddField(example2, ["patient"], "\"@@LONE@@\"", Utf8("0")));
            var keyWithLone = keyTemplate.Replace("@@LONE@@", lone, StringComparison.Ordinal);
            yield return new HostileCase(Encodings, $"string overload: field name holds lone surrogate char U+{Hex(lone[^1])}", Encoding.UTF8.GetBytes(keyWithLone), keyWithLone);
        }

        yield return new HostileCase(Encodings, "whole request in Latin-1 with an e-acute in a value", Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(Replace(example2, ["patient", "smoker"], Utf8("\"caf\u00e9\"")))));
        yield return new HostileCase(Encodings, "Latin-1 no-break space A0 as whitespace", Splice(Example(example2), 1, [0xA0]));
        yield return new HostileCase(Encodings, "UTF-8 no-break space C2 A0 as whitespace", Splice(Example(example2), 1, [0xC2, 0xA0]));
        yield return new HostileCase(Encodings, "empty input", []);
        yield return new HostileCase(Encodings, "BOM only", [0xEF, 0xBB, 0xBF]);
        yield return new HostileCase(Encodings, "UTF-16 LE BOM only", [0xFF, 0xFE]);
        yield return new HostileCase(Encodings, "NUL only", [0]);
        yield return new HostileCase(Encodings, "1 MB of NUL", new byte[1_000_000]);
    }

    // ---- unknown fields ---------------------------------------------------------------------------

    private static readonly string[] UnknownNames =
    [
        "\"x\"", "\"\"", "\" \"", "\"Smoker\"", "\"smoker \"", "\"SMOKER\"", "\"smokr\"", "\"diseaseactivity\"", "\"painscore\"",
        "\"__proto__\"", "\"constructor\"", "\"$type\"", "\"$ref\"", "\"$id\"", "\"\u540d\u524d\"", "\"a\\nb\"", "\"a\\n   at X.Y()\"", "\"\\u0000\"",
        "\"\\ud83d\\ude00\"", Quote(new string('a', 64)), Quote(new string('a', 65)), Quote(new string('a', 200)), Quote(new string('a', 1000)),
        Quote("smoker" + new string('x', 60)), Quote(new string('\u00e9', 70)),
    ];

    private static IEnumerable<HostileCase> UnknownFieldCases()
    {
        const string example = "manipulation-ankylosed-neck.json";
        object[][] objects = [[], ["patient"], ["plan"], ["plan", "items", 1]];
        foreach (var parent in objects)
        {
            foreach (var name in UnknownNames)
            {
                foreach (var value in new[] { "null", "{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"fileName\":\"/etc/passwd\"}" })
                {
                    yield return new HostileCase(UnknownFields, $"{PathName(parent)}.{Shorten(name)} = {Shorten(value)}", AddField(example, parent, name, Utf8(value)));
                }
            }
        }
    }

    // ---- random mutants ---------------------------------------------------------------------------

    private static IEnumerable<HostileCase> MutantCases()
    {
        for (var e = 0; e < ValidExamples.Length; e++)
        {
            var mutator = new Mutator(seed: 20_261_123 + e);
            var original = Example(ValidExamples[e]);
            for (var i = 0; i < MutantsPerExample; i++)
            {
                var (bytes, operations) = mutator.Mutate(original);
                yield return new HostileCase(Mutants, $"{ValidExamples[e]} #{Int(i)}: {operations}", bytes);
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static JsonObject Tree(string example) => JsonNode.Parse(Example(example))!.AsObject();

    /// <summary>Every path in the tree, the root (an empty path) first.</summary>
    private static IEnumerable<object[]> Paths(JsonNode node, object[] prefix)
    {
        yield return prefix;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    foreach (var path in Paths(value!, [.. prefix, key]))
                    {
                        yield return path;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var path in Paths(array[i]!, [.. prefix, i]))
                    {
                        yield return path;
                    }
                }

                break;
        }
    }

    private static JsonNode? Navigate(JsonNode root, object[] path)
    {
        var node = root;
        foreach (var segment in path)
        {
            node = segment switch
            {
                string key => node!.AsObject()[key],
                int index => node!.AsArray()[index],
                _ => throw new ArgumentException("bad path segment", nameof(path)),
            };
        }

        return node;
    }

    private static void Set(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = Navigate(root, path[..^1])!;
        switch (path[^1])
        {
            case string key:
                parent.AsObject()[key] = value;
                break;
            case int index:
                parent.AsArray()[index] = value;
                break;
        }
    }

    private static void Remove(JsonNode root, object[] path)
    {
        var parent = Navigate(root, path[..^1])!;
        switch (path[^1])
        {
            case string key:
                parent.AsObject().Remove(key);
                break;
            case int index:
                parent.AsArray().RemoveAt(index);
                break;
        }
    }

    public static string PathName(object[] path)
    {
        var builder = new StringBuilder("$");
        foreach (var segment in path)
        {
            builder.Append(segment is int index ? $"[{Int(index)}]" : "." + segment);
        }

        return builder.ToString();
    }

    /// <summary>The example with the value at <paramref name="path"/> (the root when empty) replaced by raw bytes.</summary>
    private static byte[] Replace(string example, object[] path, byte[] raw)
    {
        if (path.Length == 0)
        {
            return raw;
        }

        var tree = Tree(example);
        Set(tree, path, JsonValue.Create(Hole));
        return ReplaceOnce(Utf8(tree.ToJsonString()), Utf8(Quote(Hole)), raw);
    }

    /// <summary>
    /// The example with one more member, written last, in the object at <paramref name="parent"/>:
    /// <paramref name="rawName"/> is the quoted name as JSON text; "@@BAD@@" in it is replaced by <paramref name="badBytes"/>.
    /// </summary>
    private static byte[] AddField(string example, object[] parent, string rawName, byte[] rawValue, byte[]? badBytes = null)
    {
        var tree = Tree(example);
        Navigate(tree, parent)!.AsObject()[KeyHole] = JsonValue.Create(Hole);
        var bytes = Utf8(tree.ToJsonString());
        var name = Utf8(rawName);
        if (badBytes is not null)
        {
            name = ReplaceOnce(name, Utf8("@@BAD@@"), badBytes);
        }

        bytes = ReplaceOnce(bytes, Utf8(Quote(KeyHole)), name);
        return ReplaceOnce(bytes, Utf8(Quote(Hole)), rawValue);
    }

    private static byte[] ReplaceOnce(byte[] source, byte[] find, byte[] with)
    {
        var at = source.AsSpan().IndexOf(find);
        if (at < 0)
        {
            throw new InvalidOperationException("placeholder not found");
        }

        return [.. source.AsSpan(0, at), .. with, .. source.AsSpan(at + find.Length)];
    }

    private static byte[] Splice(byte[] source, int at, byte[] insert) => [.. source.AsSpan(0, at), .. insert, .. source.AsSpan(at)];

    private static string EscapedName(string name) =>
        "\"" + name[0] + string.Concat(name.Skip(1).Select(c => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture))) + "\"";

    private static string Members(int count, Func<int, string> member) => "{" + string.Join(",", Enumerable.Range(0, count).Select(member)) + "}";

    private static string List(int count, Func<int, string> entry) => "[" + string.Join(",", Enumerable.Range(0, count).Select(entry)) + "]";

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Quote(string text) => "\"" + text + "\"";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + $"…({Int(text.Length)} chars)";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Hex(char value) => ((int)value).ToString("X4", CultureInfo.InvariantCulture);
}
