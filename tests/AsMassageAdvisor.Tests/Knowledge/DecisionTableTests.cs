using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The overall decision follows the worst severity (stop, then contraindicated or warning, then caution, then
/// information only), shown with real rules; and advisories come most severe first, then by code.
/// </summary>
public sealed class DecisionTableTests
{
    [Fact]
    [Trait("Rule", "ASM-001")]
    public void Manipulating_the_neck_of_a_patient_with_ankylosis_is_contraindicated_and_needs_modification()
    {
        var scenario = Scenario.Safe.WithAnkylosis(AnkylosisStatus.Present).WithItems(
            new PlanItem(Technique.Effleurage, BodyRegion.Shoulders, Pressure.Light),
            new PlanItem(Technique.Vibration, BodyRegion.Thoracic, Pressure.Light),
            new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Moderate));

        var assessment = scenario.Assess();

        var advisory = assessment.Advisories.Should().ContainSingle(a => a.Code == "ASM-001").Which;
        advisory.Severity.Should().Be(Severity.Contraindicated);
        advisory.Items.Should().Equal(2);
        advisory.Citations.Should().Contain(c => c.Source == "S0" && c.Section == "Risks");
        advisory.Citations.Should().Contain(c => c.Source == "S0" && c.Section == "Use Caution");
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
    }

    [Fact]
    [Trait("Rule", "ASM-017")]
    public void A_stop_advisory_means_do_not_proceed()
    {
        var assessment = Scenario.Safe.WithPatient(p => p with { NeurologicalSymptoms = [NeurologicalSymptom.SensoryChanges] }).Assess();

        assessment.WorstSeverity().Should().Be(Severity.Stop);
        assessment.Decision.Should().Be(Decision.DoNotProceed);
    }

    [Fact]
    [Trait("Rule", "ASM-017")]
    [Trait("Rule", "ASM-001")]
    public void A_stop_outranks_a_contraindication()
    {
        var scenario = Scenario.Safe
            .WithPatient(p => p with { NeurologicalSymptoms = [NeurologicalSymptom.ProgressiveWeakness], Ankylosis = AnkylosisStatus.Present })
            .WithItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Light);

        var assessment = scenario.Assess();

        assessment.Advisories.Select(a => a.Code).Should().Contain(["ASM-017", "ASM-001"]);
        assessment.Decision.Should().Be(Decision.DoNotProceed);
    }

    [Fact]
    [Trait("Rule", "ASM-003")]
    public void A_contraindication_means_proceed_with_modifications()
    {
        var assessment = Scenario.Safe.WithAnkylosis(AnkylosisStatus.Present).WithItem(Technique.DeepTissue, BodyRegion.Sacroiliac, Pressure.Light).Assess();

        assessment.WorstSeverity().Should().Be(Severity.Contraindicated);
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
    }

    [Fact]
    [Trait("Rule", "ASM-007")]
    public void A_warning_means_proceed_with_modifications()
    {
        var assessment = Scenario.Safe.WithPainfulTechniques(Technique.Effleurage).Assess();

        assessment.WorstSeverity().Should().Be(Severity.Warning);
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
    }

    [Fact]
    [Trait("Rule", "ASM-020")]
    public void A_caution_means_proceed_with_caution()
    {
        var assessment = Scenario.Safe.WithGoals(SessionGoal.ReduceMedication).Assess();

        assessment.WorstSeverity().Should().Be(Severity.Caution);
        assessment.Decision.Should().Be(Decision.ProceedWithCaution);
    }

    [Fact]
    [Trait("Rule", "ASM-021")]
    [Trait("Rule", "ASM-023")]
    public void Information_alone_means_proceed()
    {
        var assessment = Scenario.Safe.WithPatient(p => p with { Smoker = Answer.Yes, DietHighInFriedOrSugaryFoods = Answer.Yes }).Assess();

        assessment.Advisories.Select(a => a.Code).Should().Contain(["ASM-021", "ASM-023"]);
        assessment.WorstSeverity().Should().Be(Severity.Info);
        assessment.Decision.Should().Be(Decision.Proceed);
    }

    [Fact]
    public void Advisories_come_most_severe_first_and_then_by_code()
    {
        var scenario = Scenario.Safe
            .WithPatient(p => p with
            {
                Ankylosis = AnkylosisStatus.Present,
                NeurologicalSymptoms = [NeurologicalSymptom.SensoryChanges],
                PainfulTechniques = [Technique.SpinalManipulation],
                ProviderConsulted = Answer.No,
                Smoker = Answer.Yes,
            })
            .WithItems(
                new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Moderate),
                new PlanItem(Technique.Friction, BodyRegion.Thoracic, Pressure.Light));

        var assessment = scenario.Assess();

        // Beside the stop the session notes are withheld, and the contraindicated item 0 carries no other advice.
        assessment.Advisories.Select(a => a.Code).Should().Equal(
            "ASM-017",                                         // stop
            "ASM-001",                                         // contraindicated
            "ASM-005",                                         // warning
            "ASM-013");                                        // caution
        assessment.Advisories.Select(a => a.Severity).Should().BeInDescendingOrder();
    }

    [Fact]
    public void Advisories_of_one_severity_are_ordered_by_code_whatever_the_item_order()
    {
        var forward = Scenario.Safe.WithItems(
            new PlanItem(Technique.Petrissage, BodyRegion.Legs, Pressure.Extreme),
            new PlanItem(Technique.Effleurage, BodyRegion.Legs, Pressure.Light)).WithPainfulTechniques(Technique.Effleurage);
        var backward = forward.WithItems(forward.Plan.Items.Reverse().ToArray());

        var codesForward = forward.Assess().Advisories.Where(a => a.Severity == Severity.Warning).Select(a => a.Code);
        var codesBackward = backward.Assess().Advisories.Where(a => a.Severity == Severity.Warning).Select(a => a.Code);

        codesForward.Should().Equal("ASM-007", "ASM-028");
        codesBackward.Should().Equal("ASM-007", "ASM-028");
    }
}
