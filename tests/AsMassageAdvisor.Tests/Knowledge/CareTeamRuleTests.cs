using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// Who is involved and when to stop: the provider (ASM-013), an informed therapist (ASM-014), a licensed therapist
/// (ASM-015), no deep self-massage or tool self-massage (ASM-016), and no massage at all with neurological
/// symptoms (ASM-017).
/// </summary>
public sealed class CareTeamRuleTests
{
    // ---- ASM-013: consult the provider ----

    [Theory]
    [Trait("Rule", "ASM-013")]
    [InlineData(Answer.No, "healthcare provider consulted: no")]
    [InlineData(Answer.Unknown, "healthcare provider consulted: unknown")]
    public void A_provider_not_known_to_be_consulted_calls_for_a_consultation_first(Answer consulted, string mention)
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { ProviderConsulted = consulted });

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-013", mention);
        assessment.Decision.Should().Be(Decision.ProceedWithCaution);
    }

    [Fact]
    [Trait("Rule", "ASM-013")]
    public void A_consulted_provider_needs_no_reminder()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { ProviderConsulted = Answer.Yes });

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-013");
    }

    // ---- ASM-014: tell the therapist ----

    [Theory]
    [Trait("Rule", "ASM-014")]
    [InlineData(Answer.No, "therapist informed of the condition: no")]
    [InlineData(Answer.Unknown, "therapist informed of the condition: unknown")]
    public void A_therapist_not_known_to_be_told_of_the_diagnosis_must_be_told(Answer informed, string mention)
    {
        var scenario = Scenario.Safe.WithPlan(p => p with { TherapistInformedOfCondition = informed });

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-014", "administered by: licensedTherapist", mention);
        assessment.Decision.Should().Be(Decision.ProceedWithCaution);
    }

    [Fact]
    [Trait("Rule", "ASM-014")]
    public void An_informed_therapist_needs_no_reminder()
    {
        var scenario = Scenario.Safe.WithPlan(p => p with { TherapistInformedOfCondition = Answer.Yes });

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-014");
    }

    [Fact]
    [Trait("Rule", "ASM-014")]
    public void Self_massage_has_no_therapist_to_inform()
    {
        var scenario = Scenario.Safe
            .WithPlan(p => p with { TherapistInformedOfCondition = Answer.No })
            .AdministeredBy(Administrator.Self);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-014");
    }

    [Fact]
    [Trait("Rule", "ASM-014")]
    [Trait("Rule", "ASM-015")]
    public void A_giver_nobody_named_is_asked_for_once_and_not_also_whether_they_were_told()
    {
        var scenario = Scenario.Safe
            .WithPlan(p => p with { TherapistInformedOfCondition = Answer.No })
            .AdministeredBy(Administrator.Unknown);

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-015", "administered by: unknown");
        assessment.ShouldNotFire("ASM-014");
    }

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

    // ---- ASM-015: a licensed therapist ----

    [Theory]
    [Trait("Rule", "ASM-015")]
    [InlineData(Administrator.Unknown, true)]
    [InlineData(Administrator.LicensedTherapist, false)]
    [InlineData(Administrator.BoardCertifiedTherapist, false)]
    [InlineData(Administrator.UnlicensedPractitioner, true)]
    [InlineData(Administrator.Self, false)]
    public void Anyone_but_a_licensed_therapist_or_the_patient_giving_gentle_strokes_calls_for_finding_one(Administrator administrator, bool cautioned)
    {
        var scenario = Scenario.Safe.AdministeredBy(administrator);

        var assessment = scenario.Assess();

        if (cautioned)
        {
            assessment.ShouldFire("ASM-015", "administered by: *");
            assessment.Decision.Should().Be(Decision.ProceedWithCaution);
        }
        else
        {
            assessment.ShouldNotFire("ASM-015");
            assessment.Decision.Should().Be(Decision.Proceed);
        }
    }

    [Fact]
    [Trait("Rule", "ASM-015")]
    public void An_unlicensed_practitioner_is_named_in_the_triggers()
    {
        var assessment = Scenario.Safe.AdministeredBy(Administrator.UnlicensedPractitioner).Assess();

        assessment.ShouldFire("ASM-015", "administered by: unlicensedPractitioner");
    }

    // ---- ASM-016: self-massage ----

    private static readonly Scenario OnTheirOwn = Scenario.Safe.AdministeredBy(Administrator.Self);

    [Fact]
    [Trait("Rule", "ASM-016")]
    public void Tennis_ball_self_massage_of_the_low_back_is_a_warning()
    {
        var scenario = OnTheirOwn.WithItems(Scenario.GentleItem, new PlanItem(Technique.ToolSelfMassage, BodyRegion.Lumbar, Pressure.Light));

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-016", [1], "administered by: self", "item 1: toolSelfMassage on lumbar, light pressure");
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
    }

    [Fact]
    [Trait("Rule", "ASM-016")]
    public void Gentle_self_massage_by_hand_is_not_warned_against()
    {
        var assessment = OnTheirOwn.WithItems(Scenario.GentleItem, Scenario.GentleItem with { Region = BodyRegion.Lumbar }).Assess();

        assessment.ShouldNotFire("ASM-016");
    }

    [Theory]
    [Trait("Rule", "ASM-016")]
    [InlineData(Administrator.Unknown)]
    [InlineData(Administrator.Self)]
    public void Tool_self_massage_is_a_warning_given_by_the_patient_or_by_nobody_named(Administrator administrator)
    {
        var scenario = Scenario.Safe.AdministeredBy(administrator).WithItem(Technique.ToolSelfMassage, BodyRegion.Thoracic, Pressure.Light);

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-016", [0], "item 0: toolSelfMassage on thoracic*");
    }

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

    [Fact]
    [Trait("Rule", "ASM-016")]
    public void Deep_tissue_self_massage_is_a_warning()
    {
        var scenario = OnTheirOwn.WithItem(Technique.DeepTissue, BodyRegion.Legs, Pressure.Moderate);

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-016", [0], "administered by: self", "item 0: deepTissue on legs, moderate pressure");
    }

    [Fact]
    [Trait("Rule", "ASM-016")]
    [Trait("Rule", "ASM-019")]
    public void Deep_tissue_work_by_a_licensed_therapist_is_not_a_self_massage_warning()
    {
        var scenario = OnTheirOwn.AdministeredBy(Administrator.LicensedTherapist).WithItem(Technique.DeepTissue, BodyRegion.Legs, Pressure.Moderate);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-016");
        assessment.ShouldFireFor("ASM-019", [0], "administered by: licensedTherapist");
    }

    [Theory]
    [Trait("Rule", "ASM-016")]
    [InlineData(Pressure.Unknown, false)]
    [InlineData(Pressure.Light, false)]
    [InlineData(Pressure.Moderate, false)]
    [InlineData(Pressure.Firm, true)]
    [InlineData(Pressure.Extreme, true)]
    public void Self_massage_by_hand_is_a_warning_from_firm_pressure_up(Pressure pressure, bool warned)
    {
        var scenario = OnTheirOwn.WithItem(Technique.Petrissage, BodyRegion.Legs, pressure);

        var assessment = scenario.Assess();

        if (warned)
        {
            assessment.ShouldFireFor("ASM-016", [0], "administered by: self", "item 0: petrissage on legs*");
        }
        else
        {
            assessment.ShouldNotFire("ASM-016");
        }
    }

    // ---- ASM-017: neurological symptoms ----

    [Theory]
    [Trait("Rule", "ASM-017")]
    [InlineData(new[] { NeurologicalSymptom.ProgressiveWeakness }, "neurological symptoms: progressiveWeakness")]
    [InlineData(new[] { NeurologicalSymptom.SensoryChanges }, "neurological symptoms: sensoryChanges")]
    [InlineData(new[] { NeurologicalSymptom.ProgressiveWeakness, NeurologicalSymptom.SensoryChanges }, "neurological symptoms: progressiveWeakness, sensoryChanges")]
    public void Any_neurological_symptom_stops_the_massage(NeurologicalSymptom[] symptoms, string mention)
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { NeurologicalSymptoms = symptoms });

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-017", mention);
        assessment.Decision.Should().Be(Decision.DoNotProceed);
    }

    [Fact]
    [Trait("Rule", "ASM-017")]
    public void Without_neurological_symptoms_the_massage_is_not_stopped()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { NeurologicalSymptoms = [] });

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-017");
        assessment.Decision.Should().NotBe(Decision.DoNotProceed);
    }

    // ---- ASM-033: aggressive work by someone unknown ----

    [Theory]
    [Trait("Rule", "ASM-033")]
    [InlineData(Technique.DeepTissue, Pressure.Light)]
    [InlineData(Technique.Effleurage, Pressure.Firm)]
    [InlineData(Technique.Petrissage, Pressure.Extreme)]
    public void Aggressive_work_by_someone_unknown_is_treated_as_possibly_self_given(Technique technique, Pressure pressure)
    {
        var scenario = Scenario.Safe.AdministeredBy(Administrator.Unknown).WithItems(Scenario.GentleItem, new PlanItem(technique, BodyRegion.Legs, pressure));

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-033", [1], "administered by: unknown", "item 1: *");
        assessment.Decision.Should().Be(Decision.ProceedWithModifications, "the same plan given by the patient would call for a change");
    }

    [Theory]
    [Trait("Rule", "ASM-033")]
    [InlineData(Administrator.LicensedTherapist, Technique.DeepTissue, Pressure.Firm)]
    [InlineData(Administrator.Self, Technique.DeepTissue, Pressure.Firm)]
    [InlineData(Administrator.Unknown, Technique.Effleurage, Pressure.Moderate)]
    public void Known_givers_or_gentle_work_need_no_such_warning(Administrator administrator, Technique technique, Pressure pressure)
    {
        var scenario = Scenario.Safe.AdministeredBy(administrator).WithItem(technique, BodyRegion.Legs, pressure);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-033");
    }
}
