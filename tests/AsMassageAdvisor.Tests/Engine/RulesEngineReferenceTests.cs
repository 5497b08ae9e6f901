using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Engine;

/// <summary>
/// RulesEngine's own executor, kept as the reference: a small sample here (the large differential run is
/// in <see cref="DifferentialTests"/>), so that a change to the reference itself is seen quickly.
/// </summary>
public sealed class RulesEngineReferenceTests
{
    [Fact]
    public void The_reference_gives_the_typed_delegates_verdicts_on_a_sample()
    {
        var evaluator = KnowledgeBase.BuiltIn.Evaluator;
        var reference = evaluator.Reference;
        var fired = 0;

        foreach (var request in RandomRequests.Generate(seed: 77, count: 150))
        {
            var patientOutcomes = reference.EvaluatePatient(request.Patient, request.Plan);
            patientOutcomes.Should().HaveCount(evaluator.PatientRules.Count);
            for (var r = 0; r < patientOutcomes.Length; r++)
            {
                patientOutcomes[r].Kind.Should().Be(evaluator.EvaluatePatient(r, request.Patient, request.Plan).Kind, evaluator.PatientRules[r].Code);
                fired += patientOutcomes[r].Kind == RuleOutcomeKind.Fired ? 1 : 0;
            }

            foreach (var item in request.Plan.Items)
            {
                var itemOutcomes = reference.EvaluateItem(request.Patient, request.Plan, item);
                itemOutcomes.Should().HaveCount(evaluator.ItemRules.Count);
                for (var r = 0; r < itemOutcomes.Length; r++)
                {
                    itemOutcomes[r].Kind.Should().Be(evaluator.EvaluateItem(r, request.Patient, request.Plan, item).Kind, evaluator.ItemRules[r].Code);
                    fired += itemOutcomes[r].Kind == RuleOutcomeKind.Fired ? 1 : 0;
                }
            }
        }

        fired.Should().BeGreaterThan(1000, "the sample makes many rules fire, so that agreement is not agreement on silence");
    }

    [Fact]
    public void The_reference_reports_a_rule_that_throws_as_failed_not_as_silent()
    {
        var knowledgeBase = TestKnowledge.WithExtraRule("ASM-901", "item", "caution", "patient.PainScore.Value > 100 || item.Region == BodyRegion.Arms");
        var request = Knowledge.Scenario.Safe.WithPatient(p => p with { PainScore = null }).Request;
        var evaluator = knowledgeBase.Evaluator;
        var index = evaluator.ItemRules.Select((r, i) => (r, i)).Single(x => x.r.Code == "ASM-901").i;

        var outcome = evaluator.Reference.EvaluateItem(request.Patient, request.Plan, request.Plan.Items[0])[index];

        outcome.Kind.Should().Be(RuleOutcomeKind.Failed);
        outcome.Failure.Should().NotBeNullOrEmpty();
    }
}
