using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The rules for a fused spine: no manipulation or forceful work over it (ASM-001, ASM-002, ASM-003), care with
/// extreme pressure elsewhere (ASM-004), no jarring strokes over it (ASM-005), and a stated pressure for every
/// item (ASM-027). "Fused" means ankylosis present, or restricted spinal motion while ankylosis is unknown.
/// The plain cases (a request, the rules that fire or stay silent, the decision) are scenarios in
/// tests/scenarios/fused-spine.json; here are the tables over every region or technique and what a scenario cannot say.
/// </summary>
public sealed class FusedSpineRuleTests
{
    private static readonly Scenario Fused = Scenario.Safe.WithAnkylosis(AnkylosisStatus.Present);

    // ---- ASM-001: manipulation of the back or neck ----

    [Fact]
    [Trait("Rule", "ASM-001")]
    public void Only_the_manipulated_items_are_named()
    {
        var scenario = Fused.WithItems(
            new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Light),
            Scenario.GentleItem,
            new PlanItem(Technique.SpinalManipulation, BodyRegion.Thoracic, Pressure.Moderate));

        var assessment = scenario.Assess();

        var advisory = assessment.ShouldFireFor("ASM-001", [0, 2], "item 0: spinalManipulation on cervical*", "item 2: spinalManipulation on thoracic*");
        advisory.Triggers.Should().NotContainMatch("item 1:*");
    }

    [Theory]
    [Trait("Rule", "ASM-001")]
    // the sacroiliac region is left to ASM-003; a manipulation moves the spine whatever region the item names
    [MemberData(nameof(RegionTables.SacroiliacOrNot), MemberType = typeof(RegionTables))]
    public void Manipulation_with_ankylosis_is_contraindicated_on_every_region_but_the_sacroiliac_one_which_ASM_003_covers(BodyRegion region, bool sacroiliac)
    {
        var contraindicated = !sacroiliac;
        var scenario = Fused.WithItem(Technique.SpinalManipulation, region, Pressure.Moderate);

        var assessment = scenario.Assess();

        if (contraindicated)
        {
            assessment.ShouldFireFor("ASM-001", [0], "ankylosis: present", "item 0: spinalManipulation*");
        }
        else
        {
            assessment.ShouldNotFire("ASM-001");
        }
    }

    // ---- ASM-002: aggressive work on the back or neck ----

    [Theory]
    [Trait("Rule", "ASM-002")]
    [MemberData(nameof(RegionTables.BackOrNeckOrNot), MemberType = typeof(RegionTables))]
    public void Deep_tissue_work_with_ankylosis_is_contraindicated_on_the_back_and_neck_only(BodyRegion region, bool backOrNeck)
    {
        var contraindicated = backOrNeck;
        var scenario = Fused.WithItem(Technique.DeepTissue, region, Pressure.Moderate);

        var assessment = scenario.Assess();

        if (contraindicated)
        {
            assessment.ShouldFireFor("ASM-002", [0], "ankylosis: present", "item 0: deepTissue*");
        }
        else
        {
            assessment.ShouldNotFire("ASM-002");
        }
    }

    [Theory]
    [Trait("Rule", "ASM-002")]
    [InlineData(Technique.Effleurage, false, true)]
    [InlineData(Technique.Petrissage, false, true)]
    [InlineData(Technique.Tapotement, false, true)]
    [InlineData(Technique.Vibration, false, true)]
    [InlineData(Technique.Friction, false, true)]
    [InlineData(Technique.DeepTissue, true, true)]
    [InlineData(Technique.SpinalManipulation, false, false)] // manipulation is ASM-001's, at any pressure
    [InlineData(Technique.ToolSelfMassage, true, true)] // a tool applies firm pressure by nature
    [InlineData(Technique.PassiveStretching, false, false)] // stretching of the spine is ASM-041's, at any pressure
    [InlineData(Technique.TriggerPoint, true, true)] // sustained firm pressure by nature
    [InlineData(Technique.MyofascialRelease, false, true)]
    [InlineData(Technique.HotStone, false, true)]
    public void Each_technique_on_a_fused_low_back_is_contraindicated_when_it_is_aggressive(Technique technique, bool atModeratePressure, bool atFirmPressure)
    {
        // A tool self-massage is the patient's own.
        var fused = technique == Technique.ToolSelfMassage ? Fused.AdministeredBy(Administrator.Self) : Fused;
        var moderate = fused.WithItem(technique, BodyRegion.Lumbar, Pressure.Moderate).Assess();
        var firm = fused.WithItem(technique, BodyRegion.Lumbar, Pressure.Firm).Assess();

        moderate.Advisories.Any(a => a.Code == "ASM-002").Should().Be(atModeratePressure, "at moderate pressure only deep-tissue and tool work are aggressive");
        firm.Advisories.Any(a => a.Code == "ASM-002").Should().Be(atFirmPressure, "firm pressure is aggressive whatever the technique");
    }

    // ---- ASM-003: the sacroiliac joints ----

    [Fact]
    [Trait("Rule", "ASM-003")]
    public void Manipulation_of_fused_sacroiliac_joints_is_contraindicated()
    {
        var scenario = Fused.WithItems(Scenario.GentleItem, new PlanItem(Technique.SpinalManipulation, BodyRegion.Sacroiliac, Pressure.Light));

        var assessment = scenario.Assess();

        var advisory = assessment.ShouldFireFor("ASM-003", [1], "ankylosis: present", "item 1: spinalManipulation on sacroiliac*");
        advisory.Basis.Should().Be(Basis.Interpreted, "the article names only the back and neck");
    }

    [Theory]
    [Trait("Rule", "ASM-003")]
    [MemberData(nameof(RegionTables.SacroiliacOrNot), MemberType = typeof(RegionTables))]
    public void The_sacroiliac_rule_covers_the_sacroiliac_region_only(BodyRegion region, bool sacroiliac)
    {
        var contraindicated = sacroiliac;
        var scenario = Fused.WithItem(Technique.SpinalManipulation, region, Pressure.Moderate);

        var assessment = scenario.Assess();

        if (contraindicated)
        {
            assessment.ShouldFireFor("ASM-003", [0], "ankylosis: present", "item 0: spinalManipulation on sacroiliac*");
        }
        else
        {
            assessment.ShouldNotFire("ASM-003");
        }
    }

    // ---- ASM-004: extreme pressure away from the spine ----

    [Theory]
    [Trait("Rule", "ASM-004")]
    [MemberData(nameof(RegionTables.SpinalOrNot), MemberType = typeof(RegionTables))]
    public void Extreme_pressure_with_ankylosis_is_a_warning_everywhere_off_the_spine(BodyRegion region, bool spinal)
    {
        var warned = !spinal;
        var scenario = Fused.WithItem(Technique.Effleurage, region, Pressure.Extreme);

        var assessment = scenario.Assess();

        if (warned)
        {
            assessment.ShouldFireFor("ASM-004", [0], "ankylosis: present", "item 0: effleurage on *, extreme pressure");
        }
        else
        {
            assessment.ShouldNotFire("ASM-004");
            assessment.WorstSeverity().Should().Be(Severity.Contraindicated, "extreme pressure on the spine is contraindicated by a spinal rule");
        }
    }

    // ---- ASM-005: friction and tapotement over a fused spine ----

    [Theory]
    [Trait("Rule", "ASM-005")]
    [MemberData(nameof(RegionTables.SpinalOrNot), MemberType = typeof(RegionTables))]
    public void Light_tapotement_with_ankylosis_is_a_warning_on_every_spinal_region_only(BodyRegion region, bool spinal)
    {
        var warned = spinal;
        var scenario = Fused.WithItem(Technique.Tapotement, region, Pressure.Light);

        var assessment = scenario.Assess();

        if (warned)
        {
            assessment.ShouldFireFor("ASM-005", [0], "ankylosis: present", "item 0: tapotement on *, light pressure");
        }
        else
        {
            assessment.ShouldNotFire("ASM-005");
        }
    }

    // ---- ASM-027 and ASM-046: an item without a stated pressure ----

    [Fact]
    [Trait("Rule", "ASM-046")]
    public void Effleurage_on_a_fused_low_back_without_a_stated_pressure_is_a_caution_that_asks_for_it()
    {
        var scenario = Fused.WithItems(Scenario.GentleItem, new PlanItem(Technique.Effleurage, BodyRegion.Lumbar));

        var assessment = scenario.Assess();

        assessment.ShouldFireFor("ASM-046", [1], "item 1: effleurage on lumbar, pressure not stated");
        assessment.ShouldNotFire("ASM-027");
        assessment.Decision.Should().Be(Decision.ProceedWithCaution);
        assessment.Advisories.Single(a => a.Code == "ASM-046").Message.Should().Contain("light or moderate");
    }

    [Theory]
    [Trait("Rule", "ASM-027")]
    [Trait("Rule", "ASM-001")]
    [Trait("Rule", "ASM-002")]
    [InlineData(Technique.SpinalManipulation, BodyRegion.Cervical, "ASM-001")]
    [InlineData(Technique.DeepTissue, BodyRegion.Lumbar, "ASM-002")]
    public void Manipulation_and_deep_tissue_work_without_a_pressure_keep_their_contraindication_and_are_not_asked_for_a_pressure(Technique technique, BodyRegion region, string contraindication)
    {
        var scenario = Fused.WithItem(technique, region, Pressure.Unknown);

        var assessment = scenario.Assess();

        // The item goes whatever its pressure: asking for it would be noise (alert budget).
        assessment.ShouldNotFire("ASM-027");
        assessment.ShouldFireFor(contraindication, [0], "*pressure not stated");
        assessment.Advisories.Where(a => a.Items.Contains(0)).Should().OnlyContain(a => a.Severity == Severity.Contraindicated);
    }

    [Theory]
    [Trait("Rule", "ASM-027")]
    [Trait("Rule", "ASM-046")]
    [InlineData(Technique.Vibration, Pressure.Unknown, "ASM-046")]
    [InlineData(Technique.Friction, Pressure.Unknown, "ASM-027")]
    [InlineData(Technique.Vibration, Pressure.Light, null)]
    [InlineData(Technique.Vibration, Pressure.Moderate, null)]
    [InlineData(Technique.Vibration, Pressure.Firm, null)]
    [InlineData(Technique.Friction, Pressure.Extreme, null)]
    public void Only_a_missing_pressure_asks_for_the_pressure(Technique technique, Pressure pressure, string? asks)
    {
        var scenario = Scenario.Safe.WithItem(technique, BodyRegion.Thoracic, pressure);

        var assessment = scenario.Assess();

        assessment.Advisories.Where(a => a.Code is "ASM-027" or "ASM-046").Select(a => a.Code)
            .Should().Equal(asks is null ? [] : [asks]);
    }
}
