using System.Security.Cryptography;
using System.Text;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Engine;

/// <summary>
/// The built-in rules compiled to C# at build time: generated from the current rule file, used only for that file,
/// and one for one with its rules. Their verdicts are held to RulesEngine's in <see cref="DifferentialTests"/>.
/// </summary>
public sealed class CompiledRulesTests
{
    private static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));

    [Fact]
    public void The_compiled_rules_were_generated_from_the_rule_file_in_the_repository()
    {
        var file = File.ReadAllText(RepositoryFiles.Path("src", "AsMassageAdvisor", "Knowledge", "rules.json"), Encoding.UTF8);

        Sha256(file).Should().Be(BuiltInRules.RulesSha256, "a build from a stale rule file must not pass; rebuild the library");
    }

    [Fact]
    public void The_compiled_rules_were_generated_from_the_embedded_rule_file()
    {
        Sha256(TestKnowledge.RulesJson).Should().Be(BuiltInRules.RulesSha256);
    }

    [Fact]
    public void Every_built_in_rule_has_compiled_code_with_its_exact_expression_and_scope()
    {
        var compiled = BuiltInRules.Create();

        compiled.Select(c => c.Code).Should().Equal(KnowledgeBase.BuiltIn.Rules.Select(r => r.Code));
        foreach (var rule in KnowledgeBase.BuiltIn.Rules)
        {
            var code = compiled.Single(c => c.Code == rule.Code);
            code.Expression.Should().Be(rule.Expression, "rule {0} must run the code generated from its own text", rule.Code);
            (code.PatientCheck is not null).Should().Be(rule.Scope == RuleScope.Patient, "rule {0} is a {1} rule", rule.Code, rule.Scope);
            (code.ItemCheck is not null).Should().Be(rule.Scope == RuleScope.Item, "rule {0} is a {1} rule", rule.Code, rule.Scope);
        }
    }

    [Fact]
    public void The_built_in_rule_file_loads_with_the_compiled_rules()
    {
        var kb = KnowledgeBase.Load(TestKnowledge.RulesJson, TestKnowledge.SourcesJson);

        kb.UsesCompiledRules.Should().BeTrue();
    }

    [Fact]
    public void The_built_in_rule_file_with_other_line_endings_still_loads_with_the_compiled_rules()
    {
        var kb = KnowledgeBase.Load(TestKnowledge.RulesJson.ReplaceLineEndings("\r\n"), TestKnowledge.SourcesJson);

        kb.UsesCompiledRules.Should().BeTrue("the hash is taken over the text with '\\n' line endings, as the knowledge base's own hash is");
    }

    [Fact]
    public void Any_other_rule_file_goes_through_rules_engine()
    {
        var changed = TestKnowledge.AlterRules(_ => { });

        var kb = KnowledgeBase.Load(changed, TestKnowledge.SourcesJson);

        kb.UsesCompiledRules.Should().BeFalse();
        KnowledgeBase.CompiledRulesFor(TestKnowledge.RulesJson + " ").Should().BeNull();
    }

    [Fact]
    public void A_changed_expression_in_an_otherwise_built_in_rule_set_is_parsed_not_taken_from_the_compiled_code()
    {
        var rules = KnowledgeBase.BuiltIn.ActiveRules.Select(r => r.Code == "ASM-008" ? r with { Expression = "false" } : r).ToArray();
        var evaluator = new RuleEvaluator(rules, KnowledgeBase.CompiledRulesFor(TestKnowledge.RulesJson));
        var (patient, plan) = EngineSettings.WarmUpInput();
        var index = evaluator.PatientRules.ToList().FindIndex(r => r.Code == "ASM-008");

        RuleEvaluator.AllPrecompiled(rules, KnowledgeBase.CompiledRulesFor(TestKnowledge.RulesJson)).Should().BeFalse();
        evaluator.EvaluatePatient(index, patient, plan).Kind.Should().Be(RuleOutcomeKind.NotFired, "ASM-008 is 'true' in the rule file, 'false' here");
    }

    [Fact]
    public void Clinic_rules_added_to_the_built_in_knowledge_base_are_parsed_and_the_built_in_ones_stay_compiled()
    {
        var kb = KnowledgeBase.BuiltIn.WithClinicRules(ClinicRuleFiles.Example);

        kb.UsesCompiledRules.Should().BeTrue();
        RuleEvaluator.AllPrecompiled(kb.ActiveRules, KnowledgeBase.CompiledRulesFor(TestKnowledge.RulesJson)).Should().BeFalse();
        kb.Evaluator.PatientRules.Count.Should().Be(kb.ActiveRules.Count(r => r.Scope == RuleScope.Patient));
    }
}
