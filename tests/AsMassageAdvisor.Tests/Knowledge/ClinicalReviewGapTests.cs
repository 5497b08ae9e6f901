using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Fhir.CdsHooks;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The cases a clinical review of knowledge base 1.0.0 found unsafe, noisy or worded beyond the source, each kept
/// fixed by a test named after the gap, and the rules added for them: K26 (ASM-035) and K27 (ASM-036, ASM-037).
/// The plain cases (a request, the rules that fire or stay silent, the decision) are scenarios in
/// tests/scenarios/clinical-review-gaps.json; here are the tables over every region or technique and what a scenario cannot say.
/// </summary>
public sealed class ClinicalReviewGapTests
{
    // ---- 1. manipulation named on the head or shoulders of a fused neck ----

    [Theory]
    [Trait("Rule", "ASM-001")]
    [MemberData(nameof(RegionTables.OffTheSpineWithTheSpineItMoves), MemberType = typeof(RegionTables))]
    public void Gap1_manipulation_named_on_a_region_off_the_spine_of_a_fused_patient_is_contraindicated_not_proceed(BodyRegion named, BodyRegion moved)
    {
        var scenario = Scenario.FusedNeck.WithItems(Scenario.GentleItem, new PlanItem(Technique.SpinalManipulation, named, Pressure.Light));

        var explanation = new Advisor().Explain(scenario.Request);

        explanation.Assessment.Decision.Should().Be(Decision.ProceedWithModifications);
        explanation.Assessment.ShouldFireFor("ASM-001", [1], "ankylosis: present (fused: cervical)",
            $"item 1: spinalManipulation on {Json(named)}, which moves the {Json(moved)} spine, light pressure");
        explanation.Rules.Single(r => r.Code == "ASM-001").Verdict.Should().Be(RuleVerdict.Fired);
    }

    // ---- 2. fused regions listed, ankylosis left out ----

    [Fact]
    [Trait("Rule", "ASM-001")]
    public void Gap2_fused_regions_listed_without_an_ankylosis_status_mean_ankylosis_is_present()
    {
        var scenario = Scenario.Safe
            .WithPatient(p => p with { Ankylosis = AnkylosisStatus.Unknown, AnkylosedRegions = [BodyRegion.Cervical] })
            .WithItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Light);

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-001", [0], "ankylosis: present (fused: cervical)");
        assessment.ShouldNotFire("ASM-006");
        assessment.UnknownFacts.Should().NotContain("$.patient.ankylosis", "listing fused regions states that there is ankylosis");
    }

    // ---- 3. unknown ankylosis and manipulation ----

    [Fact]
    [Trait("Rule", "ASM-006")]
    public void Gap3_manipulation_with_unknown_ankylosis_is_contraindicated_and_its_card_is_critical()
    {
        var scenario = Scenario.Safe.WithAnkylosis(AnkylosisStatus.Unknown).WithItem(Technique.SpinalManipulation, BodyRegion.Thoracic, Pressure.Moderate);

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-006", [0], "ankylosis: unknown").Severity.Should().Be(Severity.Contraindicated);
        CdsCardBuilder.Indicator(Severity.Contraindicated).Should().Be("critical");
        CdsCardBuilder.Build(assessment).Cards.Should().Contain(c => c.Indicator == "critical" && c.Summary.Contains("fusion", StringComparison.OrdinalIgnoreCase));
    }

    // ---- 4. manipulation with ankylosis known absent (K26) ----

    [Theory]
    [Trait("Rule", "ASM-035")]
    [MemberData(nameof(RegionTables.EveryRegion), MemberType = typeof(RegionTables))]
    public void Gap4_spinal_manipulation_with_ankylosis_known_absent_is_a_warning_not_proceed(BodyRegion region)
    {
        var scenario = Scenario.Safe.WithItem(Technique.SpinalManipulation, region, Pressure.Light);

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-035", [0], "ankylosis: absent", "item 0: spinalManipulation on *").Basis.Should().Be(Basis.Interpreted);
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
    }

    [Theory]
    [Trait("Rule", "ASM-035")]
    [InlineData(AnkylosisStatus.Present)]
    [InlineData(AnkylosisStatus.Unknown)]
    public void Manipulation_gets_the_absent_ankylosis_warning_only_when_ankylosis_is_known_absent(AnkylosisStatus ankylosis)
    {
        var scenario = Scenario.Safe.WithAnkylosis(ankylosis).WithItem(Technique.SpinalManipulation, BodyRegion.Lumbar, Pressure.Light);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-035");
        assessment.WorstSeverity().Should().Be(Severity.Contraindicated, "a fused or possibly fused spine is a contraindication instead");
    }

    // ---- 5. a pain score of 7 or more (K27) ----

    [Theory]
    [Trait("Rule", "ASM-036")]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(10)]
    public void Gap5_a_high_pain_score_with_a_gentle_plan_is_a_caution(int painScore)
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { PainScore = painScore });

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-036", $"pain score: {painScore} of 10").Basis.Should().Be(Basis.Interpreted);
        assessment.ShouldNotFire("ASM-037");
        assessment.Decision.Should().Be(Decision.ProceedWithCaution);
    }

    // ---- 6. a tennis ball on a fused low back ----

    [Fact]
    [Trait("Rule", "ASM-002")]
    [Trait("Rule", "ASM-016")]
    public void Gap6_a_tennis_ball_on_a_fused_low_back_at_moderate_pressure_is_contraindicated()
    {
        var scenario = Scenario.FusedNeck.AdministeredBy(Administrator.Self).WithItem(Technique.ToolSelfMassage, BodyRegion.Lumbar, Pressure.Moderate);

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-002", [0], "item 0: toolSelfMassage on lumbar, moderate pressure");
        // The item goes whatever else is true: it carries no other advice (alert budget).
        assessment.ShouldNotFire("ASM-016");
        assessment.ShouldNotFire("ASM-029");
    }

    // ---- 7. a caller who follows the contract without dates ----

    [Fact]
    [Trait("Rule", "ASM-030")]
    public void Gap7_a_fully_known_gentle_plan_without_dates_gets_proceed_with_only_information_notes()
    {
        var scenario = Scenario.Safe
            .WithPatient(p => p with { StatusConfirmedOn = null })
            .WithPlan(p => p with { SessionDate = null });

        var assessment = scenario.Assess();

        assessment.Decision.Should().Be(Decision.Proceed);
        assessment.Advisories.Should().OnlyContain(a => a.Severity == Severity.Info).And.HaveCountLessThanOrEqualTo(3);
        assessment.UnknownFacts.Should().Equal("$.patient.statusConfirmedOn", "$.plan.sessionDate");
    }

    [Fact]
    [Trait("Rule", "ASM-030")]
    public void Gap7_a_status_confirmed_more_than_a_week_before_the_session_still_cautions()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { StatusConfirmedOn = Scenario.SessionDay.AddDays(-8) });

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-030", "status confirmed 8 days before the session");
        assessment.Decision.Should().Be(Decision.ProceedWithCaution);
    }

    // ---- 8. noise ----

    [Theory]
    [InlineData(BodyRegion.Thoracic)]
    [InlineData(BodyRegion.Shoulders)]
    public void Gap8_every_fact_unknown_and_one_effleurage_item_without_pressure_gives_at_most_six_advisories(BodyRegion region)
    {
        var scenario = new Scenario(new PatientStatus(), new SessionPlan { Items = [new PlanItem(Technique.Effleurage, region)] });

        var assessment = scenario.Assess();

        assessment.Advisories.Should().HaveCountLessThanOrEqualTo(6);
        assessment.Advisories.Where(a => a.Items.Contains(0)).Select(a => a.Code).Should().Equal(["ASM-046"], "one missing pressure is one concern");
        assessment.Advisories.Should().NotContain(a => a.Severity > Severity.Caution, "effleurage is a gentle stroke: its missing pressure is asked for, not a change");
        assessment.Decision.Should().Be(Decision.ProceedWithCaution);
    }

    [Fact]
    [Trait("Rule", "ASM-025")]
    public void Gap8_no_benefit_note_stands_beside_a_stop()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { NeurologicalSymptoms = [NeurologicalSymptom.SensoryChanges] });

        var assessment = scenario.Assess();

        assessment.Decision.Should().Be(Decision.DoNotProceed);
        assessment.ShouldNotFire("ASM-025");
    }

    [Fact]
    [Trait("Rule", "ASM-029")]
    public void Gap8_no_check_during_this_item_note_stands_on_an_item_already_contraindicated()
    {
        var scenario = Scenario.FusedNeck.WithItems(
            new PlanItem(Technique.DeepTissue, BodyRegion.Thoracic, Pressure.Moderate),
            new PlanItem(Technique.DeepTissue, BodyRegion.Legs, Pressure.Moderate));

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-002", [0], "item 0: deepTissue on thoracic*");
        var check = assessment.ShouldFireFor("ASM-029", [1], "item 1: deepTissue on legs*");
        check.Triggers.Should().NotContainMatch("item 0:*", "the withheld item is not named among the triggers either");
    }

    [Fact]
    [Trait("Rule", "ASM-029")]
    public void An_explanation_says_when_a_fired_note_was_withheld()
    {
        var scenario = Scenario.FusedNeck.WithItem(Technique.DeepTissue, BodyRegion.Thoracic, Pressure.Moderate);

        var explanation = new Advisor().Explain(scenario.Request);

        explanation.Rules.Single(r => r.Code == "ASM-029").Reason.Should().Contain("withheld");
        explanation.Assessment.ShouldNotFire("ASM-029");
    }

    // ---- 9. wording beyond the article ----

    [Fact]
    public void Gap9_the_manipulation_contraindication_speaks_of_neurological_symptoms_not_of_the_spinal_cord()
    {
        var message = Rule("ASM-001").Message;

        message.Should().NotContainAny("spinal cord", "nerve roots");
        message.Should().Contain("weakness").And.Contain("sensation");
    }

    [Fact]
    public void Gap9_the_friction_warning_hedges_its_interpretation()
    {
        var rule = Rule("ASM-005");

        rule.Basis.Should().Be(Basis.Interpreted);
        rule.Message.Should().Contain("may").And.NotContain(" jar ");
    }

    [Fact]
    public void Gap9_the_stiffness_note_rests_on_the_article_alone_and_not_on_the_ten_session_study()
    {
        var rule = Rule("ASM-025");

        rule.Citations.Select(c => c.Source).Should().Equal("S0");
        rule.Message.Should().NotContainAny("ten", "10 ");
    }

    [Fact]
    public void Gap9_the_medication_caution_grades_the_low_back_pain_study_as_indirect()
    {
        var rule = Rule("ASM-020");

        rule.Citations.Single(c => c.Source == "R4").Evidence.Level.Should().Be("C");
        rule.Message.Should().Contain("low back pain");
    }

    [Fact]
    public void Gap9_the_balance_note_says_that_reading_fusion_as_advanced_disease_is_an_interpretation()
    {
        var rule = Rule("ASM-022");

        rule.Basis.Should().Be(Basis.Interpreted);
        rule.Title.Should().NotContain("Advanced");
        rule.When.Should().Contain("advanced disease");
    }

    [Fact]
    public void Gap9_the_missing_pressure_warning_does_not_claim_to_rule_anything_out()
    {
        Rule("ASM-027").Message.Should().NotContain("ruled out");
    }

    private static RuleDefinition Rule(string code) => KnowledgeBase.BuiltIn.Rules.Single(r => r.Code == code);

    private static string Json(BodyRegion region) => char.ToLowerInvariant(region.ToString()[0]) + region.ToString()[1..];
}
