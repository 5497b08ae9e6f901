using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The technique-synonym check: every technique, region and pressure that moves or loads the spine is seen by the
/// spinal rules, whatever words the item uses. The table of what moves or loads the spine is written here by hand,
/// from the source's terms, independently of <c>Terms</c>.
/// </summary>
public sealed class SpinalWorkCoverageTests
{
    private static readonly BodyRegion[] Spine = [BodyRegion.Cervical, BodyRegion.Thoracic, BodyRegion.Lumbar, BodyRegion.Sacroiliac];

    // Manipulation moves spinal joints wherever it is named, passive stretching where it works on the spine, the head or
    // the shoulders; firm pressure, deep tissue, trigger-point work and tools load what they touch.
    private static bool Moves(PlanItem item) =>
        item.Technique == Technique.SpinalManipulation
        || (item.Technique == Technique.PassiveStretching && (Spine.Contains(item.Region) || item.Region is BodyRegion.Head or BodyRegion.Shoulders));

    private static bool Loads(PlanItem item) =>
        Spine.Contains(item.Region)
        && (item.Technique is Technique.DeepTissue or Technique.TriggerPoint or Technique.ToolSelfMassage || item.Pressure is Pressure.Firm or Pressure.Extreme);

    private static bool Jolts(PlanItem item) => Spine.Contains(item.Region) && item.Technique is Technique.Friction or Technique.Tapotement;

    private static IEnumerable<PlanItem> EveryItem() =>
        from technique in Enum.GetValues<Technique>()
        from region in Enum.GetValues<BodyRegion>()
        from pressure in Enum.GetValues<Pressure>()
        select new PlanItem(technique, region, pressure);

    [Fact]
    public void With_a_fused_spine_every_item_that_moves_or_loads_it_is_contraindicated_and_every_jolt_is_at_least_a_warning()
    {
        var fused = Scenario.Safe.WithPatient(p => p with { Ankylosis = AnkylosisStatus.Present, RestrictedSpinalMotion = Answer.Yes });

        var missed = EveryItem()
            .Select(item => (item, worst: WorstFor(fused.WithItems(item))))
            .Where(x => (Moves(x.item) || Loads(x.item)) ? x.worst < Severity.Contraindicated : Jolts(x.item) && x.worst < Severity.Warning)
            .Select(x => $"{x.item} gives {x.worst}")
            .ToList();

        missed.Should().BeEmpty();
    }

    [Fact]
    public void With_an_unknown_ankylosis_status_every_manipulation_is_contraindicated_and_every_load_or_jolt_is_at_least_a_warning()
    {
        var unknown = Scenario.Safe.WithAnkylosis(AnkylosisStatus.Unknown);

        var missed = EveryItem()
            .Select(item => (item, worst: WorstFor(unknown.WithItems(item))))
            .Where(x => Moves(x.item) ? x.worst < Severity.Contraindicated : (Loads(x.item) || Jolts(x.item)) && x.worst < Severity.Warning)
            .Select(x => $"{x.item} gives {x.worst}")
            .ToList();

        missed.Should().BeEmpty();
    }

    [Fact]
    public void With_ankylosis_known_absent_every_manipulation_is_still_at_least_a_warning()
    {
        // Stretching with ankylosis known to be absent is ordinary work (K33); manipulation is not (K26).
        var missed = EveryItem()
            .Where(item => item.Technique == Technique.SpinalManipulation)
            .Select(item => (item, worst: WorstFor(Scenario.Safe.WithItems(item))))
            .Where(x => x.worst < Severity.Warning)
            .Select(x => $"{x.item} gives {x.worst}")
            .ToList();

        missed.Should().BeEmpty();
    }

    // A tool self-massage is the patient's own: the patient gives it.
    private static Severity WorstFor(Scenario scenario) =>
        (scenario.Plan.Items[0].Technique == Technique.ToolSelfMassage ? scenario.AdministeredBy(Administrator.Self) : scenario).Assess().Advisories.Where(a => a.Items.Contains(0)).Select(a => a.Severity).DefaultIfEmpty(Severity.Info).Max();
}
