using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The fail-safe advice for facts nobody gave: unknown ankylosis before spinal manipulation (ASM-006,
/// contraindicated) and before forceful spinal work (ASM-034, warning), and unknown disease activity before
/// aggressive work (ASM-010).
/// The plain cases (a request, the rules that fire or stay silent, the decision) are scenarios in
/// tests/scenarios/unknown-status.json; here are the tables over every region or technique and what a scenario cannot say.
/// </summary>
public sealed class UnknownStatusRuleTests
{
    private static readonly Scenario AnkylosisNotKnown = Scenario.Safe.WithAnkylosis(AnkylosisStatus.Unknown);

    private static readonly Scenario ActivityNotKnown = Scenario.Safe.WithDiseaseActivity(DiseaseActivity.Unknown);

    // ---- ASM-006 and ASM-034: ankylosis status unknown ----

    [Fact]
    [Trait("Rule", "ASM-034")]
    public void Deep_tissue_work_on_the_low_back_with_unknown_ankylosis_is_a_warning()
    {
        var scenario = AnkylosisNotKnown.WithItems(Scenario.GentleItem, new PlanItem(Technique.DeepTissue, BodyRegion.Lumbar, Pressure.Moderate));

        var assessment = scenario.Assess();

        var advisory = assessment.ShouldFireFor("ASM-034", [1], "ankylosis: unknown", "item 1: deepTissue on lumbar, moderate pressure");
        advisory.Basis.Should().Be(Basis.Interpreted);
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
        assessment.UnknownFacts.Should().Contain("$.patient.ankylosis");
    }

    [Fact]
    [Trait("Rule", "ASM-006")]
    public void Gentle_manipulation_of_the_neck_with_unknown_ankylosis_is_contraindicated_until_fusion_is_ruled_out()
    {
        var scenario = AnkylosisNotKnown.WithItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Light);

        var assessment = scenario.Assess();

        var advisory = assessment.ShouldFireFor("ASM-006", [0], "ankylosis: unknown", "item 0: spinalManipulation on cervical, light pressure");
        advisory.Severity.Should().Be(Severity.Contraindicated);
        advisory.Basis.Should().Be(Basis.Interpreted);
        assessment.ShouldNotFire("ASM-034");
    }

    [Theory]
    [Trait("Rule", "ASM-034")]
    [MemberData(nameof(RegionTables.SpinalOrNot), MemberType = typeof(RegionTables))]
    public void Unknown_ankylosis_is_a_warning_for_deep_work_on_every_spinal_region_only(BodyRegion region, bool spinal)
    {
        var scenario = AnkylosisNotKnown.WithItem(Technique.DeepTissue, region, Pressure.Light);

        var assessment = scenario.Assess();

        if (spinal)
        {
            assessment.ShouldFireFor("ASM-034", [0], "ankylosis: unknown", "item 0: deepTissue*");
        }
        else
        {
            assessment.ShouldNotFire("ASM-034");
        }
    }

    [Theory]
    [Trait("Rule", "ASM-006")]
    [MemberData(nameof(RegionTables.EveryRegion), MemberType = typeof(RegionTables))]
    public void Unknown_ankylosis_contraindicates_manipulation_whatever_region_the_item_names(BodyRegion region)
    {
        var scenario = AnkylosisNotKnown.WithItem(Technique.SpinalManipulation, region, Pressure.Light);

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-006", [0], "ankylosis: unknown", "item 0: spinalManipulation*");
        assessment.Decision.Should().Be(Decision.ProceedWithModifications);
    }

    [Theory]
    [Trait("Rule", "ASM-034")]
    [Trait("Rule", "ASM-046")]
    [InlineData(Pressure.Unknown, false)] // a missing pressure on a gentle stroke is asked for once, by ASM-046
    [InlineData(Pressure.Light, false)]
    [InlineData(Pressure.Moderate, false)]
    [InlineData(Pressure.Firm, true)]
    [InlineData(Pressure.Extreme, true)]
    public void Unknown_ankylosis_is_a_warning_for_low_back_strokes_that_are_firm(Pressure pressure, bool warned)
    {
        var scenario = AnkylosisNotKnown.WithItem(Technique.Effleurage, BodyRegion.Lumbar, pressure);

        var assessment = scenario.Assess();

        if (warned)
        {
            assessment.ShouldFireFor("ASM-034", [0], "ankylosis: unknown", "item 0: effleurage on lumbar*");
        }
        else
        {
            assessment.ShouldNotFire("ASM-034");
        }

        // Effleurage is a gentle stroke by definition: a pressure nobody stated is asked for with a caution (the alert
        // budget); a stated firm or extreme pressure over a spine that may be fused is a warning, never less.
        assessment.Advisories.Where(a => a.Items.Contains(0)).Select(a => a.Severity).DefaultIfEmpty(Severity.Info).Max().Should().Be(
            pressure switch
            {
                Pressure.Light or Pressure.Moderate => Severity.Info,
                Pressure.Unknown => Severity.Caution,
                _ => Severity.Warning,
            });
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
    public void Strokes_without_a_stated_pressure_with_unknown_disease_activity_get_one_advisory_that_asks_for_the_pressure()
    {
        var scenario = ActivityNotKnown.WithItems(Scenario.GentleItem, new PlanItem(Technique.Effleurage, BodyRegion.Arms), new PlanItem(Technique.Petrissage, BodyRegion.Arms));

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-010");
        assessment.ShouldFireFor("ASM-046", [1], "item 1: effleurage on arms, pressure not stated");
        assessment.ShouldFireFor("ASM-027", [2], "item 2: petrissage on arms, pressure not stated");
        assessment.Advisories.Where(a => a.Items.Contains(1)).Should().ContainSingle("one missing fact about one item gives one advisory");
        assessment.Advisories.Where(a => a.Items.Contains(2)).Should().ContainSingle("one missing fact about one item gives one advisory");
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
}
