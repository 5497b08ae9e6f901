using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Testing;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Testing;

/// <summary>The fluent test helper: expectations that hold pass, and one that does not throws with the assessment shown.</summary>
public sealed class AssessmentTestTests
{
    private static readonly Advisor ClinicAdvisor = new(KnowledgeBase.BuiltIn.WithClinicRules(ClinicRuleFiles.Example));

    private static readonly AssessmentRequest FirmChestWork = new(
        new PatientStatus { DiseaseActivity = DiseaseActivity.Stable, Ankylosis = AnkylosisStatus.Absent, PainScore = 8 },
        new SessionPlan
        {
            AdministeredBy = Administrator.LicensedTherapist,
            Items = [new PlanItem(Technique.Effleurage, BodyRegion.Legs, Pressure.Light), new PlanItem(Technique.Petrissage, BodyRegion.Chest, Pressure.Firm)],
        });

    [Fact]
    public void Expectations_that_hold_chain_and_pass()
    {
        var test = ClinicAdvisor.Test(FirmChestWork);

        test.ShouldFire("CLN-002").OnItem(1).OnItems(1).AtLeast(Severity.Warning).At(Severity.Warning).WithTrigger("item 1: petrissage on chest*")
            .And.ShouldFire("CLN-001").At(Severity.Caution)
            .And.ShouldNotFire("ASM-001")
            .ShouldDecide(Decision.ProceedWithModifications)
            .SaferPlanShouldDecide(Decision.ProceedWithCaution);
        test.Assessment.Advisories.Should().Contain(a => a.Code == "CLN-002");
    }

    [Fact]
    public void A_rule_that_stayed_silent_fails_with_the_assessment_in_the_message()
    {
        var act = () => ClinicAdvisor.Test(FirmChestWork).ShouldFire("ASM-001");

        var failure = act.Should().Throw<ScenarioAssertionException>().Which;
        failure.Message.Should().StartWith("ASM-001 should fire: it stayed silent\nthe assessment: decision proceedWithModifications")
            .And.Contain("CLN-002 warning, item 1: item 1: petrissage on chest, firm pressure");
        failure.Assessment.Decision.Should().Be(Decision.ProceedWithModifications);
    }

    [Fact]
    public void The_wrong_item_fails()
    {
        var act = () => ClinicAdvisor.Test(FirmChestWork).ShouldFire("CLN-002").OnItem(0);

        act.Should().Throw<ScenarioAssertionException>().WithMessage("CLN-002 should fire on item 0: it fired on item 1*");
    }

    [Fact]
    public void A_milder_severity_fails_at_least()
    {
        var act = () => ClinicAdvisor.Test(FirmChestWork).ShouldFire("CLN-001").AtLeast(Severity.Warning);

        act.Should().Throw<ScenarioAssertionException>().WithMessage("CLN-001 should be at least warning: it is caution*");
    }

    [Fact]
    public void A_trigger_that_matches_nothing_fails_and_lists_the_triggers()
    {
        var act = () => ClinicAdvisor.Test(FirmChestWork).ShouldFire("CLN-001").WithTrigger("pain score: 9*");

        act.Should().Throw<ScenarioAssertionException>().WithMessage("CLN-001 should have a trigger matching \"pain score: 9*\": its triggers are \"pain score: 8 of 10\"*");
    }

    [Fact]
    public void A_rule_that_fired_fails_should_not_fire()
    {
        var act = () => ClinicAdvisor.Test(FirmChestWork).ShouldNotFire("CLN-002");

        act.Should().Throw<ScenarioAssertionException>().WithMessage("CLN-002 should stay silent: it fired (warning, item 1)*");
    }

    [Fact]
    public void Another_decision_fails()
    {
        var act = () => ClinicAdvisor.Test(FirmChestWork).ShouldDecide(Decision.Proceed);

        act.Should().Throw<ScenarioAssertionException>().WithMessage("the decision should be proceed: it is proceedWithModifications*");
    }

    [Fact]
    public void A_safer_plan_decision_fails_when_there_is_no_safer_plan()
    {
        var stop = FirmChestWork with { Patient = FirmChestWork.Patient with { NeurologicalSymptoms = [NeurologicalSymptom.SensoryChanges] } };

        var act = () => ClinicAdvisor.Test(stop).SaferPlanShouldDecide(Decision.Proceed);

        act.Should().Throw<ScenarioAssertionException>().WithMessage("the safer plan's decision should be proceed: there is no safer plan (the decision is doNotProceed)*");
    }

    [Fact]
    public void A_code_the_knowledge_base_does_not_have_is_refused_with_the_nearest_code()
    {
        var act = () => ClinicAdvisor.Test(FirmChestWork).ShouldFire("CLN-02");

        act.Should().Throw<ArgumentException>().WithMessage("'CLN-02' is not a rule of knowledge base*did you mean 'CLN-002'?*");
    }

    [Fact]
    public void A_rule_issued_only_because_it_could_not_be_evaluated_does_not_count_as_fired()
    {
        // A clinic rule that throws when the pain score is missing: its advisory is indeterminate.
        var advisor = new Advisor(KnowledgeBase.BuiltIn.WithClinicRules(ClinicRuleFiles.WithRule("patient.PainScore.Value > 100")));
        var withoutPainScore = FirmChestWork with { Patient = FirmChestWork.Patient with { PainScore = null } };

        var act = () => advisor.Test(withoutPainScore).ShouldFire("CLN-100");

        act.Should().Throw<ScenarioAssertionException>().WithMessage("CLN-100 should fire: it was issued only because it could not be evaluated (indeterminate)*");
    }

    [Fact]
    public void A_request_given_as_json_is_read_and_validated()
    {
        var valid = () => new Advisor().Test(File.ReadAllText(RepositoryFiles.Path("docs", "examples", "gentle-plan.json"))).ShouldDecide(Decision.Proceed);
        var invalid = () => new Advisor().Test("""{ "patient": {}, "plan": { "items": [] } }""");

        valid.Should().NotThrow();
        invalid.Should().Throw<InvalidRequestException>();
    }

    [Theory]
    [InlineData("item 0: deepTissue on lumbar, firm pressure", "item 0: deepTissue on lumbar*", true)]
    [InlineData("item 0: deepTissue on lumbar, firm pressure", "item ?: deepTissue*", true)]
    [InlineData("item 0: deepTissue on lumbar, firm pressure", "*firm*", true)]
    [InlineData("item 0: deepTissue on lumbar, firm pressure", "item 0: deepTissue", false)]
    [InlineData("item 0: deepTissue on lumbar, firm pressure", "item 1*", false)]
    [InlineData("", "*", true)]
    [InlineData("a", "", false)]
    public void Trigger_patterns_match_with_star_and_question_mark(string trigger, string pattern, bool matches)
    {
        ScenarioCheck.Matches(trigger, pattern).Should().Be(matches);
    }
}
