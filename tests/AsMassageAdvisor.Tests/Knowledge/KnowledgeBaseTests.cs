using System.Text.Json.Nodes;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    [Fact]
    public void The_built_in_knowledge_base_loads_with_a_version_and_a_content_hash()
    {
        var kb = KnowledgeBase.BuiltIn;

        kb.Identity.Version.Should().Be("3.0.0");
        kb.Identity.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
        kb.Rules.Should().HaveCount(46);
        kb.ActiveRules.Should().HaveCount(45, "ASM-024 is retired");
        kb.Sources.Select(s => s.Id).Should().Equal("R1", "R2", "R3", "R4", "R5", "R6", "S0");
    }

    [Fact]
    public void Loading_the_same_files_twice_gives_the_same_identity()
    {
        var first = KnowledgeBase.Load(TestKnowledge.RulesJson, TestKnowledge.SourcesJson);
        var second = KnowledgeBase.Load(TestKnowledge.RulesJson, TestKnowledge.SourcesJson);

        second.Identity.Should().Be(first.Identity);
        first.Identity.Should().Be(KnowledgeBase.BuiltIn.Identity);
    }

    [Fact]
    public void Any_change_to_a_rule_changes_the_content_hash()
    {
        var changed = TestKnowledge.AlterRules(root => TestKnowledge.Rule(root, "ASM-001")["Properties"]!["title"] = "Changed title");

        KnowledgeBase.Load(changed, TestKnowledge.SourcesJson).Identity.Sha256
            .Should().NotBe(KnowledgeBase.BuiltIn.Identity.Sha256);
    }

    [Theory]
    [InlineData("patient.Ankylosis ==", "ASM-001")]
    [InlineData("patient.NoSuchFact == 1", "ASM-001")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "ASM-001")]
    public void A_rule_whose_expression_does_not_compile_is_rejected_at_load(string expression, string code)
    {
        var json = TestKnowledge.AlterRules(root => TestKnowledge.Rule(root, code)["Expression"] = expression);

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>()
            .Which.Problems.Select(problem => problem.ToString()).ToList().Should().ContainSingle(p => p.StartsWith(code + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_that_throws_on_the_warm_up_input_is_rejected_at_load()
    {
        // The warm-up patient lists one fused region, so reading a sixth one throws.
        var json = TestKnowledge.AlterRules(root => TestKnowledge.Rule(root, "ASM-021")["Expression"] = "patient.AnkylosedRegions[5] == BodyRegion.Cervical");

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().Contain(p => p.StartsWith("ASM-021", StringComparison.Ordinal));
    }

    public static TheoryData<string, Action<JsonObject>, string> BrokenMetadata => new()
    {
        { "unknown source", r => Cite(r, "S9", "Risks"), "'S9' is not in the source catalogue" },
        { "unknown section", r => Cite(r, "S0", "Conclusion"), "'Conclusion' is not a section of S0" },
        { "missing title", r => Props(r).Remove("title"), "'title' is required" },
        { "unknown metadata field", r => Props(r)["colour"] = "red", "colour: unknown field" },
        { "bad severity", r => Props(r)["severity"] = "severe", "'severe' is not allowed" },
        { "bad basis", r => Props(r)["basis"] = "guessed", "'guessed' is not allowed" },
        { "no citation", r => Props(r)["citations"] = new JsonArray(), "at least one citation" },
        { "unknown trigger", r => Props(r)["triggers"] = new JsonArray("item", "mood"), "'mood' is not a known trigger" },
        { "item rule without the item trigger", r => Props(r)["triggers"] = new JsonArray("ankylosis"), "must list 'item'" },
        { "code and name differ", r => Props(r)["code"] = "ASM-999", "must be the same" },
        { "bad review date", r => Props(r)["lastReviewed"] = "last week", "not a date" },
        { "unlisted requirement", r => Props(r)["requirements"] = new JsonArray("K01", "K99"), "'K99' is not listed" },
        { "evidence level outside the scheme", r => Props(r)["citations"]![0]!["evidence"]!["level"] = "Z", "'Z' is not a SORT level" },
    };

    [Theory]
    [MemberData(nameof(BrokenMetadata))]
    public void Incomplete_or_wrong_metadata_is_rejected_with_a_message_naming_it(string what, Action<JsonObject> breakRule, string expected)
    {
        var json = TestKnowledge.AlterRules(root => breakRule(TestKnowledge.Rule(root, "ASM-001")));

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>(what).Which.Problems.Select(problem => problem.ToString()).ToList().Should().Contain(p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_rules_with_one_code_are_rejected()
    {
        var json = TestKnowledge.AlterRules(root =>
        {
            var copy = TestKnowledge.Rule(root, "ASM-001").DeepClone();
            root["workflow"]!["Rules"]!.AsArray().Add(copy);
        });

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().Contain(p => p.Contains("'ASM-001' is used by another rule", StringComparison.Ordinal));
    }

    [Fact]
    public void A_requirement_that_no_rule_implements_is_rejected()
    {
        var json = TestKnowledge.AlterRules(root =>
            root["requirements"]!.AsArray().Add(new JsonObject { ["id"] = "K98", ["summary"] = "Untested idea.", ["origin"] = "test" }));

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().Contain("requirements: K98 is implemented by no rule");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var json = TestKnowledge.AlterRules(root =>
        {
            Props(TestKnowledge.Rule(root, "ASM-001")).Remove("title");
            Props(TestKnowledge.Rule(root, "ASM-002"))["severity"] = "severe";
            Cite(TestKnowledge.Rule(root, "ASM-003"), "S7", "Risks");
        });

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().HaveCountGreaterThanOrEqualTo(3);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"knowledgeBase\": \"x\", \"version\": \"1\"}")]
    [InlineData("[]")]
    public void A_rule_file_that_is_not_a_rule_file_is_rejected(string json)
    {
        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().NotBeEmpty();
    }

    [Fact]
    [Trait("Rule", "ASM-021")]
    public void A_rule_that_is_not_in_production_runs_only_when_its_status_is_asked_for()
    {
        var json = TestKnowledge.AlterRules(root => TestKnowledge.Rule(root, "ASM-021")["Properties"]!["status"] = "testing");
        var byDefault = KnowledgeBase.Load(json, TestKnowledge.SourcesJson);
        var withTesting = KnowledgeBase.Load(json, TestKnowledge.SourcesJson, [RuleStatus.Production, RuleStatus.Testing]);
        var smoker = new AssessmentRequest(
            new PatientStatus { Smoker = Answer.Yes },
            new SessionPlan { Items = [new PlanItem(Technique.Effleurage, BodyRegion.Legs, Pressure.Light)] });

        byDefault.Rules.Should().Contain(r => r.Code == "ASM-021");
        byDefault.ActiveRules.Should().NotContain(r => r.Code == "ASM-021");
        new Advisor(byDefault).Assess(smoker).Advisories.Should().NotContain(a => a.Code == "ASM-021");
        new Advisor(withTesting).Assess(smoker).Advisories.Should().Contain(a => a.Code == "ASM-021");
    }

    private static JsonObject Props(JsonObject rule) => rule["Properties"]!.AsObject();

    private static void Cite(JsonObject rule, string source, string section) =>
        Props(rule)["citations"] = new JsonArray(new JsonObject
        {
            ["source"] = source,
            ["section"] = section,
            ["evidence"] = new JsonObject { ["scheme"] = "SORT", ["level"] = "C" },
        });
}
