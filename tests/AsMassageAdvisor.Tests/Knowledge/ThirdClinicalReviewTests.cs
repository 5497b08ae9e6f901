using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The cases the third clinical review (knowledge base 2.0.0) found wrong, noisy or unsafe, each kept fixed by a test
/// named after the gap, and the rules added for them: K28 (ASM-038), K29 (ASM-039) and K31 (ASM-040).
/// The plain cases (a request, the rules that fire or stay silent, the decision) are scenarios in
/// tests/scenarios/third-clinical-review.json; here are the tables over every region or technique and what a scenario cannot say.
/// </summary>
public sealed class ThirdClinicalReviewTests
{
    // ---- 1. forceful work on the head or shoulders of a fused neck (K28) ----

    [Theory]
    [Trait("Rule", "ASM-038")]
    [InlineData(BodyRegion.Head, Technique.DeepTissue, Pressure.Firm)]
    [InlineData(BodyRegion.Shoulders, Technique.DeepTissue, Pressure.Firm)]
    [InlineData(BodyRegion.Shoulders, Technique.Petrissage, Pressure.Extreme)]
    [InlineData(BodyRegion.Head, Technique.DeepTissue, Pressure.Light)]
    public void Firm_deep_work_on_the_head_or_shoulders_of_a_fused_neck_is_a_warning_and_the_safer_plan_replaces_it(
        BodyRegion region, Technique technique, Pressure pressure)
    {
        var scenario = Scenario.FusedNeck.WithItems(Scenario.GentleItem, new PlanItem(technique, region, pressure));

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-038", [1], "ankylosis: present (fused: cervical)", "item 1: *").Basis.Should().Be(Basis.Interpreted);
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
        var change = assessment.SaferPlan!.Changes.Should().ContainSingle().Subject;
        change.Item.Should().Be(1);
        change.To.Should().Be(new PlanItem(Technique.Effleurage, region, Pressure.Light));
    }

    // ---- 2. friction and tapotement over the spine in a flare (K29) ----

    [Theory]
    [Trait("Rule", "ASM-039")]
    [InlineData(Technique.Tapotement, BodyRegion.Sacroiliac)]
    [InlineData(Technique.Friction, BodyRegion.Lumbar)]
    [InlineData(Technique.Friction, BodyRegion.Cervical)]
    public void Friction_or_tapotement_on_the_spine_in_a_flare_is_a_warning_and_the_safer_plan_replaces_it(Technique technique, BodyRegion region)
    {
        var scenario = Scenario.Safe.WithDiseaseActivity(DiseaseActivity.Flare).WithItems(Scenario.GentleItem, new PlanItem(technique, region, Pressure.Light));

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-039", [1], "disease activity: flare", "item 1: *").Basis.Should().Be(Basis.Interpreted);
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
        var change = assessment.SaferPlan!.Changes.Should().ContainSingle().Subject;
        change.To.Should().Be(new PlanItem(Technique.Effleurage, region, Pressure.Light));
    }

    [Fact]
    [Trait("Rule", "ASM-039")]
    public void Friction_on_the_spine_with_the_disease_activity_unknown_gets_the_same_warning_as_in_a_flare()
    {
        var scenario = Scenario.Safe.WithDiseaseActivity(DiseaseActivity.Unknown).WithItem(Technique.Friction, BodyRegion.Thoracic, Pressure.Moderate);

        scenario.Assess().ShouldFireFor("ASM-039", [0], "disease activity: unknown");
    }

    // ---- 3. deep work by a known unlicensed practitioner (K31) ----

    [Theory]
    [Trait("Rule", "ASM-040")]
    [InlineData(Technique.DeepTissue, Pressure.Firm)]
    [InlineData(Technique.Petrissage, Pressure.Extreme)]
    [InlineData(Technique.DeepTissue, Pressure.Light)]
    public void Aggressive_work_by_a_known_unlicensed_practitioner_is_a_warning_and_never_milder_than_an_unknown_giver(Technique technique, Pressure pressure)
    {
        var unlicensed = Scenario.Safe.AdministeredBy(Administrator.UnlicensedPractitioner).WithItem(technique, BodyRegion.Legs, pressure);
        var unknown = unlicensed.AdministeredBy(Administrator.Unknown);

        var known = unlicensed.Assess();
        var notKnown = unknown.Assess();

        known.ShouldFireFor("ASM-040", [0], "administered by: unlicensedPractitioner", "item 0: *").Basis.Should().Be(Basis.Interpreted);
        known.Decision.Should().Be(Decision.ProceedWithModifications);
        ((int)known.WorstSeverity()).Should().BeGreaterThanOrEqualTo((int)notKnown.WorstSeverity());
        known.SaferPlan!.Items.Should().Equal(notKnown.SaferPlan!.Items);
    }

    // ---- 4. noise ----

    [Theory]
    [Trait("Rule", "ASM-011")]
    [Trait("Rule", "ASM-032")]
    [InlineData(DiseaseActivity.Flare)]
    [InlineData(DiseaseActivity.Unknown)]
    public void Consult_the_provider_is_not_said_when_the_provider_was_consulted(DiseaseActivity activity)
    {
        var scenario = Scenario.Safe.WithDiseaseActivity(activity);

        var assessment = scenario.Assess();

        assessment.Advisories.Should().NotContain(a => a.Message.Contains("provider", StringComparison.OrdinalIgnoreCase)
            && (a.Message.Contains("consult", StringComparison.OrdinalIgnoreCase) || a.Message.Contains("check with", StringComparison.OrdinalIgnoreCase)));
    }

    // ---- 5. titles that state unknown facts as known ----

    [Fact]
    [Trait("Rule", "ASM-013")]
    [Trait("Rule", "ASM-014")]
    [Trait("Rule", "ASM-015")]
    public void Advisories_resting_on_unknown_facts_do_not_state_them_as_known_in_their_titles()
    {
        var scenario = Scenario.Safe
            .WithPatient(p => p with { ProviderConsulted = Answer.Unknown })
            .WithPlan(p => p with { TherapistInformedOfCondition = Answer.Unknown })
            .AdministeredBy(Administrator.LicensedTherapist);
        var unknownGiver = scenario.AdministeredBy(Administrator.Unknown);

        var titles = scenario.Assess().Advisories.Concat(unknownGiver.Assess().Advisories)
            .Where(a => a.Code is "ASM-013" or "ASM-014" or "ASM-015").Select(a => a.Title).Distinct().ToList();

        titles.Should().HaveCount(3).And.OnlyContain(t => t.Contains("not known", StringComparison.Ordinal));
    }

    // ---- 6. wording that stays inside the article ----

    [Fact]
    public void No_advisory_speaks_of_nerve_injury_or_pressure_on_nerves_or_states_that_the_sacroiliac_joint_fuses()
    {
        var texts = AsMassageAdvisor.Knowledge.KnowledgeBase.BuiltIn.Rules.Select(r => r.Message + " " + r.Title).ToList();

        texts.Should().NotContain(t => t.Contains("nerve injury", StringComparison.OrdinalIgnoreCase)
            || t.Contains("pressure on nerves", StringComparison.OrdinalIgnoreCase)
            || t.Contains("axial skeleton", StringComparison.OrdinalIgnoreCase));
        AsMassageAdvisor.Knowledge.KnowledgeBase.BuiltIn.Rules.Single(r => r.Code == "ASM-015").Message.Should().Contain("may know one");
    }

    [Fact]
    [Trait("Rule", "ASM-025")]
    [Trait("Rule", "ASM-036")]
    public void No_benefit_note_stands_beside_a_high_pain_caution()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { PainScore = 8 });

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-036", "pain score: 8 of 10");
        assessment.ShouldNotFire("ASM-025");
    }

    // ---- 7. the safer plan ----

    [Theory]
    [InlineData(new[] { Technique.Effleurage }, Technique.Vibration)]
    [InlineData(new[] { Technique.Effleurage, Technique.Vibration }, Technique.Petrissage)]
    public void When_the_gentle_replacement_has_raised_the_patients_pain_another_gentle_one_is_tried(Technique[] painful, Technique expected)
    {
        var scenario = Scenario.FusedNeck.WithPainfulTechniques(painful).WithItem(Technique.DeepTissue, BodyRegion.Lumbar, Pressure.Firm);

        var assessment = scenario.Assess();

        var change = assessment.SaferPlan!.Changes.Should().ContainSingle().Subject;
        change.To.Should().Be(new PlanItem(expected, BodyRegion.Lumbar, Pressure.Light));
        assessment.SaferPlan.Items.Should().ContainSingle();
    }

    [Fact]
    public void An_empty_safer_plan_never_says_proceed_and_every_change_names_only_codes_the_assessment_shows()
    {
        var scenario = Scenario.FusedNeck
            .WithPainfulTechniques(Technique.Effleurage, Technique.Vibration, Technique.Petrissage)
            .WithItem(Technique.DeepTissue, BodyRegion.Lumbar, Pressure.Firm);

        var assessment = scenario.Assess();

        assessment.SaferPlan!.Items.Should().BeEmpty();
        assessment.SaferPlan.Decision.Should().Be(Decision.ProceedWithModifications);
        var shown = assessment.Advisories.Select(a => a.Code).ToList();
        assessment.SaferPlan.Changes.SelectMany(c => c.Because).Should().OnlyContain(code => shown.Contains(code));
    }
}
