using System.Text.Json.Nodes;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>Each way a rule file or source catalogue can be wrong is named, with where it is.</summary>
public sealed class KnowledgeFileReaderTests
{
    public static TheoryData<string, string> BrokenRuleFiles => new()
    {
        { "no workflow", "rules: 'workflow' is required" },
        { "no Rules", "workflow: 'Rules' is required" },
        { "empty Rules", "workflow.Rules: the rule file holds no rule" },
        { "expression type", "workflow.Rules[0].RuleExpressionType: only 'LambdaExpression' is supported" },
        { "no Properties", "workflow.Rules[0]: 'Properties' (the rule's metadata) is required" },
        { "bad code", "workflow.Rules[0] (asm 1).code: 'asm 1' is not a rule code like ASM-001" },
        { "bad requirement id", "workflow.Rules[0] (ASM-001).requirements: 'k-1' is not a requirement ID like K01" },
        { "item trigger on a patient rule", "workflow.Rules[7] (ASM-008).triggers: 'item' belongs to item rules only" },
        { "no evidence", "workflow.Rules[0] (ASM-001).citations[0]: 'evidence' is required" },
        { "unknown scheme", "workflow.Rules[0] (ASM-001).citations[0].evidence.scheme: 'GRADE' is not a known scheme; known: SORT" },
        { "unknown source", "workflow.Rules[0] (ASM-001).citations[0].source: 'S9' is not in the source catalogue" },
        { "a section of a source without sections", "workflow.Rules[10] (ASM-011).citations[2].section: R6 has no sections listed; cite it as 'whole work'" },
        { "not an object", "rules: must be an object" },
        { "workflow not an object", "workflow: must be an object" },
    };

    [Theory]
    [MemberData(nameof(BrokenRuleFiles))]
    public void A_broken_rule_file_is_rejected_naming_the_problem_and_its_place(string change, string problem)
    {
        var json = change == "not an object" ? "[]" : TestKnowledge.AlterRules(root => Break(root, change));

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().Contain(problem);
    }

    [Fact]
    public void A_rule_file_that_is_not_json_is_named_as_such()
    {
        var load = () => KnowledgeBase.Load("{ \"version\": ", TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().ContainSingle(p => p.StartsWith("the rule file is not valid JSON: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_given_twice_is_named()
    {
        var json = TestKnowledge.RulesJson.Replace("\"knowledgeBase\": \"as-massage-advisor\",", "\"knowledgeBase\": \"as-massage-advisor\", \"version\": \"0.0.1\",", StringComparison.Ordinal);

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().Contain("rules.version: appears more than once");
    }

    [Fact]
    public void A_misspelt_field_is_named_with_the_nearest_known_one()
    {
        var json = TestKnowledge.RulesJson.Replace("\"knowledgeBase\": \"as-massage-advisor\",", "\"knowledgeBase\": \"as-massage-advisor\", \"verison\": \"0.0.1\",", StringComparison.Ordinal);

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Should().ContainSingle(p => p.Path == "rules.verison")
            .Which.Message.Should().StartWith("unknown field; did you mean 'version'? Allowed here: knowledgeBase, version, ");
    }

    [Fact]
    public void A_problem_of_a_rule_names_the_rule_its_place_and_what_is_wrong()
    {
        var json = TestKnowledge.AlterRules(root => Break(root, "unknown source"));

        var load = () => KnowledgeBase.Load(json, TestKnowledge.SourcesJson);

        var problem = load.Should().Throw<KnowledgeBaseException>().Which.Problems.Should()
            .ContainSingle(p => p.Path == "workflow.Rules[0].citations[0].source").Which;
        problem.Rule.Should().Be("ASM-001");
        problem.Message.Should().Be("'S9' is not in the source catalogue");
        problem.ToString().Should().Be("workflow.Rules[0] (ASM-001).citations[0].source: 'S9' is not in the source catalogue");
    }

    [Theory]
    [InlineData(null, "", "the rule file is not valid JSON", "the rule file is not valid JSON")]
    [InlineData(null, "requirements", "K98 is implemented by no rule", "requirements: K98 is implemented by no rule")]
    [InlineData("ASM-001", "", "the expression does not compile", "ASM-001: the expression does not compile")]
    [InlineData("ASM-001", "requirements", "'K99' is not listed", "ASM-001.requirements: 'K99' is not listed")]
    [InlineData("ASM-001", "workflow.Rules[3]", "'code' is required", "workflow.Rules[3] (ASM-001): 'code' is required")]
    [InlineData("", "workflow.Rules[3].title", "must be a non-empty string", "workflow.Rules[3] ().title: must be a non-empty string")]
    public void A_problem_reads_as_one_line_with_its_rule_and_place(string? rule, string path, string message, string line)
    {
        new KnowledgeBaseProblem(rule, path, message).ToString().Should().Be(line);
    }

    [Fact]
    public void The_exception_message_lists_every_problem_as_one_line()
    {
        var exception = new KnowledgeBaseException([new KnowledgeBaseProblem("ASM-001", "", "first"), new KnowledgeBaseProblem(null, "sources", "second")]);

        exception.Message.Should().Be($"The knowledge base cannot be loaded:{Environment.NewLine}  ASM-001: first{Environment.NewLine}  sources: second");
    }

    [Fact]
    public void Choosing_no_rule_status_to_run_is_a_problem()
    {
        var load = () => KnowledgeBase.Load(TestKnowledge.RulesJson, TestKnowledge.SourcesJson, []);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().Equal("at least one rule status must be chosen to run");
    }

    [Fact]
    public void An_unknown_source_id_is_named_when_looked_up()
    {
        var lookUp = () => KnowledgeBase.BuiltIn.GetSource("S99");

        lookUp.Should().Throw<KeyNotFoundException>().WithMessage("No source 'S99' in the catalogue.");
    }

    [Fact]
    public void An_item_rule_that_cannot_run_on_the_warm_up_request_is_rejected_at_load()
    {
        var load = () => TestKnowledge.WithExtraRule("ASM-902", "item", "caution", "plan.Items[3].Pressure == Pressure.Light");

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().ContainSingle()
            .Which.Should().StartWith("ASM-902: the expression does not run: IndexOutOfRangeException");
    }

    [Fact]
    public void A_rule_that_does_not_parse_is_rejected_at_load_with_the_parser_message()
    {
        var load = () => TestKnowledge.WithExtraRule("ASM-903", "patient", "caution", "patient.PainScor > 3");

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList().Should().ContainSingle()
            .Which.Should().StartWith("ASM-903: the expression does not compile: ").And.Contain("PainScor");
    }

    private static void Break(JsonObject root, string change)
    {
        var rules = root["workflow"]!["Rules"]!.AsArray();
        var first = rules[0]!.AsObject();
        var props = first["Properties"]!.AsObject();
        switch (change)
        {
            case "no workflow": root.Remove("workflow"); break;
            case "no Rules": root["workflow"]!.AsObject().Remove("Rules"); break;
            case "empty Rules": rules.Clear(); break;
            case "expression type": first["RuleExpressionType"] = "Dynamic"; break;
            case "no Properties": first.Remove("Properties"); break;
            case "bad code": first["RuleName"] = "asm 1"; props["code"] = "asm 1"; break;
            case "bad requirement id": props["requirements"] = new JsonArray("K01", "k-1"); break;
            case "item trigger on a patient rule": TestKnowledge.Rule(root, "ASM-008")["Properties"]!["triggers"] = new JsonArray("items", "item"); break;
            case "no evidence": props["citations"]![0]!.AsObject().Remove("evidence"); break;
            case "unknown scheme": props["citations"]![0]!["evidence"]!["scheme"] = "GRADE"; break;
            case "unknown source": props["citations"]![0]!["source"] = "S9"; break;
            case "a section of a source without sections": TestKnowledge.Rule(root, "ASM-011")["Properties"]!["citations"]!.AsArray().Add(
                new JsonObject { ["source"] = "R6", ["section"] = "Treatment", ["evidence"] = new JsonObject { ["scheme"] = "SORT", ["level"] = "B" } }); break;
            case "workflow not an object": root["workflow"] = "rules"; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }
}
