using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Advice;

public sealed class ExplanationTests
{
    private static readonly AssessmentRequest Request = new(
        new PatientStatus { Ankylosis = AnkylosisStatus.Unknown, RestrictedSpinalMotion = Answer.No },
        new SessionPlan { Items = [new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Light)] });

    [Fact]
    public void A_rule_that_did_not_apply_shows_every_fact_it_looked_at_even_those_that_could_not_trigger_it()
    {
        var explanation = new Advisor().Explain(Request);

        var manipulation = explanation.Rules.Single(r => r.Code == "ASM-001");
        manipulation.Verdict.Should().Be(RuleVerdict.DidNotApply);
        manipulation.Facts.Should().Equal("ankylosis: unknown", "restricted spinal motion: no");
        manipulation.Reason.Should().StartWith("Its condition did not hold for the plan's item:");
    }

    [Fact]
    public void A_rule_that_fired_names_its_items_and_the_assessment_is_the_same_as_without_explaining()
    {
        var advisor = new Advisor();

        var explanation = advisor.Explain(Request);

        var unknownStatus = explanation.Rules.Single(r => r.Code == "ASM-006");
        unknownStatus.Verdict.Should().Be(RuleVerdict.Fired);
        unknownStatus.Items.Should().Equal(0);
        AssessmentJson.Serialize(explanation.Assessment).Should().Be(AssessmentJson.Serialize(advisor.Assess(Request)));
    }
}
