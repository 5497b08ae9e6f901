using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using FsCheck;
using FsCheck.Xunit;

namespace AsMassageAdvisor.Tests.Properties;

/// <summary>
/// Missing is not absent, item by item: for the item-level safety rules an unknown fact never gives an item a
/// milder severity than the worst known value would (manipulation), or than a warning (other aggressive or
/// forceful work on the spine, and any item whose pressure nobody stated).
/// </summary>
public sealed class ItemFailSafeProperties
{
    private const int Tests = 300;

    private static readonly AnkylosisStatus[] KnownAnkylosis = [AnkylosisStatus.Present, AnkylosisStatus.Absent];

    // Unknown ankylosis with nothing that states it: no fused regions listed.
    private static AssessmentRequest Ankylosis(AssessmentRequest r, AnkylosisStatus status) =>
        r.WithPatient(p => p with { Ankylosis = status, AnkylosedRegions = [] });

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void A_manipulation_item_with_unknown_ankylosis_is_never_milder_than_with_any_known_status(ValidRequest request, NonNegativeInt pick)
    {
        var index = pick.Get % request.Value.Plan.Items.Count;
        var manipulation = request.Value.WithItem(index, item => item with { Technique = Technique.SpinalManipulation });

        ItemNeverMilder(Ankylosis(manipulation, AnkylosisStatus.Unknown), KnownAnkylosis.Select(a => Ankylosis(manipulation, a)), index);
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void A_manipulation_item_with_unknown_spinal_motion_is_never_milder_than_with_yes_or_no(ValidRequest request, NonNegativeInt pick)
    {
        var index = pick.Get % request.Value.Plan.Items.Count;
        var manipulation = Ankylosis(request.Value.WithItem(index, item => item with { Technique = Technique.SpinalManipulation }), AnkylosisStatus.Unknown);

        ItemNeverMilder(
            manipulation.WithPatient(p => p with { RestrictedSpinalMotion = Answer.Unknown }),
            new[] { Answer.Yes, Answer.No }.Select(a => manipulation.WithPatient(p => p with { RestrictedSpinalMotion = a })),
            index);
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void Forceful_work_on_the_spine_with_unknown_ankylosis_is_at_least_a_warning(ValidRequest request, NonNegativeInt pick, SpinalRegion region, Technique technique)
    {
        var index = pick.Get % request.Value.Plan.Items.Count;
        // A tool self-massage planned for another giver becomes kneading (the contract allows it only as the patient's own).
        var unknown = RequestGen.Valid(Ankylosis(request.Value, AnkylosisStatus.Unknown).WithItem(index, item => item with { Technique = technique, Region = region.Value }));
        var item = unknown.Plan.Items[index];
        var gentleStroke = item.Technique is Technique.Effleurage or Technique.Vibration;
        var forceful = item.Technique is Technique.DeepTissue or Technique.TriggerPoint or Technique.ToolSelfMassage or Technique.Friction or Technique.Tapotement
                or Technique.SpinalManipulation or Technique.PassiveStretching
            || item.Pressure is Pressure.Firm or Pressure.Extreme
            || (item.Pressure == Pressure.Unknown && !gentleStroke);

        var worst = Assessed.WorstPerItem(Assessed.Assess(unknown), unknown.Plan.Items.Count)[index];

        if (forceful)
        {
            worst.Should().NotBeNull($"{RequestText.Describe(unknown)}: item {index} must be named");
            Assessed.AtLeast(worst!.Value, Severity.Warning, RequestText.Describe(unknown));
        }
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void Aggressive_work_with_unknown_disease_activity_is_at_least_a_warning(ValidRequest request, NonNegativeInt pick)
    {
        var index = pick.Get % request.Value.Plan.Items.Count;
        var unknown = request.Value.WithPatient(p => p with { DiseaseActivity = DiseaseActivity.Unknown })
            .WithItem(index, item => item with { Pressure = item.Pressure == Pressure.Extreme ? Pressure.Extreme : Pressure.Firm });

        var worst = Assessed.WorstPerItem(Assessed.Assess(unknown), unknown.Plan.Items.Count)[index];

        worst.Should().NotBeNull(RequestText.Describe(unknown));
        Assessed.AtLeast(worst!.Value, Severity.Warning, RequestText.Describe(unknown));
    }

    /// <summary>
    /// A pressure nobody stated is asked for: a warning at least (it may be firm), except on effleurage and vibration,
    /// gentle strokes by definition, where it is a caution at least (the alert budget).
    /// </summary>
    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void An_item_whose_pressure_nobody_stated_is_at_least_a_warning_or_on_a_gentle_stroke_a_caution(ValidRequest request, NonNegativeInt pick)
    {
        var index = pick.Get % request.Value.Plan.Items.Count;
        var unknown = request.Value.WithItem(index, item => item with { Pressure = Pressure.Unknown });
        var gentleStroke = unknown.Plan.Items[index].Technique is Technique.Effleurage or Technique.Vibration;

        var worst = Assessed.WorstPerItem(Assessed.Assess(unknown), unknown.Plan.Items.Count)[index];

        worst.Should().NotBeNull(RequestText.Describe(unknown));
        Assessed.AtLeast(worst!.Value, gentleStroke ? Severity.Caution : Severity.Warning, RequestText.Describe(unknown));
    }

    private static void ItemNeverMilder(AssessmentRequest unknown, IEnumerable<AssessmentRequest> known, int index)
    {
        var withUnknown = Assessed.WorstPerItem(Assessed.Assess(unknown), unknown.Plan.Items.Count)[index];
        foreach (var k in known)
        {
            var withKnown = Assessed.WorstPerItem(Assessed.Assess(k), k.Plan.Items.Count)[index];
            if (withKnown is { } severity)
            {
                var context = $"item {index}; unknown: {RequestText.Describe(unknown)} gives {withUnknown}; known: {RequestText.Describe(k)} gives {severity}";
                withUnknown.Should().NotBeNull(context);
                Assessed.AtLeast(withUnknown!.Value, severity, context);
            }
        }
    }
}
