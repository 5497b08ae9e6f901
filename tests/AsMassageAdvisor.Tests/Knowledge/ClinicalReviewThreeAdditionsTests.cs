using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The rest of the third clinical review, each gap kept fixed by a test named after it: neurological symptoms that a
/// physician has assessed (K32: ASM-042, ASM-043), the techniques and regions beyond the article (K33: ASM-041 and the
/// terms), a missing pressure on a gentle stroke (ASM-046), one question per fact on a stale status (ASM-030, ASM-044,
/// ASM-045) and the requests that cannot be assessed.
/// The plain cases (a request, the rules that fire or stay silent, the decision) are scenarios in
/// tests/scenarios/clinical-review-three-additions.json; here are the tables over every region or technique and what a scenario cannot say.
/// </summary>
public sealed class ClinicalReviewThreeAdditionsTests
{
    private static readonly DateOnly AssessedDay = Scenario.SessionDay.AddDays(-10);

    private static Scenario WithSymptoms(Scenario scenario, DateOnly? assessedOn, Answer changedSince) => scenario.WithPatient(p => p with
    {
        NeurologicalSymptoms = [NeurologicalSymptom.SensoryChanges],
        NeurologicalSymptomsAssessedOn = assessedOn,
        NeurologicalSymptomsChangedSinceAssessment = changedSince,
    });

    // ---- K32: neurological symptoms a physician has assessed ----

    [Fact]
    [Trait("Rule", "ASM-042")]
    [Trait("Rule", "ASM-017")]
    public void Symptoms_a_physician_assessed_and_unchanged_since_are_not_a_stop_but_a_caution_for_gentle_work_only()
    {
        var scenario = WithSymptoms(Scenario.Safe, AssessedDay, Answer.No);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-017");
        var caution = assessment.ShouldFire("ASM-042", "neurological symptoms: sensoryChanges", "neurological symptoms assessed by a physician on: 2026-11-14",
            "neurological symptoms new or worse since that assessment: no");
        caution.Severity.Should().Be(Severity.Caution);
        caution.Basis.Should().Be(Basis.Interpreted);
        caution.Message.Should().Contain("gentle work").And.Contain("Stop and send the patient back");
        assessment.Decision.Should().Be(Decision.ProceedWithCaution);
    }

    [Theory]
    [Trait("Rule", "ASM-043")]
    [InlineData(Technique.SpinalManipulation, BodyRegion.Legs, Pressure.Light)]
    [InlineData(Technique.PassiveStretching, BodyRegion.Hands, Pressure.Light)]
    [InlineData(Technique.DeepTissue, BodyRegion.Feet, Pressure.Moderate)]
    [InlineData(Technique.TriggerPoint, BodyRegion.Arms, Pressure.Light)]
    [InlineData(Technique.Petrissage, BodyRegion.Legs, Pressure.Firm)]
    public void With_assessed_unchanged_symptoms_manipulation_stretching_and_aggressive_work_anywhere_are_warnings_and_the_safer_plan_replaces_them(
        Technique technique, BodyRegion region, Pressure pressure)
    {
        var scenario = WithSymptoms(Scenario.Safe, AssessedDay, Answer.No).WithItems(Scenario.GentleItem, new PlanItem(technique, region, pressure));

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-043", [1], "item 1: *").Severity.Should().Be(Severity.Warning);
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
        assessment.SaferPlan!.Items[1].Should().Be(new PlanItem(Technique.Effleurage, region, Pressure.Light));
        assessment.SaferPlan.Decision.Should().Be(Decision.ProceedWithCaution);
    }

    [Theory]
    [Trait("Rule", "ASM-017")]
    [Trait("Rule", "ASM-042")]
    [InlineData(Answer.Yes)]
    [InlineData(Answer.Unknown)]
    public void Symptoms_new_or_worse_since_the_assessment_or_not_known_to_be_unchanged_still_stop_the_session(Answer changedSince)
    {
        var scenario = WithSymptoms(Scenario.Safe, AssessedDay, changedSince);

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-017", "neurological symptoms: sensoryChanges");
        assessment.ShouldNotFire("ASM-042");
        assessment.ShouldNotFire("ASM-043");
        assessment.Decision.Should().Be(Decision.DoNotProceed);
    }

    [Fact]
    [Trait("Rule", "ASM-017")]
    public void Symptoms_no_physician_has_assessed_stop_the_session_and_the_assessment_is_asked_for()
    {
        var scenario = WithSymptoms(Scenario.Safe, null, Answer.Unknown);

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-017", "neurological symptoms: sensoryChanges");
        assessment.UnknownFacts.Should().Contain("$.patient.neurologicalSymptomsAssessedOn");
        assessment.UnknownFacts.Should().NotContain("$.patient.neurologicalSymptomsChangedSinceAssessment");
        WithSymptoms(Scenario.Safe, AssessedDay, Answer.Unknown).Assess().UnknownFacts
            .Should().Contain("$.patient.neurologicalSymptomsChangedSinceAssessment");
    }

    // ---- K33: techniques and regions beyond the article ----

    [Theory]
    [Trait("Rule", "ASM-041")]
    [InlineData(AnkylosisStatus.Present, Answer.Yes, BodyRegion.Lumbar)]
    [InlineData(AnkylosisStatus.Present, Answer.No, BodyRegion.Sacroiliac)]
    [InlineData(AnkylosisStatus.Unknown, Answer.Yes, BodyRegion.Head)]
    [InlineData(AnkylosisStatus.Unknown, Answer.Unknown, BodyRegion.Shoulders)]
    [InlineData(AnkylosisStatus.Unknown, Answer.No, BodyRegion.Cervical)]
    public void Passive_stretching_of_a_spine_that_is_or_may_be_fused_is_contraindicated_as_manipulation_is(AnkylosisStatus ankylosis, Answer restricted, BodyRegion region)
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { Ankylosis = ankylosis, RestrictedSpinalMotion = restricted })
            .WithItems(Scenario.GentleItem, new PlanItem(Technique.PassiveStretching, region, Pressure.Light));

        var assessment = scenario.Assess();

        var advisory = assessment.ShouldFireFor("ASM-041", [1], "item 1: passiveStretching on *");
        advisory.Severity.Should().Be(Severity.Contraindicated);
        advisory.Requirements.Should().Contain(["K33", "K01", "K05"]);
        assessment.Advisories.Where(a => a.Items.Contains(1)).Should().ContainSingle("a contraindicated item carries no other advice");
        assessment.SaferPlan!.Items[1].Should().Be(new PlanItem(Technique.Effleurage, region, Pressure.Light));
    }

    [Theory]
    [Trait("Rule", "ASM-041")]
    [Trait("Rule", "ASM-035")]
    [InlineData(AnkylosisStatus.Absent, BodyRegion.Lumbar)]
    [InlineData(AnkylosisStatus.Present, BodyRegion.Legs)]
    [InlineData(AnkylosisStatus.Present, BodyRegion.Hands)]
    public void Passive_stretching_with_ankylosis_known_absent_or_away_from_the_spine_is_ordinary_work(AnkylosisStatus ankylosis, BodyRegion region)
    {
        var scenario = Scenario.Safe.WithAnkylosis(ankylosis).WithItem(Technique.PassiveStretching, region, Pressure.Light);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-041");
        assessment.ShouldNotFire("ASM-035");
        assessment.Advisories.Where(a => a.Items.Contains(0)).Should().BeEmpty();
    }

    [Fact]
    [Trait("Rule", "ASM-041")]
    public void Passive_stretching_of_the_shoulders_says_that_it_moves_the_neck()
    {
        var scenario = Scenario.FusedNeck.WithItem(Technique.PassiveStretching, BodyRegion.Shoulders, Pressure.Moderate);

        scenario.Assess().ShouldFireFor("ASM-041", [0], "item 0: passiveStretching on shoulders, which moves the cervical spine, moderate pressure");
        AsMassageAdvisor.Reports.PlainWords.Describe(scenario.Plan.Items[0]).Should().Contain("neck");
    }

    [Theory]
    [Trait("Rule", "ASM-002")]
    [InlineData(Technique.MyofascialRelease)]
    [InlineData(Technique.HotStone)]
    public void Myofascial_release_and_hot_stones_are_judged_by_their_pressure(Technique technique)
    {
        var light = Scenario.FusedNeck.WithItem(technique, BodyRegion.Thoracic, Pressure.Light).Assess();
        var firm = Scenario.FusedNeck.WithItem(technique, BodyRegion.Thoracic, Pressure.Firm).Assess();

        light.ShouldNotFire("ASM-002");
        light.Advisories.Where(a => a.Items.Contains(0)).Should().BeEmpty();
        firm.ShouldFireFor("ASM-002", [0], "item 0: *");
    }

    [Theory]
    [Trait("Rule", "ASM-001")]
    [InlineData(BodyRegion.Hands, "cervical")]
    [InlineData(BodyRegion.Feet, "lumbar")]
    public void Manipulation_named_on_the_hands_or_feet_moves_the_spine(BodyRegion region, string spinalRegion)
    {
        var scenario = Scenario.FusedNeck.WithItem(Technique.SpinalManipulation, region, Pressure.Light);

        scenario.Assess().ShouldFireFor("ASM-001", [0], $"item 0: spinalManipulation on {JsonNames.Of(region)}, which moves the {spinalRegion} spine, light pressure");
    }

    // ---- noise: a missing pressure on a gentle stroke ----

    [Fact]
    [Trait("Rule", "ASM-046")]
    public void A_gentle_stroke_with_a_stated_pressure_is_not_asked_for_it()
    {
        Scenario.Safe.WithItem(Technique.Vibration, BodyRegion.Thoracic, Pressure.Moderate).Assess().ShouldNotFire("ASM-046");
    }

    // ---- noise: one question per fact on a stale status ----

    private static Scenario Stale(Scenario scenario) => scenario.WithPatient(p => p with { StatusConfirmedOn = Scenario.SessionDay.AddDays(-12) });

    [Fact]
    [Trait("Rule", "ASM-044")]
    [Trait("Rule", "ASM-031")]
    public void A_stale_status_without_neurological_symptoms_asks_for_them_once_and_re_checks_only_the_flare_status()
    {
        var assessment = Stale(Scenario.Safe).WithPatient(p => p with { NeurologicalSymptoms = null }).Assess();

        assessment.ShouldFire("ASM-031", "neurological symptoms: not asked (unknown)");
        assessment.ShouldFire("ASM-044", "disease activity: stable", "status confirmed 12 days before the session");
        assessment.ShouldNotFire("ASM-030");
        assessment.ShouldNotFire("ASM-045");
        assessment.Advisories.Count(a => a.Message.Contains("weakness", StringComparison.OrdinalIgnoreCase)).Should().Be(1, "new weakness is asked for once");
    }

    [Fact]
    [Trait("Rule", "ASM-045")]
    [Trait("Rule", "ASM-032")]
    public void A_stale_status_without_the_disease_activity_asks_for_it_once_and_re_checks_only_the_symptoms()
    {
        var assessment = Stale(Scenario.Safe).WithDiseaseActivity(DiseaseActivity.Unknown).Assess();

        assessment.ShouldFire("ASM-032", "disease activity: unknown");
        assessment.ShouldFire("ASM-045", "neurological symptoms: none listed", "status confirmed 12 days before the session");
        assessment.ShouldNotFire("ASM-030");
        assessment.ShouldNotFire("ASM-044");
        assessment.Advisories.Count(a => a.Message.Contains("flar", StringComparison.OrdinalIgnoreCase)).Should().Be(1, "the flare status is asked for once");
    }

    [Fact]
    [Trait("Rule", "ASM-044")]
    [Trait("Rule", "ASM-045")]
    public void A_stale_status_with_both_facts_unknown_leaves_the_asking_to_the_rules_that_ask_for_them()
    {
        var assessment = Stale(Scenario.Safe).WithPatient(p => p with { NeurologicalSymptoms = null, DiseaseActivity = DiseaseActivity.Unknown }).Assess();

        assessment.ShouldFire("ASM-031", "neurological symptoms: not asked (unknown)");
        assessment.ShouldFire("ASM-032", "disease activity: unknown");
        assessment.Advisories.Select(a => a.Code).Should().NotContain(["ASM-030", "ASM-044", "ASM-045"]);
    }

    [Fact]
    [Trait("Rule", "ASM-044")]
    [Trait("Rule", "ASM-045")]
    public void A_current_status_raises_no_re_check()
    {
        var assessment = Scenario.Safe.WithPatient(p => p with { NeurologicalSymptoms = null }).Assess();

        assessment.Advisories.Select(a => a.Code).Should().NotContain(["ASM-030", "ASM-044", "ASM-045"]);
        Scenario.Safe.WithDiseaseActivity(DiseaseActivity.Unknown).Assess().ShouldNotFire("ASM-045");
    }

    // ---- requests that cannot be assessed ----

    private static InputError SingleProblem(Scenario scenario) =>
        scenario.Invoking(s => s.Assess()).Should().Throw<InvalidRequestException>().Which.Errors.Should().ContainSingle().Subject;

    [Fact]
    public void A_status_confirmed_in_the_future_without_a_session_date_is_refused()
    {
        // The advisor's clock shows Scenario.Today; without a session date the session is today.
        var scenario = Scenario.Safe
            .WithPatient(p => p with { StatusConfirmedOn = Scenario.Today.AddDays(1) })
            .WithPlan(p => p with { SessionDate = null });

        var error = SingleProblem(scenario);

        error.Path.Should().Be("$.patient.statusConfirmedOn");
        error.Code.Should().Be(InputErrorCodes.Contradiction);
        error.Message.Should().Contain("in the future").And.Contain("today");
    }

    [Fact]
    public void A_status_confirmed_today_without_a_session_date_is_assessed()
    {
        var scenario = Scenario.Safe
            .WithPatient(p => p with { StatusConfirmedOn = Scenario.Today })
            .WithPlan(p => p with { SessionDate = null });

        scenario.Assess().Decision.Should().Be(Decision.Proceed);
    }

    [Theory]
    [InlineData(false, 0, "$.patient.neurologicalSymptomsAssessedOn")] // no symptoms listed
    [InlineData(true, 1, "$.patient.neurologicalSymptomsAssessedOn")] // after the session
    public void A_physician_assessment_without_symptoms_or_after_the_session_is_refused(bool listed, int daysAfterSession, string path)
    {
        var scenario = Scenario.Safe.WithPatient(p => p with
        {
            NeurologicalSymptoms = listed ? [NeurologicalSymptom.ProgressiveWeakness] : [],
            NeurologicalSymptomsAssessedOn = listed ? Scenario.SessionDay.AddDays(daysAfterSession) : AssessedDay,
            NeurologicalSymptomsChangedSinceAssessment = Answer.No,
        });

        var error = SingleProblem(scenario);

        error.Path.Should().Be(path);
        error.Code.Should().Be(InputErrorCodes.Contradiction);
    }

    [Fact]
    public void A_change_since_an_assessment_that_is_not_given_is_refused()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with
        {
            NeurologicalSymptoms = [NeurologicalSymptom.ProgressiveWeakness],
            NeurologicalSymptomsChangedSinceAssessment = Answer.No,
        });

        var error = SingleProblem(scenario);

        error.Path.Should().Be("$.patient.neurologicalSymptomsChangedSinceAssessment");
        error.Message.Should().Contain("neurologicalSymptomsAssessedOn");
    }

    [Fact]
    [Trait("Rule", "ASM-016")]
    public void A_tool_self_massage_with_the_giver_unknown_is_assessed_as_the_patients_own()
    {
        var unknown = Scenario.Safe.AdministeredBy(Administrator.Unknown).WithItem(Technique.ToolSelfMassage, BodyRegion.Lumbar, Pressure.Moderate).Assess();
        var self = Scenario.Safe.AdministeredBy(Administrator.Self).WithItem(Technique.ToolSelfMassage, BodyRegion.Lumbar, Pressure.Moderate).Assess();

        unknown.ShouldFireFor("ASM-016", [0], "item 0: toolSelfMassage on lumbar, moderate pressure");
        unknown.Decision.Should().Be(self.Decision);
        unknown.SaferPlan!.Items.Should().Equal(self.SaferPlan!.Items);
    }
}
