using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AsMassageAdvisor.RuleCompiler;

/// <summary>
/// The built-in knowledge base as C# objects (<c>BuiltInKnowledge</c>): what the library's strict reader would make of
/// <c>rules.json</c> and <c>sources.json</c>, written out at build time so that no process reads or hashes them at start.
/// This is a transcription, not a second reader: it checks nothing beyond what it needs to write valid C# (an unknown
/// enum name fails the library's compilation), and a test holds its objects equal, field by field, to the strict
/// reader's. Lists are ordered as the reader orders them: requirements and sources by ID, rules by code.
/// </summary>
internal static class BuiltInKnowledgeWriter
{
    public static string Generate(string rulesJson, string sourcesJson)
    {
        using var rulesDocument = JsonDocument.Parse(rulesJson);
        using var sourcesDocument = JsonDocument.Parse(sourcesJson);
        var root = rulesDocument.RootElement;

        var code = new StringBuilder();
        code.Append('\n');
        code.Append("namespace AsMassageAdvisor.Knowledge\n{\n");
        code.Append("/// <summary>The built-in knowledge base as objects, transcribed from its two JSON files at build time.</summary>\n");
        code.Append("internal static class BuiltInKnowledge\n{\n");
        code.Append(CultureInfo.InvariantCulture, $"    public const string Version = {Program.Literal(Text(root, "version"))};\n\n");
        code.Append("    /// <summary>The knowledge base's identity hash over both files, as <c>KnowledgeBase.Load</c> computes it.</summary>\n");
        code.Append(CultureInfo.InvariantCulture, $"    public const string Sha256 = \"{IdentityHash(("rules", rulesJson), ("sources", sourcesJson))}\";\n\n");

        code.Append("    public static IReadOnlyList<Requirement> Requirements() =>\n    [\n");
        foreach (var q in root.GetProperty("requirements").EnumerateArray().OrderBy(q => Text(q, "id"), StringComparer.Ordinal))
        {
            code.Append(CultureInfo.InvariantCulture, $"        new({Program.Literal(Text(q, "id"))}, {Program.Literal(Text(q, "summary"))}, {Program.Literal(Text(q, "origin"))}),\n");
        }

        code.Append("    ];\n\n");
        code.Append("    public static IReadOnlyList<Source> Sources() =>\n    [\n");
        foreach (var s in sourcesDocument.RootElement.GetProperty("sources").EnumerateArray().OrderBy(s => Text(s, "id"), StringComparer.Ordinal))
        {
            var doi = s.TryGetProperty("doi", out var d) && d.ValueKind != JsonValueKind.Null ? Program.Literal(d.GetString()!) : "null";
            var sections = s.TryGetProperty("sections", out var list) ? StringList(list) : "[]";
            code.Append(CultureInfo.InvariantCulture, $"        new({Program.Literal(Text(s, "id"))}, {Program.Literal(Text(s, "label"))}, {doi}, {Program.Literal(Text(s, "kind"))}, {sections}),\n");
        }

        code.Append("    ];\n\n");
        code.Append("    public static IReadOnlyList<RuleDefinition> Rules() =>\n    [\n");
        foreach (var rule in root.GetProperty("workflow").GetProperty("Rules").EnumerateArray().OrderBy(r => Text(r.GetProperty("Properties"), "code"), StringComparer.Ordinal))
        {
            AppendRule(code, rule);
        }

        code.Append("    ];\n}\n}\n");
        return code.ToString();
    }

    private static void AppendRule(StringBuilder code, JsonElement rule)
    {
        var p = rule.GetProperty("Properties");
        code.Append("        new()\n        {\n");
        Line(code, "Code", Program.Literal(Text(p, "code")));
        Line(code, "Requirements", StringList(p.GetProperty("requirements")));
        Line(code, "Scope", EnumMember("RuleScope", Text(p, "scope")));
        Line(code, "Severity", EnumMember("Severity", Text(p, "severity")));
        Line(code, "Basis", EnumMember("Basis", Text(p, "basis")));
        Line(code, "Title", Program.Literal(Text(p, "title")));
        Line(code, "When", Program.Literal(Text(p, "when")));
        Line(code, "Message", Program.Literal(Text(p, "message")));
        Line(code, "Triggers", StringList(p.GetProperty("triggers")));
        var citations = p.GetProperty("citations").EnumerateArray().Select(c =>
        {
            var evidence = c.GetProperty("evidence");
            return $"new({Program.Literal(Text(c, "source"))}, {Program.Literal(Text(c, "section"))}, new Evidence({Program.Literal(Text(evidence, "scheme"))}, {Program.Literal(Text(evidence, "level"))}))";
        });
        Line(code, "Citations", $"[{string.Join(", ", citations)}]");
        Line(code, "Status", EnumMember("RuleStatus", Text(p, "status")));
        Line(code, "Version", Program.Literal(Text(p, "version")));
        var reviewed = DateOnly.ParseExact(Text(p, "lastReviewed"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Line(code, "LastReviewed", $"new DateOnly({reviewed.Year}, {reviewed.Month}, {reviewed.Day})");
        if (p.TryGetProperty("silentAbove", out var silentAbove))
        {
            Line(code, "SilentAbove", EnumMember("Severity", silentAbove.GetString()!));
        }

        if (p.TryGetProperty("change", out var change))
        {
            var technique = change.TryGetProperty("technique", out var t) ? EnumMember("Technique", t.GetString()!) : "null";
            var pressure = change.TryGetProperty("pressure", out var pr) ? EnumMember("Pressure", pr.GetString()!) : "null";
            Line(code, "Change", $"new RuleChange({EnumMember("ChangeAction", Text(change, "action"))}, {technique}, {pressure})");
        }

        Line(code, "Expression", Program.Literal(Text(rule, "Expression")));
        code.Append("        },\n");
    }

    private static void Line(StringBuilder code, string property, string value) =>
        code.Append(CultureInfo.InvariantCulture, $"            {property} = {value},\n");

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new InvalidOperationException($"'{name}' is null");

    private static string StringList(JsonElement list) =>
        $"[{string.Join(", ", list.EnumerateArray().Select(e => Program.Literal(e.GetString()!)))}]";

    // The JSON names are the camelCase of the C# names; a name that is not a member fails the library's compilation.
    private static string EnumMember(string type, string jsonName) =>
        jsonName.Length == 0 || !jsonName.All(char.IsAsciiLetterOrDigit)
            ? throw new InvalidOperationException($"'{jsonName}' is not a {type} name")
            : $"{type}.{char.ToUpperInvariant(jsonName[0])}{jsonName[1..]}";

    // As KnowledgeBase computes it: every document with its name and length, so that no split of the bytes collides.
    private static string IdentityHash(params (string Name, string Text)[] documents)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var first = true;
        foreach (var (name, text) in documents)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(Encoding.ASCII.GetBytes($"{(first ? "" : "\n")}{name}:{bytes.Length}\n"));
            hash.AppendData(bytes);
            first = false;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
