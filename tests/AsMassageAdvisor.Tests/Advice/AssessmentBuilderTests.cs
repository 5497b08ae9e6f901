using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Tests.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Advice;

/// <summary>What the assessment says beyond the rules' verdicts: unknown facts, explanations in words, indeterminate advisories.</summary>
public sealed class AssessmentBuilderTests
{
    private static readonly PlanItem Gentle = new(Technique.Effleurage, BodyRegion.Legs, Pressure.Light);

    [Fact]
    public void Every_unknown_fact_is_listed_by_its_json_path_in_a_fixed_order()
    {
        var request = new AssessmentRequest(new PatientStatus(), new SessionPlan { Items = [Gentle, new PlanItem(Technique.Effleurage, BodyRegion.Arms)] });

        var assessment = new Advisor().Assess(request);

        assessment.UnknownFacts.Should().Equal(
            "$.patient.diseaseActivity",
            "$.patient.ankylosis",
            "$.patient.restrictedSpinalMotion",
            "$.patient.neurologicalSymptoms",
            "$.patient.nsaidResponse",
            "$.patient.onTnfInhibitor",
            "$.patient.providerConsulted",
            "$.patient.smoker",
            "$.patient.dietHighInFriedOrSugaryFoods",
            "$.patient.painScore",
            "$.patient.statusConfirmedOn",
            "$.plan.sessionDate",
            "$.plan.administeredBy",
            "$.plan.therapistInformedOfCondition",
            "$.plan.items[1].pressure");
    }

    [Fact]
    public void A_request_with_every_fact_known_lists_no_unknown_fact()
    {
        // The scenario suite's safe baseline gives every fact.
        var request = Scenario.Safe.Request;

        new Advisor().Assess(request).UnknownFacts.Should().BeEmpty();
    }

    [Fact]
    public void Explanations_say_in_words_whether_and_where_each_rule_held()
    {
        var request = new AssessmentRequest(
            new PatientStatus { DiseaseActivity = DiseaseActivity.Flare },
            new SessionPlan
            {
                Items = [new PlanItem(Technique.DeepTissue, BodyRegion.Legs, Pressure.Firm), Gentle, new PlanItem(Technique.Petrissage, BodyRegion.Arms, Pressure.Extreme)],
            });

        var rules = new Advisor().Explain(request).Rules.ToDictionary(r => r.Code);

        rules["ASM-009"].Reason.Should().StartWith("Its condition held for item(s) 0, 2: The disease is in an active flare-up");
        rules["ASM-009"].Items.Should().Equal(0, 2);
        rules["ASM-011"].Reason.Should().Be("Its condition held: The disease is in an active flare-up.");
        rules["ASM-026"].Reason.Should().Be("Its condition did not hold: The disease is stable. Withheld beside a stop.");
        rules["ASM-001"].Reason.Should().StartWith("Its condition held for none of the 3 items: The item is spinal manipulation");
        rules["ASM-001"].Items.Should().BeEmpty();
    }

    [Fact]
    public void An_item_rule_that_fires_on_one_item_and_fails_on_another_gives_two_advisories_determinate_first_at_equal_severity()
    {
        // Fires on the arms item; throws on the legs item, which has no pain score to read.
        var kb = TestKnowledge.WithExtraRule("ASM-901", "item", "warning",
            "item.Region == BodyRegion.Arms || (item.Region == BodyRegion.Legs && patient.PainScore.Value > 100)");
        var request = new AssessmentRequest(new PatientStatus(), new SessionPlan { Items = [Gentle, new PlanItem(Technique.Effleurage, BodyRegion.Arms, Pressure.Light)] });

        var advisor = new Advisor(kb);
        var assessment = advisor.Assess(request);
        var explanation = advisor.Explain(request);

        var both = assessment.Advisories.Where(a => a.Code == "ASM-901").ToList();
        both.Should().HaveCount(2);
        both[0].Indeterminate.Should().BeFalse();
        both[0].Severity.Should().Be(Severity.Warning);
        both[0].Items.Should().Equal(1);
        both[1].Indeterminate.Should().BeTrue();
        both[1].Severity.Should().Be(Severity.Warning);
        both[1].Items.Should().Equal(0);
        both[1].Title.Should().StartWith("Could not check: ");
        both[1].Message.Should().StartWith("This safety rule could not be evaluated").And.EndWith(kb.Rules.Single(r => r.Code == "ASM-901").When);
        var verdict = explanation.Rules.Single(r => r.Code == "ASM-901");
        verdict.Verdict.Should().Be(RuleVerdict.NotEvaluated);
        verdict.Items.Should().Equal(0, 1);
        verdict.Reason.Should().StartWith("It could not be evaluated on item(s) 0 (InvalidOperationException: ")
            .And.EndWith("); it is reported as applying, at no less than a warning.");
    }

    [Fact]
    public void A_patient_rule_that_fails_is_explained_without_items()
    {
        var kb = TestKnowledge.WithExtraRule("ASM-900", "patient", "contraindicated", "patient.PainScore.Value > 100");
        var request = new AssessmentRequest(new PatientStatus(), new SessionPlan { Items = [Gentle] });

        var explanation = new Advisor(kb).Explain(request);

        var verdict = explanation.Rules.Single(r => r.Code == "ASM-900");
        verdict.Reason.Should().StartWith("It could not be evaluated (InvalidOperationException: ");
        verdict.Items.Should().BeEmpty();
        explanation.Assessment.Advisories.Single(a => a.Code == "ASM-900").Severity.Should().Be(Severity.Contraindicated, "a failure never lowers a rule's severity");
    }
}
