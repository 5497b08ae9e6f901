using System.Text.Json;
using AsMassageAdvisor.Advice;
using static AsMassageAdvisor.Knowledge.KnowledgeJson;

namespace AsMassageAdvisor.Knowledge;

/// <summary>Reads a rule's citation of a knowledge file, checked against the source catalogue (<see cref="RuleCitation"/>).</summary>
internal static class RuleCitationReader
{
    internal static readonly string[] CitationFields = ["source", "section", "evidence"];
    internal static readonly string[] EvidenceFields = ["scheme", "level"];

    internal static readonly Dictionary<string, string[]> EvidenceLevels = new(StringComparer.Ordinal)
    {
        ["SORT"] = ["A", "B", "C"],
    };

    public static RuleCitation? Read(JsonElement element, string at, IReadOnlyList<Source> sources, KnowledgeProblems problems)
    {
        if (Fields(element, at, CitationFields, problems) is not { } f)
        {
            return null;
        }

        var count = problems.Count;
        var id = Text(f, "source", at, problems);
        var section = Text(f, "section", at, problems);
        var source = sources.FirstOrDefault(s => s.Id == id);
        if (source is null && id.Length > 0)
        {
            problems.Add($"{at}.source", $"'{id}' is not in the source catalogue");
        }
        else if (source is not null && source.Sections.Count > 0 && !source.Sections.Contains(section))
        {
            problems.Add($"{at}.section", $"'{section}' is not a section of {id}; its sections: {string.Join("; ", source.Sections)}");
        }
        else if (source is not null && source.Sections.Count == 0 && section != KnowledgeFileReader.WholeWork)
        {
            problems.Add($"{at}.section", $"{id} has no sections listed; cite it as '{KnowledgeFileReader.WholeWork}'");
        }

        var scheme = "";
        var level = "";
        if (!f.TryGetValue("evidence", out var e))
        {
            problems.Add(at, $"'evidence' is required");
        }
        else if (Fields(e, at + ".evidence", EvidenceFields, problems) is { } ef)
        {
            scheme = Text(ef, "scheme", at + ".evidence", problems);
            level = Text(ef, "level", at + ".evidence", problems);
            if (!EvidenceLevels.TryGetValue(scheme, out var levels))
            {
                problems.Add($"{at}.evidence.scheme", $"'{scheme}' is not a known scheme; known: {string.Join(", ", EvidenceLevels.Keys)}");
            }
            else if (!levels.Contains(level))
            {
                problems.Add($"{at}.evidence.level", $"'{level}' is not a {scheme} level; levels: {string.Join(", ", levels)}");
            }
        }

        return problems.Count == count ? new RuleCitation(id, section, new Evidence(scheme, level)) : null;
    }
}
