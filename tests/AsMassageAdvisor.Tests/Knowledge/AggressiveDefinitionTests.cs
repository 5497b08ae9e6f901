using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The definitions of aggressive, possibly aggressive and gentle work, checked for every technique and every
/// pressure, both directly and through a rule that rests on each: the flare warning (ASM-009) on "aggressive",
/// the unknown-activity warning (ASM-010) on "aggressive", the missing-pressure warning (ASM-027) on a pressure not
/// stated, and the gentle-plan note (ASM-025) on "gentle".
/// </summary>
public sealed class AggressiveDefinitionTests
{
    private static readonly Scenario Flare = Scenario.Safe.WithDiseaseActivity(DiseaseActivity.Flare);

    private static readonly Scenario ActivityNotKnown = Scenario.Safe.WithDiseaseActivity(DiseaseActivity.Unknown);

    [Theory]
    [Trait("Rule", "ASM-009")]
    [Trait("Rule", "ASM-010")]
    [Trait("Rule", "ASM-025")]
    [InlineData(Technique.Effleurage, false, true)]
    [InlineData(Technique.Petrissage, false, true)]
    [InlineData(Technique.Tapotement, false, false)]
    [InlineData(Technique.Vibration, false, true)]
    [InlineData(Technique.Friction, false, false)]
    [InlineData(Technique.DeepTissue, true, false)]
    [InlineData(Technique.SpinalManipulation, false, false)]
    [InlineData(Technique.ToolSelfMassage, true, false)]
    [InlineData(Technique.PassiveStretching, false, false)]
    [InlineData(Technique.TriggerPoint, true, false)]
    [InlineData(Technique.MyofascialRelease, false, false)]
    [InlineData(Technique.HotStone, false, false)]
    public void At_light_pressure_only_deep_tissue_trigger_point_and_tool_work_are_aggressive_and_only_three_strokes_are_gentle(Technique technique, bool aggressive, bool gentle)
    {
        var item = new PlanItem(technique, BodyRegion.Legs, Pressure.Light);

        Terms.IsAggressive(item).Should().Be(aggressive);
        Terms.MayBeAggressive(item).Should().Be(aggressive, "a stated light pressure adds no doubt");
        Terms.IsGentle(item).Should().Be(gentle);
        Fires(On(Flare, item), "ASM-009").Should().Be(aggressive);
        Fires(On(ActivityNotKnown, item), "ASM-010").Should().Be(aggressive);
        Fires(On(Scenario.Safe, item), "ASM-025").Should().Be(gentle);
    }

    [Theory]
    [Trait("Rule", "ASM-009")]
    [Trait("Rule", "ASM-010")]
    [Trait("Rule", "ASM-025")]
    [InlineData(Technique.Effleurage)]
    [InlineData(Technique.Petrissage)]
    [InlineData(Technique.Tapotement)]
    [InlineData(Technique.Vibration)]
    [InlineData(Technique.Friction)]
    [InlineData(Technique.DeepTissue)]
    [InlineData(Technique.SpinalManipulation)]
    [InlineData(Technique.ToolSelfMassage)]
    [InlineData(Technique.PassiveStretching)]
    [InlineData(Technique.TriggerPoint)]
    [InlineData(Technique.MyofascialRelease)]
    [InlineData(Technique.HotStone)]
    public void At_firm_pressure_every_technique_is_aggressive_and_none_is_gentle(Technique technique)
    {
        var item = new PlanItem(technique, BodyRegion.Arms, Pressure.Firm);

        Terms.IsAggressive(item).Should().BeTrue();
        Terms.MayBeAggressive(item).Should().BeTrue();
        Terms.IsGentle(item).Should().BeFalse();
        Fires(On(Flare, item), "ASM-009").Should().BeTrue();
        Fires(On(ActivityNotKnown, item), "ASM-010").Should().BeTrue();
        Fires(On(Scenario.Safe, item), "ASM-025").Should().BeFalse();
    }

    [Theory]
    [Trait("Rule", "ASM-009")]
    [Trait("Rule", "ASM-010")]
    [Trait("Rule", "ASM-025")]
    [InlineData(Technique.Effleurage, false)]
    [InlineData(Technique.Petrissage, false)]
    [InlineData(Technique.Tapotement, false)]
    [InlineData(Technique.Vibration, false)]
    [InlineData(Technique.Friction, false)]
    [InlineData(Technique.DeepTissue, true)]
    [InlineData(Technique.SpinalManipulation, false)]
    [InlineData(Technique.ToolSelfMassage, true)]
    [InlineData(Technique.PassiveStretching, false)]
    [InlineData(Technique.TriggerPoint, true)]
    [InlineData(Technique.MyofascialRelease, false)]
    [InlineData(Technique.HotStone, false)]
    [Trait("Rule", "ASM-027")]
    [Trait("Rule", "ASM-046")]
    public void Without_a_stated_pressure_every_technique_may_be_aggressive_and_none_is_gentle(Technique technique, bool knownAggressive)
    {
        var item = new PlanItem(technique, BodyRegion.Hips, Pressure.Unknown);

        Terms.IsAggressive(item).Should().Be(knownAggressive);
        Terms.MayBeAggressive(item).Should().BeTrue("a pressure nobody stated may be firm");
        Terms.IsGentle(item).Should().BeFalse("gentle work needs a stated light or moderate pressure");
        Fires(On(Flare, item), "ASM-009").Should().Be(knownAggressive);
        Fires(On(ActivityNotKnown, item), "ASM-010").Should().Be(knownAggressive, "a missing pressure is asked for once, by ASM-027 or ASM-046");
        var gentleStroke = technique is Technique.Effleurage or Technique.Vibration;
        Fires(On(ActivityNotKnown, item), "ASM-027").Should().Be(!gentleStroke);
        Fires(On(ActivityNotKnown, item), "ASM-046").Should().Be(gentleStroke, "effleurage and vibration are gentle strokes by definition");
        Fires(On(Scenario.Safe, item), "ASM-025").Should().BeFalse();
    }

    [Theory]
    [Trait("Rule", "ASM-009")]
    [Trait("Rule", "ASM-010")]
    [Trait("Rule", "ASM-025")]
    [InlineData(Pressure.Unknown, false, true, false)]
    [InlineData(Pressure.Light, false, false, true)]
    [InlineData(Pressure.Moderate, false, false, true)]
    [InlineData(Pressure.Firm, true, true, false)]
    [InlineData(Pressure.Extreme, true, true, false)]
    public void Petrissage_is_aggressive_from_firm_pressure_and_gentle_only_at_light_or_moderate(Pressure pressure, bool aggressive, bool mayBeAggressive, bool gentle)
    {
        var item = new PlanItem(Technique.Petrissage, BodyRegion.Chest, pressure);

        Terms.IsAggressive(item).Should().Be(aggressive);
        Terms.MayBeAggressive(item).Should().Be(mayBeAggressive);
        Terms.IsGentle(item).Should().Be(gentle);
        Fires(On(Flare, item), "ASM-009").Should().Be(aggressive);
        Fires(On(ActivityNotKnown, item), "ASM-010").Should().Be(aggressive);
        Fires(On(ActivityNotKnown, item), "ASM-027").Should().Be(mayBeAggressive && !aggressive);
        Fires(On(Scenario.Safe, item), "ASM-025").Should().Be(gentle);
    }

    // The scenario with the one item; a tool self-massage is the patient's own, so the patient gives it.
    private static Scenario On(Scenario scenario, PlanItem item) =>
        (item.Technique == Technique.ToolSelfMassage ? scenario.AdministeredBy(Administrator.Self) : scenario).WithItems(item);

    private static bool Fires(Scenario scenario, string code) => scenario.Assess().Advisories.Any(a => a.Code == code);
}
