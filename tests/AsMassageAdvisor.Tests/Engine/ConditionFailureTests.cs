using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Engine;

/// <summary>Fault injection: rules that throw at run time must never read as "no hazard".</summary>
public sealed class ConditionFailureTests
{
    // Compiles and passes the warm-up (which gives a pain score), but throws whenever the score is missing.
    private const string ThrowsWithoutPainScore = "patient.PainScore.Value > 100";

    private static readonly AssessmentRequest GentleRequestWithoutPainScore = new(
        new PatientStatus
        {
            DiseaseActivity = DiseaseActivity.Stable,
            Ankylosis = AnkylosisStatus.Absent,
            ProviderConsulted = Answer.Yes,
            NeurologicalSymptoms = [],
            StatusConfirmedOn = new DateOnly(2026, 11, 20),
        },
        new SessionPlan
        {
            AdministeredBy = Administrator.LicensedTherapist,
            TherapistInformedOfCondition = Answer.Yes,
            SessionDate = new DateOnly(2026, 11, 23),
            Items = [new PlanItem(Technique.Effleurage, BodyRegion.Legs, Pressure.Light), new PlanItem(Technique.Effleurage, BodyRegion.Arms, Pressure.Light)],
        });

    [Fact]
    public void The_gentle_request_passes_without_the_faulty_rule()
    {
        new Advisor().Assess(GentleRequestWithoutPainScore).Decision.Should().Be(Decision.Proceed);
    }

    [Fact]
    public void A_patient_rule_that_throws_gives_an_indeterminate_advisory_and_no_proceed()
    {
        var advisor = new Advisor(TestKnowledge.WithExtraRule("ASM-900", "patient", "info", ThrowsWithoutPainScore));

        var assessment = advisor.Assess(GentleRequestWithoutPainScore);

        var advisory = assessment.Advisories.Should().ContainSingle(a => a.Code == "ASM-900").Subject;
        advisory.Indeterminate.Should().BeTrue();
        advisory.Severity.Should().Be(Severity.Warning, "an info rule that cannot be checked is raised to a warning");
        advisory.Basis.Should().Be(Basis.Interpreted);
        advisory.Triggers.Should().Contain(t => t.Contains("could not be evaluated", StringComparison.Ordinal));
        advisory.Citations.Should().NotBeEmpty();
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
    }

    [Fact]
    public void An_item_rule_that_throws_names_the_items_it_could_not_check()
    {
        var advisor = new Advisor(TestKnowledge.WithExtraRule("ASM-901", "item", "caution", "item.Region == BodyRegion.Arms && " + ThrowsWithoutPainScore));

        var assessment = advisor.Assess(GentleRequestWithoutPainScore);

        var advisory = assessment.Advisories.Should().ContainSingle(a => a.Code == "ASM-901").Subject;
        advisory.Indeterminate.Should().BeTrue();
        advisory.Items.Should().Equal(1);
        assessment.Decision.Should().NotBe(Decision.Proceed);
    }

    [Fact]
    public void A_stop_rule_that_throws_still_stops()
    {
        var advisor = new Advisor(TestKnowledge.WithExtraRule("ASM-902", "patient", "stop", ThrowsWithoutPainScore));

        advisor.Assess(GentleRequestWithoutPainScore).Decision.Should().Be(Decision.DoNotProceed);
    }

    [Fact]
    public void The_explanation_says_which_rule_could_not_be_evaluated_and_why()
    {
        var advisor = new Advisor(TestKnowledge.WithExtraRule("ASM-900", "patient", "info", ThrowsWithoutPainScore));

        var explanation = advisor.Explain(GentleRequestWithoutPainScore);

        var rule = explanation.Rules.Should().ContainSingle(r => r.Code == "ASM-900").Subject;
        rule.Verdict.Should().Be(RuleVerdict.NotEvaluated);
        rule.Reason.Should().Contain("could not be evaluated");
    }

    [Fact]
    public void A_rule_that_is_simply_false_is_not_mistaken_for_a_failure()
    {
        var advisor = new Advisor(TestKnowledge.WithExtraRule("ASM-903", "patient", "caution", "patient.PainScore == 99"));

        var explanation = advisor.Explain(GentleRequestWithoutPainScore);

        explanation.Rules.Should().ContainSingle(r => r.Code == "ASM-903").Which.Verdict.Should().Be(RuleVerdict.DidNotApply);
        explanation.Assessment.Advisories.Should().NotContain(a => a.Indeterminate);
    }

    [Fact]
    public void Every_active_rule_gets_a_verdict_with_a_reason()
    {
        var explanation = new Advisor().Explain(GentleRequestWithoutPainScore);

        explanation.Rules.Select(r => r.Code).Should().Equal(KnowledgeBaseCodes());
        explanation.Rules.Should().OnlyContain(r => r.Reason.Length > 20);
        explanation.Rules.Where(r => r.Verdict == RuleVerdict.Fired).Select(r => r.Code)
            .Should().BeEquivalentTo(explanation.Assessment.Advisories.Select(a => a.Code));
    }

    private static IEnumerable<string> KnowledgeBaseCodes() => AsMassageAdvisor.Knowledge.KnowledgeBase.BuiltIn.ActiveRules.Select(r => r.Code);
}
