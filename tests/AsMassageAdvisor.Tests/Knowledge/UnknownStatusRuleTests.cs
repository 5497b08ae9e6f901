using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The fail-safe warnings for facts nobody gave: unknown ankylosis before risky spinal work (ASM-006) and
/// unknown disease activity before work that is or may be aggressive (ASM-010).
/// </summary>
public sealed class UnknownStatusRuleTests
{
    private static readonly Scenario AnkylosisNotKnown = Scenario.Safe.WithAnkylosis(AnkylosisStatus.Unknown);

    private static readonly Scenario ActivityNotKnown = Scenario.Safe.WithDiseaseActivity(DiseaseActivity.Unknown);

    // ---- ASM-006: ankylosis status unknown ----

    [Fact]
    [Trait("Rule", "ASM-006")]
    public void Deep_tissue_work_on_the_low_back_with_unknown_ankylosis_is_a_warning()
    {
        var scenario = AnkylosisNotKnown.WithItems(Scenario.GentleItem, new PlanItem(Technique.DeepTissue, BodyRegion.Lumbar, Pressure.Moderate));

        var assessment = scenario.Assess();

        var advisory = assessment.ShouldFireFor("ASM-006", [1], "ankylosis: unknown", "item 1: deepTissue on lumbar, moderate pressure");
        advisory.Basis.Should().Be(Basis.Interpreted);
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
        assessment.UnknownFacts.Should().Contain("$.patient.ankylosis");
    }

    [Fact]
    [Trait("Rule", "ASM-006")]
    public void Deep_tissue_work_on_the_low_back_needs_no_ankylosis_check_once_it_is_ruled_out()
    {
        var scenario = AnkylosisNotKnown.WithAnkylosis(AnkylosisStatus.Absent)
            .WithItems(Scenario.GentleItem, new PlanItem(Technique.DeepTissue, BodyRegion.Lumbar, Pressure.Moderate));

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-006");
    }

    [Fact]
    [Trait("Rule", "ASM-006")]
    public void Gentle_manipulation_of_the_neck_with_unknown_ankylosis_is_a_warning()
    {
        var scenario = AnkylosisNotKnown.WithItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Light);

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-006", [0], "ankylosis: unknown", "item 0: spinalManipulation on cervical, light pressure");
    }

    [Fact]
    [Trait("Rule", "ASM-006")]
    public void Deep_tissue_work_on_the_legs_with_unknown_ankylosis_needs_no_ankylosis_check()
    {
        var scenario = AnkylosisNotKnown.WithItem(Technique.DeepTissue, BodyRegion.Legs, Pressure.Moderate);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-006");
    }

    [Theory]
    [Trait("Rule", "ASM-006")]
    [InlineData(BodyRegion.Cervical, true)]
    [InlineData(BodyRegion.Thoracic, true)]
    [InlineData(BodyRegion.Lumbar, true)]
    [InlineData(BodyRegion.Sacroiliac, true)]
    [InlineData(BodyRegion.Shoulders, false)]
    [InlineData(BodyRegion.Hips, false)]
    [InlineData(BodyRegion.Arms, false)]
    [InlineData(BodyRegion.Legs, false)]
    [InlineData(BodyRegion.Chest, false)]
    [InlineData(BodyRegion.Abdomen, false)]
    [InlineData(BodyRegion.Head, false)]
    public void Unknown_ankylosis_is_a_warning_for_deep_work_on_every_spinal_region_only(BodyRegion region, bool warned)
    {
        var scenario = AnkylosisNotKnown.WithItem(Technique.DeepTissue, region, Pressure.Light);

        var assessment = scenario.Assess();

        if (warned)
        {
            assessment.ShouldFireFor("ASM-006", [0], "ankylosis: unknown", "item 0: deepTissue*");
        }
        else
        {
            assessment.ShouldNotFire("ASM-006");
        }
    }

    [Theory]
    [Trait("Rule", "ASM-006")]
    [InlineData(Pressure.Unknown, true)] // a pressure not stated may be firm
    [InlineData(Pressure.Light, false)]
    [InlineData(Pressure.Moderate, false)]
    [InlineData(Pressure.Firm, true)]
    [InlineData(Pressure.Extreme, true)]
    public void Unknown_ankylosis_is_a_warning_for_low_back_strokes_that_are_or_may_be_firm(Pressure pressure, bool warned)
    {
        var scenario = AnkylosisNotKnown.WithItem(Technique.Effleurage, BodyRegion.Lumbar, pressure);

        var assessment = scenario.Assess();

        if (warned)
        {
            assessment.ShouldFireFor("ASM-006", [0], "ankylosis: unknown", "item 0: effleurage on lumbar*");
        }
        else
        {
            assessment.ShouldNotFire("ASM-006");
        }
    }

    // ---- ASM-010: disease activity unknown ----

    [Fact]
    [Trait("Rule", "ASM-010")]
    public void Firm_kneading_of_the_hips_with_unknown_disease_activity_is_a_warning()
    {
        var scenario = ActivityNotKnown.WithItem(Technique.Petrissage, BodyRegion.Hips, Pressure.Firm);

        var assessment = scenario.Assess();

        var advisory = assessment.ShouldFireFor("ASM-010", [0], "disease activity: unknown", "item 0: petrissage on hips, firm pressure");
        advisory.Basis.Should().Be(Basis.Interpreted);
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
    }

    [Fact]
    [Trait("Rule", "ASM-010")]
    public void Moderate_kneading_of_the_hips_with_unknown_disease_activity_is_not_warned_against()
    {
        var scenario = ActivityNotKnown.WithItem(Technique.Petrissage, BodyRegion.Hips, Pressure.Moderate);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-010");
    }

    [Fact]
    [Trait("Rule", "ASM-010")]
    public void Firm_kneading_of_the_hips_needs_no_flare_check_once_the_disease_is_known_to_be_stable()
    {
        var scenario = ActivityNotKnown.WithDiseaseActivity(DiseaseActivity.Stable).WithItem(Technique.Petrissage, BodyRegion.Hips, Pressure.Firm);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-010");
    }

    [Fact]
    [Trait("Rule", "ASM-010")]
    public void Strokes_without_a_stated_pressure_with_unknown_disease_activity_are_a_warning()
    {
        var scenario = ActivityNotKnown.WithItems(Scenario.GentleItem, new PlanItem(Technique.Effleurage, BodyRegion.Arms));

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-010", [1], "disease activity: unknown", "item 1: effleurage on arms, pressure not stated");
    }

    [Theory]
    [Trait("Rule", "ASM-010")]
    [InlineData(Pressure.Unknown, true)]
    [InlineData(Pressure.Light, false)]
    [InlineData(Pressure.Moderate, false)]
    [InlineData(Pressure.Firm, true)]
    [InlineData(Pressure.Extreme, true)]
    public void Unknown_disease_activity_is_a_warning_for_strokes_that_are_or_may_be_firm(Pressure pressure, bool warned)
    {
        var scenario = ActivityNotKnown.WithItem(Technique.Effleurage, BodyRegion.Legs, pressure);

        var assessment = scenario.Assess();

        if (warned)
        {
            assessment.ShouldFireFor("ASM-010", [0], "disease activity: unknown", "item 0: effleurage on legs*");
        }
        else
        {
            assessment.ShouldNotFire("ASM-010");
        }
    }

    // ---- ASM-032: disease activity not known at all ----

    [Fact]
    [Trait("Rule", "ASM-032")]
    public void Unknown_disease_activity_asks_for_it_even_for_a_gentle_plan()
    {
        var scenario = ActivityNotKnown;

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-032", "disease activity: unknown");
        assessment.Decision.Should().Be(Decision.ProceedWithCaution, "a flare-up would call for the flare-up caution");
    }

    [Theory]
    [Trait("Rule", "ASM-032")]
    [InlineData(DiseaseActivity.Stable)]
    [InlineData(DiseaseActivity.Flare)]
    public void Known_disease_activity_does_not_ask_for_it(DiseaseActivity activity)
    {
        var scenario = Scenario.Safe.WithDiseaseActivity(activity);

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-032");
    }
}
