using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using FsCheck;
using FsCheck.Xunit;

namespace AsMassageAdvisor.Tests.Properties;

/// <summary>
/// Adding a risk factor never makes the advice milder: neither the decision nor, for any item, the worst severity
/// of the advisories that name it. Each property forces the "before" value and changes only the risk factor.
/// </summary>
/// <remarks>
/// Why each law holds on the rules (checked against rules.json, not assumed): a risk factor can remove an advisory,
/// but only one that another rule replaces at the same or a higher severity on the same items:
/// <list type="bullet">
/// <item>stable to flare: ASM-029 (caution, aggressive item) gives way to ASM-009 (warning, the same items and
/// extreme ones); only information notes (ASM-025, ASM-026) are lost at patient level;</item>
/// <item>ankylosis absent to present: ASM-028 (warning, extreme pressure) gives way to ASM-004 (warning) away
/// from the spine and to ASM-001, ASM-002 or ASM-003 (contraindicated) on it; ASM-025 (information) is lost;</item>
/// <item>firm to extreme pressure: ASM-029 (caution) gives way to ASM-028 or ASM-004 (warning), or the item is
/// already contraindicated over a fused spine; moderate to firm: ASM-005 (warning) gives way to ASM-002 or
/// ASM-003 (contraindicated);</item>
/// <item>a region away from the spine to a spinal one: ASM-004 (warning) gives way to ASM-001, ASM-002 or
/// ASM-003 (contraindicated), all of which cover extreme pressure on the spine.</item>
/// </list>
/// </remarks>
public sealed class MonotonicityProperties
{
    [Property(MaxTest = 500, Arbitrary = [typeof(RequestArbitraries)])]
    public void A_flare_instead_of_stable_disease_never_makes_the_advice_milder(ValidRequest request)
    {
        var before = request.Value.WithPatient(p => p with { DiseaseActivity = DiseaseActivity.Stable });
        var after = before.WithPatient(p => p with { DiseaseActivity = DiseaseActivity.Flare });

        NeverMilder(before, after);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(RequestArbitraries)])]
    public void Ankylosis_present_instead_of_absent_never_makes_the_advice_milder(ValidRequest request)
    {
        // Fused regions may only be listed when ankylosis is not absent; the "after" request keeps the generated ones.
        var before = request.Value.WithPatient(p => p with { Ankylosis = AnkylosisStatus.Absent, AnkylosedRegions = [] });
        var after = request.Value.WithPatient(p => p with { Ankylosis = AnkylosisStatus.Present });

        NeverMilder(before, after);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(RequestArbitraries)])]
    public void A_technique_added_to_the_painful_ones_never_makes_the_advice_milder(ValidRequest request, Technique painful, NonNegativeInt pick)
    {
        // Half of the time the technique is one the plan uses, so the law bites.
        var items = request.Value.Plan.Items;
        var technique = pick.Get % 2 == 0 ? items[pick.Get / 2 % items.Count].Technique : painful;
        var after = request.Value.WithPatient(p => p with { PainfulTechniques = [.. p.PainfulTechniques, technique] });

        NeverMilder(request.Value, after);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(RequestArbitraries)])]
    public void A_neurological_symptom_reported_after_none_never_makes_the_advice_milder(ValidRequest request, NeurologicalSymptom symptom)
    {
        // No physician's assessment on either side: listed symptoms that nobody assessed stop the session (K16).
        var before = request.Value.WithPatient(p => p with { NeurologicalSymptoms = [], NeurologicalSymptomsAssessedOn = null, NeurologicalSymptomsChangedSinceAssessment = Answer.Unknown });
        var after = before.WithPatient(p => p with { NeurologicalSymptoms = [symptom] });

        NeverMilder(before, after);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(RequestArbitraries)])]
    public void Raising_one_item_s_pressure_one_level_never_makes_the_advice_milder(ValidRequest request, NonNegativeInt pick, RaisablePressure pressure)
    {
        var index = pick.Get % request.Value.Plan.Items.Count;
        var before = request.Value.WithItem(index, item => item with { Pressure = pressure.Value });
        var after = request.Value.WithItem(index, item => item with { Pressure = pressure.Value + 1 });

        NeverMilder(before, after);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(RequestArbitraries)])]
    public void Moving_one_item_from_a_non_spinal_to_a_spinal_region_never_makes_the_advice_milder(
        ValidRequest request, NonNegativeInt pick, NonSpinalRegion from, SpinalRegion to)
    {
        var index = pick.Get % request.Value.Plan.Items.Count;
        var before = request.Value.WithItem(index, item => item with { Region = from.Value });
        var after = request.Value.WithItem(index, item => item with { Region = to.Value });

        NeverMilder(before, after);
    }

    [Fact]
    public void The_pressure_levels_raise_in_enum_order()
    {
        // The pressure property raises a level by adding one to the enum value.
        ((int)Pressure.Moderate).Should().Be((int)Pressure.Light + 1);
        ((int)Pressure.Firm).Should().Be((int)Pressure.Moderate + 1);
        ((int)Pressure.Extreme).Should().Be((int)Pressure.Firm + 1);
    }

    private static void NeverMilder(AssessmentRequest before, AssessmentRequest after)
    {
        var was = Assessed.Assess(before);
        var now = Assessed.Assess(after);
        var context = $"before: {RequestText.Describe(before)} gives {Assessed.Summary(was)}; after: {RequestText.Describe(after)} gives {Assessed.Summary(now)}";

        Assessed.AtLeast(now.Decision, was.Decision, context);

        var count = before.Plan.Items.Count;
        var worstBefore = Assessed.WorstPerItem(was, count);
        var worstAfter = Assessed.WorstPerItem(now, count);
        for (var i = 0; i < count; i++)
        {
            if (worstBefore[i] is { } severity)
            {
                worstAfter[i].Should().NotBeNull($"item {i} was named at {severity}; {context}");
                Assessed.AtLeast(worstAfter[i]!.Value, severity, $"item {i}; {context}");
            }
        }
    }
}
