using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using AsMassageAdvisor.Cli;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Docs;

/// <summary>
/// Keeps the generated docs true: docs/rules.md and docs/traceability.md must equal what the knowledge base
/// and the test suite give now. Run the tests with UPDATE_DOCS=1 to rewrite them.
/// </summary>
public sealed partial class GeneratedDocsTests
{
    [Fact]
    public void The_rule_catalogue_is_up_to_date()
    {
        AssertGenerated(RepositoryFiles.Path("docs", "rules.md"), RuleCatalogueMarkdown.Render(KnowledgeBase.BuiltIn));
    }

    [Fact]
    public void The_traceability_matrix_is_up_to_date()
    {
        AssertGenerated(RepositoryFiles.Path("docs", "traceability.md"), Traceability.Render(KnowledgeBase.BuiltIn));
    }

    [Fact]
    public void Every_rule_has_tests_that_name_it()
    {
        var tested = Traceability.TestsByRule();

        KnowledgeBase.BuiltIn.Rules.Select(r => r.Code).Where(code => !tested.ContainsKey(code) || tested[code].Count < 2)
            .Should().BeEmpty("every rule needs a test or scenario that fires it and one that keeps it silent (BuiltInScenarioTests holds the scenarios to both)");
    }

    [Fact]
    public void The_hazard_log_points_at_tests_that_exist()
    {
        var log = File.ReadAllText(RepositoryFiles.Path("docs", "safety", "hazard-log.md"));
        var named = TestReference().Matches(log).Select(m => m.Groups[1].Value).Distinct().ToList();
        var existing = Traceability.AllTests().ToHashSet(StringComparer.Ordinal);

        named.Should().HaveCountGreaterThan(10, "every control names the tests that check it");
        named.Where(n => !existing.Contains(n)).Should().BeEmpty("a hazard log control must name a real test (Class.Method)");
    }

    [Fact]
    public void The_hazard_log_names_only_rules_that_exist()
    {
        var log = File.ReadAllText(RepositoryFiles.Path("docs", "safety", "hazard-log.md"));
        var codes = RuleCode().Matches(log).Select(m => m.Value).Distinct();

        codes.Should().NotBeEmpty().And.OnlyContain(c => KnowledgeBase.BuiltIn.Rules.Any(r => r.Code == c));
    }

    internal static void AssertGenerated(string path, string expected)
    {
        if (RepositoryFiles.UpdateDocs)
        {
            File.WriteAllText(path, expected, new UTF8Encoding(false));
        }

        File.Exists(path).Should().BeTrue($"{path} is generated; run the tests with UPDATE_DOCS=1 to write it");
        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(expected, $"{path} is out of date; run the tests with UPDATE_DOCS=1 to regenerate it");
    }

    [GeneratedRegex(@"`([A-Z][A-Za-z]+Tests\.[A-Za-z0-9_]+)`")]
    private static partial Regex TestReference();

    [GeneratedRegex(@"ASM-[0-9]{3}")]
    private static partial Regex RuleCode();
}

/// <summary>
/// Requirement → rules → tests, from the knowledge base, the [Trait("Rule", code)] marks on tests and the rule codes
/// each scenario of tests/scenarios expects to fire or to stay silent.
/// </summary>
internal static class Traceability
{
    public static IEnumerable<MethodInfo> TestMethods() =>
        typeof(Traceability).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any());

    public static IEnumerable<string> AllTests() => TestMethods().Select(Name);

    public static Dictionary<string, List<string>> TestsByRule()
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var method in TestMethods())
        {
            foreach (var trait in method.CustomAttributes.Where(a => a.AttributeType == typeof(TraitAttribute)))
            {
                if ((string?)trait.ConstructorArguments[0].Value == "Rule" && trait.ConstructorArguments[1].Value is string code)
                {
                    if (!map.TryGetValue(code, out var list))
                    {
                        map[code] = list = [];
                    }

                    list.Add(Name(method));
                }
            }
        }

        foreach (var scenario in ScenarioFiles.Suite.Scenarios)
        {
            foreach (var code in scenario.Fires.Select(f => f.Rule).Concat(scenario.Silent).Distinct(StringComparer.Ordinal))
            {
                if (!map.TryGetValue(code, out var list))
                {
                    map[code] = list = [];
                }

                list.Add($"{Path.GetFileName(scenario.File)}: {scenario.Name}");
            }
        }

        foreach (var list in map.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return map;
    }

    public static string Render(KnowledgeBase kb)
    {
        var tests = TestsByRule();
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line("# Traceability: requirement → rules → tests");
        Line();
        Line("Generated by `GeneratedDocsTests` from the knowledge base, the `[Trait(\"Rule\", code)]` marks on tests and the");
        Line("scenario files in `tests/scenarios` (listed as `file: scenario`, run by `BuiltInScenarioTests` and by `rules test`);");
        Line("do not edit by hand (run the tests with `UPDATE_DOCS=1` to regenerate). A test fails when this file is out of date.");
        Line("Requirement texts are in [rules.md](rules.md#requirements): the clinical requirements (K01–K33) and what");
        Line("the catalogue adds from the article itself (X01–X07).");
        Line();
        Line("| requirement | rules | tests |");
        Line("|---|---|---|");
        foreach (var q in kb.Requirements)
        {
            var rules = kb.Rules.Where(r => r.Requirements.Contains(q.Id)).Select(r => r.Code).ToList();
            var names = rules.SelectMany(code => tests.GetValueOrDefault(code) ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
            Line($"| {q.Id} | {string.Join(", ", rules)} | {names.Count} tests |");
        }

        foreach (var rule in kb.Rules)
        {
            Line();
            Line($"## {rule.Code}: {rule.Title}");
            Line();
            Line($"Requirements: {string.Join(", ", rule.Requirements)}. Tests:");
            Line();
            foreach (var name in tests.GetValueOrDefault(rule.Code) ?? [])
            {
                Line($"- `{name}`");
            }
        }

        return md.ToString();
    }

    private static string Name(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";
}
