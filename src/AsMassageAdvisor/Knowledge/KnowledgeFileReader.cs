using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using static AsMassageAdvisor.Knowledge.KnowledgeJson;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// Reads the rule file and the source catalogue strictly, collecting every problem: unknown or missing
/// fields, bad values, repeated codes, citations of unknown sources or sections, unknown trigger names.
/// </summary>
internal static partial class KnowledgeFileReader
{
    private static readonly string[] RuleFileFields = ["knowledgeBase", "version", "requirements", "workflow"];
    private static readonly string[] RequirementFields = ["id", "summary", "origin"];
    private static readonly string[] WorkflowFields = ["WorkflowName", "Rules"];
    private static readonly string[] RuleFields = ["RuleName", "RuleExpressionType", "Expression", "Properties"];

    private static readonly string[] PropertyFields =
    [
        "code", "requirements", "scope", "severity", "basis", "title", "when", "message", "triggers",
        "citations", "status", "version", "lastReviewed", "silentAbove", "change",
    ];

    private static readonly string[] SourceFileFields = ["sources"];
    private static readonly string[] SourceFields = ["id", "label", "doi", "kind", "sections", "sectionNotes"];

    /// <summary>The section name a citation uses for a source that has no sections listed.</summary>
    public const string WholeWork = "whole work";

    public static IReadOnlyList<Source> ReadSources(string json, KnowledgeProblems problems)
    {
        var root = Parse(json, "source catalogue", problems);
        if (root is not { } r || Fields(r, "sources", SourceFileFields, problems) is not { } top)
        {
            return [];
        }

        return ReadSourceList(top, problems);
    }

    public static (string Version, IReadOnlyList<Requirement> Requirements, IReadOnlyList<RuleDefinition> Rules) ReadRules(
        string json, IReadOnlyList<Source> sources, KnowledgeProblems problems)
    {
        var root = Parse(json, "rule file", problems);
        if (root is not { } r || Fields(r, "rules", RuleFileFields, problems) is not { } top)
        {
            return ("", [], []);
        }

        return ReadRules(top, sources, problems);
    }

    /// <summary>
    /// Reads a clinic's rule file: the format of the built-in rule file plus a <c>sources</c> list (the format of
    /// the built-in source catalogue's entries) for the clinic's own catalogue.
    /// </summary>
    public static (string Name, string Version, IReadOnlyList<Source> Sources, IReadOnlyList<Requirement> Requirements, IReadOnlyList<RuleDefinition> Rules) ReadClinicFile(
        string json, KnowledgeProblems problems)
    {
        var root = Parse(json, "clinic rule file", problems);
        if (root is not { } r || Fields(r, "rules", [.. RuleFileFields, "sources"], problems) is not { } top)
        {
            return ("", "", [], [], []);
        }

        var sources = ReadSourceList(top, problems);
        var (version, requirements, rules) = ReadRules(top, sources, problems);
        var name = top.TryGetValue("knowledgeBase", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        return (name, version, sources, requirements, rules);
    }

    private static IReadOnlyList<Source> ReadSourceList(Dictionary<string, JsonElement> top, KnowledgeProblems problems)
    {
        var sources = new List<Source>();
        if (!top.TryGetValue("sources", out var list))
        {
            problems.Add("sources", "'sources' is required");
            return [];
        }

        foreach (var (element, at) in Array(list, "sources", "sources", problems))
        {
            if (Fields(element, at, SourceFields, problems) is not { } f)
            {
                continue;
            }

            var id = Text(f, "id", at, problems);
            var sections = f.TryGetValue("sections", out var s)
                ? Array(s, at + ".sections", "sections", problems).Select(x => x.Element.ValueKind == JsonValueKind.String ? x.Element.GetString()! : "").ToArray()
                : [];
            if (sources.Any(x => x.Id == id))
            {
                problems.Add(at, $"source '{id}' is listed twice");
            }

            sources.Add(new Source(id, Text(f, "label", at, problems), OptionalText(f, "doi", at, problems), Text(f, "kind", at, problems), sections.AsReadOnly()));
        }

        if (sources.Count == 0)
        {
            problems.Add("sources", "the catalogue lists no source");
        }

        return sources.OrderBy(x => x.Id, StringComparer.Ordinal).ToArray().AsReadOnly();
    }

    private static (string Version, IReadOnlyList<Requirement> Requirements, IReadOnlyList<RuleDefinition> Rules) ReadRules(
        Dictionary<string, JsonElement> top, IReadOnlyList<Source> sources, KnowledgeProblems problems)
    {
        var version = Text(top, "version", "rules", problems);
        var requirements = ReadRequirements(top, problems);
        var before = problems.Count;
        var rules = ReadWorkflow(top, sources, problems);

        // A rule that could not be read is left out of the rules: the requirements it implements would then be
        // reported as implemented by no rule, a problem that follows from the first. Each root problem is named once.
        var everyRuleRead = problems.Count == before;
        foreach (var rule in rules)
        {
            foreach (var id in rule.Requirements.Where(id => requirements.All(q => q.Id != id)))
            {
                problems.Add(new KnowledgeBaseProblem(rule.Code, "requirements", $"'{id}' is not listed under 'requirements'"));
            }
        }

        foreach (var requirement in requirements.Where(q => everyRuleRead && rules.All(x => !x.Requirements.Contains(q.Id))))
        {
            problems.Add("requirements", $"{requirement.Id} is implemented by no rule");
        }

        return (version, requirements, rules);
    }

    private static IReadOnlyList<Requirement> ReadRequirements(Dictionary<string, JsonElement> top, KnowledgeProblems problems)
    {
        if (!top.TryGetValue("requirements", out var list))
        {
            problems.Add("rules", "'requirements' is required");
            return [];
        }

        var requirements = new List<Requirement>();
        foreach (var (element, at) in Array(list, "requirements", "requirements", problems))
        {
            if (Fields(element, at, RequirementFields, problems) is not { } f)
            {
                continue;
            }

            var requirement = new Requirement(Text(f, "id", at, problems), Text(f, "summary", at, problems), Text(f, "origin", at, problems));
            if (!RequirementPattern().IsMatch(requirement.Id))
            {
                problems.Add($"{at}.id", $"'{requirement.Id}' is not a requirement ID like K01");
            }

            if (requirements.Any(q => q.Id == requirement.Id))
            {
                problems.Add($"{at}.id", $"'{requirement.Id}' is listed twice");
            }

            requirements.Add(requirement);
        }

        return requirements.OrderBy(q => q.Id, StringComparer.Ordinal).ToArray().AsReadOnly();
    }

    private static IReadOnlyList<RuleDefinition> ReadWorkflow(
        Dictionary<string, JsonElement> top, IReadOnlyList<Source> sources, KnowledgeProblems problems)
    {
        Text(top, "knowledgeBase", "rules", problems);
        if (!top.TryGetValue("workflow", out var wf) || Fields(wf, "workflow", WorkflowFields, problems) is not { } workflow)
        {
            if (!top.ContainsKey("workflow"))
            {
                problems.Add("rules", "'workflow' is required");
            }

            return [];
        }

        Text(workflow, "WorkflowName", "workflow", problems);
        var rules = new List<RuleDefinition>();
        if (!workflow.TryGetValue("Rules", out var list))
        {
            problems.Add("workflow", "'Rules' is required");
            return [];
        }

        foreach (var (element, at) in Array(list, "workflow.Rules", "Rules", problems))
        {
            if (ReadRule(element, at, sources, problems) is { } rule)
            {
                if (rules.Any(x => x.Code == rule.Code))
                {
                    problems.Add(at, $"the code '{rule.Code}' is used by another rule");
                }

                rules.Add(rule);
            }
        }

        if (rules.Count == 0)
        {
            problems.Add("workflow.Rules", "the rule file holds no rule");
        }

        return rules.OrderBy(x => x.Code, StringComparer.Ordinal).ToArray().AsReadOnly();
    }

    private static RuleDefinition? ReadRule(JsonElement element, string at, IReadOnlyList<Source> sources, KnowledgeProblems problems)
    {
        if (Fields(element, at, RuleFields, problems) is not { } f)
        {
            return null;
        }

        var count = problems.Count;
        var name = Text(f, "RuleName", at, problems);
        problems.Rule = name;
        var expression = Text(f, "Expression", at, problems);
        problems.Rule = null;
        if (f.TryGetValue("RuleExpressionType", out var type) && (type.ValueKind != JsonValueKind.String || type.GetString() != "LambdaExpression"))
        {
            problems.Add($"{at}.RuleExpressionType", $"only 'LambdaExpression' is supported");
        }

        if (!f.TryGetValue("Properties", out var props) || Fields(props, at + ".Properties", PropertyFields, problems) is not { } p)
        {
            if (!f.ContainsKey("Properties"))
            {
                problems.Add(at, $"'Properties' (the rule's metadata) is required");
            }

            return null;
        }

        // Every problem from here on names the rule.
        problems.Rule = name;
        try
        {
            return ReadProperties(p, at, name, expression, sources, problems, count);
        }
        finally
        {
            problems.Rule = null;
        }
    }

    private static RuleDefinition? ReadProperties(
        Dictionary<string, JsonElement> p, string where, string name, string expression, IReadOnlyList<Source> sources, KnowledgeProblems problems, int count)
    {
        var code = Text(p, "code", where, problems);
        if (code.Length > 0 && !CodePattern().IsMatch(code))
        {
            problems.Add($"{where}.code", $"'{code}' is not a rule code like ASM-001");
        }

        if (code != name)
        {
            problems.Add(where, $"RuleName '{name}' and code '{code}' must be the same");
        }

        var requirements = TextList(p, "requirements", where, problems);
        foreach (var requirement in requirements.Where(x => !RequirementPattern().IsMatch(x)))
        {
            problems.Add($"{where}.requirements", $"'{requirement}' is not a requirement ID like K01");
        }

        var scope = EnumValue<RuleScope>(p, "scope", where, problems);
        var triggers = TextList(p, "triggers", where, problems);
        foreach (var trigger in triggers.Where(t => !TriggerVocabulary.Names.Contains(t)))
        {
            problems.Add($"{where}.triggers", $"'{trigger}' is not a known trigger; known: {string.Join(", ", TriggerVocabulary.Names)}");
        }

        if (scope == RuleScope.Item && !triggers.Contains(TriggerVocabulary.Item))
        {
            problems.Add($"{where}.triggers", $"an item rule must list '{TriggerVocabulary.Item}'");
        }

        if (scope == RuleScope.Patient && triggers.Contains(TriggerVocabulary.Item))
        {
            problems.Add($"{where}.triggers", $"'{TriggerVocabulary.Item}' belongs to item rules only");
        }

        var citations = new List<RuleCitation>();
        var cited = 0;
        if (p.TryGetValue("citations", out var c))
        {
            foreach (var (ce, cat) in Array(c, where + ".citations", "citations", problems))
            {
                cited++;
                if (RuleCitationReader.Read(ce, cat, sources, problems) is { } citation)
                {
                    citations.Add(citation);
                }
            }
        }

        // A citation that was given but could not be read has its own problem already.
        if (cited == 0)
        {
            problems.Add($"{where}.citations", $"a rule needs at least one citation");
        }

        var reviewed = Text(p, "lastReviewed", where, problems);
        if (!DateOnly.TryParseExact(reviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lastReviewed) && reviewed.Length > 0)
        {
            problems.Add($"{where}.lastReviewed", $"'{reviewed}' is not a date like 2026-01-31");
        }

        var rule = new RuleDefinition
        {
            Code = code,
            Requirements = requirements,
            Scope = scope,
            Severity = EnumValue<Severity>(p, "severity", where, problems),
            Basis = EnumValue<Basis>(p, "basis", where, problems),
            Title = Text(p, "title", where, problems),
            When = Text(p, "when", where, problems),
            Message = Text(p, "message", where, problems),
            Triggers = triggers,
            Citations = citations.AsReadOnly(),
            Status = EnumValue<RuleStatus>(p, "status", where, problems),
            Version = Text(p, "version", where, problems),
            LastReviewed = lastReviewed,
            SilentAbove = p.ContainsKey("silentAbove") ? EnumValue<Severity>(p, "silentAbove", where, problems) : null,
            Change = p.TryGetValue("change", out var change) ? RuleChangeReader.Read(change, where + ".change", scope, problems) : null,
            Expression = expression,
        };
        return problems.Count == count ? rule : null;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]{1,9}-[A-Z0-9][A-Z0-9-]{0,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Z][0-9]{2,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex RequirementPattern();
}
