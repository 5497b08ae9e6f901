using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// Who is involved and when to stop: the provider (ASM-013), an informed therapist (ASM-014), a licensed therapist
/// (ASM-015), no deep self-massage or tool self-massage (ASM-016), and no massage at all with neurological
/// symptoms (ASM-017).
/// The plain cases (a request, the rules that fire or stay silent, the decision) are scenarios in
/// tests/scenarios/care-team.json; here are the tables over every region or technique and what a scenario cannot say.
/// </summary>
public sealed class CareTeamRuleTests
{
    // ---- ASM-014: tell the therapist ----

    [Theory]
    [Trait("Rule", "ASM-015")]
    [InlineData(Technique.Effleurage, Pressure.Light, false)]
    [InlineData(Technique.Friction, Pressure.Moderate, false)]
    [InlineData(Technique.DeepTissue, Pressure.Moderate, true)]
    [InlineData(Technique.Petrissage, Pressure.Firm, true)]
    [InlineData(Technique.Effleurage, Pressure.Unknown, true)]
    public void A_patients_own_gentle_massage_by_hand_raises_no_advice_or_question_about_a_therapist(Technique technique, Pressure pressure, bool cautioned)
    {
        var scenario = Scenario.Safe
            .WithPlan(p => p with { TherapistInformedOfCondition = Answer.Unknown })
            .AdministeredBy(Administrator.Self)
            .WithItem(technique, BodyRegion.Legs, pressure);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-014");
        assessment.UnknownFacts.Should().NotContain("$.plan.therapistInformedOfCondition");
        if (cautioned)
        {
            assessment.ShouldFire("ASM-015", "administered by: self");
        }
        else
        {
            assessment.ShouldNotFire("ASM-015");
        }
    }

    // ---- ASM-016: self-massage ----

    [Theory]
    [InlineData(Administrator.LicensedTherapist)]
    [InlineData(Administrator.BoardCertifiedTherapist)]
    [InlineData(Administrator.UnlicensedPractitioner)]
    public void Tool_self_massage_given_by_anyone_but_the_patient_is_refused_as_invalid(Administrator administrator)
    {
        var scenario = Scenario.Safe.AdministeredBy(administrator)
            .WithItems(Scenario.GentleItem, new PlanItem(Technique.ToolSelfMassage, BodyRegion.Thoracic, Pressure.Light));

        var refused = scenario.Invoking(s => s.Assess()).Should().Throw<InvalidRequestException>().Which;

        var error = refused.Errors.Should().ContainSingle().Subject;
        error.Path.Should().Be("$.plan.items[1].technique");
        error.Code.Should().Be(InputErrorCodes.Contradiction);
        error.Message.Should().Contain("the patient gives themself").And.Contain("'self'");
    }

    // ---- ASM-017: neurological symptoms ----

    [Fact]
    [Trait("Rule", "ASM-017")]
    public void Without_neurological_symptoms_the_massage_is_not_stopped()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { NeurologicalSymptoms = [] });

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-017");
        assessment.Decision.Should().NotBe(Decision.DoNotProceed);
    }
}
