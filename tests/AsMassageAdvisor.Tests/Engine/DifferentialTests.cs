using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Engine;

/// <summary>
/// The fast paths against RulesEngine's own executor (<c>ExecuteAllRulesAsync</c>): the same verdict for every rule
/// on every input, both for the built-in rules compiled to C# at build time and for typed delegates from RulesEngine's
/// parser (the path of clinic rules and of any other rule file).
/// </summary>
public sealed class DifferentialTests
{
    [Fact]
    public void The_rules_compiled_at_build_time_agree_with_rules_engine_on_ten_thousand_generated_requests()
    {
        KnowledgeBase.BuiltIn.UsesCompiledRules.Should().BeTrue("the built-in knowledge base must run the build-time code, or this test would not test it");
        RuleEvaluator.AllPrecompiled(KnowledgeBase.BuiltIn.ActiveRules, KnowledgeBase.CompiledRulesFor(TestKnowledge.RulesJson)).Should().BeTrue();

        AgreeWithRulesEngine(KnowledgeBase.BuiltIn.Evaluator);
    }

    [Fact]
    public void The_rules_parsed_by_rules_engine_agree_with_rules_engine_on_ten_thousand_generated_requests()
    {
        AgreeWithRulesEngine(new RuleEvaluator(KnowledgeBase.BuiltIn.ActiveRules));
    }

    private static void AgreeWithRulesEngine(RuleEvaluator evaluator)
    {
        var reference = evaluator.Reference;
        var compared = 0;
        var mismatches = new List<string>();

        foreach (var request in RandomRequests.Generate(seed: 20261123, count: 10_000))
        {
            var (patient, plan) = (request.Patient, request.Plan);
            var expected = reference.EvaluatePatient(patient, plan);
            for (var r = 0; r < evaluator.PatientRules.Count; r++)
            {
                // Plain comparison in the loop keeps half a million checks fast; the assertion below shows any difference.
                if (evaluator.EvaluatePatient(r, patient, plan).Kind != expected[r].Kind)
                {
                    mismatches.Add($"{evaluator.PatientRules[r].Code} on {request}: RulesEngine says {expected[r].Kind}");
                }

                compared++;
            }

            foreach (var item in plan.Items)
            {
                var expectedItem = reference.EvaluateItem(patient, plan, item);
                for (var r = 0; r < evaluator.ItemRules.Count; r++)
                {
                    if (evaluator.EvaluateItem(r, patient, plan, item).Kind != expectedItem[r].Kind)
                    {
                        mismatches.Add($"{evaluator.ItemRules[r].Code} on {item} of {request}: RulesEngine says {expectedItem[r].Kind}");
                    }

                    compared++;
                }
            }
        }

        mismatches.Should().BeEmpty();
        compared.Should().BeGreaterThan(500_000);
    }

    [Fact]
    public void Both_paths_report_a_rule_that_throws_as_failed()
    {
        var kb = TestKnowledge.WithExtraRule("ASM-900", "patient", "info", "patient.PainScore.Value > 100");
        var request = RandomRequests.Generate(seed: 1, count: 50).First(r => r.Patient.PainScore is null);
        var index = kb.Evaluator.PatientRules.ToList().FindIndex(r => r.Code == "ASM-900");

        kb.Evaluator.EvaluatePatient(index, request.Patient, request.Plan).Kind.Should().Be(RuleOutcomeKind.Failed);
        kb.Evaluator.Reference.EvaluatePatient(request.Patient, request.Plan)[index].Kind.Should().Be(RuleOutcomeKind.Failed);
    }

    [Fact]
    public void Generated_requests_are_valid_and_assessable()
    {
        var advisor = new Advisor();

        var decisions = RandomRequests.Generate(seed: 7, count: 2_000).Select(r => advisor.Assess(r).Decision).Distinct();

        decisions.Should().Contain([Decision.ProceedWithCaution, Decision.ProceedWithModifications, Decision.DoNotProceed],
            "the generator reaches the decisions that need a change; 'proceed' needs every fact known, which a random draw rarely gives");
    }
}
