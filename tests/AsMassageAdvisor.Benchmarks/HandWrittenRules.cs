using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>
/// The knowledge base's rules written out by hand in plain C#, independently of the rule file and of
/// <c>Terms</c>: the speed limit in the benchmarks, and an oracle the test suite compares the advisor with.
/// It computes which rules fire, on which items, and the decision; it writes no texts.
/// </summary>
public static class HandWrittenRules
{
    private static readonly (string Code, Severity Severity)[] PatientRules =
    [
        ("ASM-008", Severity.Info), ("ASM-011", Severity.Caution), ("ASM-012", Severity.Caution), ("ASM-013", Severity.Caution),
        ("ASM-014", Severity.Caution), ("ASM-015", Severity.Caution), ("ASM-017", Severity.Stop), ("ASM-020", Severity.Caution),
        ("ASM-021", Severity.Info), ("ASM-022", Severity.Info), ("ASM-023", Severity.Info), ("ASM-024", Severity.Info),
        ("ASM-025", Severity.Info), ("ASM-026", Severity.Info), ("ASM-030", Severity.Caution), ("ASM-031", Severity.Caution),
        ("ASM-032", Severity.Caution),
    ];

    private static readonly (string Code, Severity Severity)[] ItemRules =
    [
        ("ASM-001", Severity.Contraindicated), ("ASM-002", Severity.Contraindicated), ("ASM-003", Severity.Contraindicated),
        ("ASM-004", Severity.Warning), ("ASM-005", Severity.Warning), ("ASM-006", Severity.Warning), ("ASM-007", Severity.Warning),
        ("ASM-009", Severity.Warning), ("ASM-010", Severity.Warning), ("ASM-016", Severity.Warning), ("ASM-018", Severity.Info),
        ("ASM-019", Severity.Info), ("ASM-027", Severity.Warning), ("ASM-028", Severity.Warning), ("ASM-029", Severity.Caution),
        ("ASM-033", Severity.Warning),
    ];

    /// <summary>One fired rule and the items it fired on (empty for a patient rule).</summary>
    public readonly record struct Firing(string Code, Severity Severity, int[] Items);

    /// <summary>The decision and, when <paramref name="firings"/> is given, every firing added to it.</summary>
    public static Decision Assess(AssessmentRequest request, List<Firing>? firings = null)
    {
        var (p, s) = (request.Patient, request.Plan);
        var worst = Severity.Info;
        for (var r = 0; r < PatientRules.Length; r++)
        {
            if (Patient(r, p, s))
            {
                worst = Max(worst, PatientRules[r].Severity);
                firings?.Add(new Firing(PatientRules[r].Code, PatientRules[r].Severity, []));
            }
        }

        Span<int> items = stackalloc int[s.Items.Count];
        for (var r = 0; r < ItemRules.Length; r++)
        {
            var count = 0;
            for (var i = 0; i < s.Items.Count; i++)
            {
                if (Item(r, p, s, s.Items[i]))
                {
                    items[count++] = i;
                }
            }

            if (count > 0)
            {
                worst = Max(worst, ItemRules[r].Severity);
                firings?.Add(new Firing(ItemRules[r].Code, ItemRules[r].Severity, items[..count].ToArray()));
            }
        }

        return worst switch
        {
            Severity.Stop => Decision.DoNotProceed,
            Severity.Contraindicated or Severity.Warning => Decision.ProceedWithModifications,
            Severity.Caution => Decision.ProceedWithCaution,
            _ => Decision.Proceed,
        };
    }

    private static Severity Max(Severity a, Severity b) => a > b ? a : b;

    private static bool Patient(int rule, PatientStatus p, SessionPlan s) => rule switch
    {
        0 => true,
        1 => p.DiseaseActivity == DiseaseActivity.Flare,
        2 => p.DiseaseActivity == DiseaseActivity.Flare && p.NsaidResponse == NsaidResponse.NotControlled && p.OnTnfInhibitor != Answer.Yes,
        3 => p.ProviderConsulted != Answer.Yes,
        4 => s.AdministeredBy != Administrator.Self && s.TherapistInformedOfCondition != Answer.Yes,
        5 => s.AdministeredBy is Administrator.UnlicensedPractitioner or Administrator.Self or Administrator.Unknown,
        6 => p.NeurologicalSymptoms is { Count: > 0 },
        7 => Contains(s.Goals, SessionGoal.ReduceMedication),
        8 => p.Smoker == Answer.Yes,
        9 => p.Ankylosis == AnkylosisStatus.Present,
        10 => p.DietHighInFriedOrSugaryFoods == Answer.Yes,
        11 => true,
        12 => p.DiseaseActivity == DiseaseActivity.Stable && p.Ankylosis == AnkylosisStatus.Absent && AllGentle(s.Items),
        13 => p.DiseaseActivity == DiseaseActivity.Stable,
        14 => p.StatusConfirmedOn is not { } confirmed || s.SessionDate is not { } session || session.DayNumber - confirmed.DayNumber > 7,
        15 => p.NeurologicalSymptoms is null,
        16 => p.DiseaseActivity == DiseaseActivity.Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    private static bool Item(int rule, PatientStatus p, SessionPlan s, PlanItem i)
    {
        var fused = p.Ankylosis == AnkylosisStatus.Present || (p.Ankylosis == AnkylosisStatus.Unknown && p.RestrictedSpinalMotion == Answer.Yes);
        var backOrNeck = i.Region is BodyRegion.Cervical or BodyRegion.Thoracic or BodyRegion.Lumbar;
        var spinal = backOrNeck || i.Region == BodyRegion.Sacroiliac;
        var aggressive = i.Technique == Technique.DeepTissue || i.Pressure is Pressure.Firm or Pressure.Extreme;
        var maybeAggressive = aggressive || i.Pressure == Pressure.Unknown;
        var manipulation = i.Technique == Technique.SpinalManipulation;
        return rule switch
        {
            0 => fused && manipulation && backOrNeck,
            1 => fused && backOrNeck && !manipulation && aggressive,
            2 => fused && i.Region == BodyRegion.Sacroiliac && (manipulation || aggressive),
            3 => p.Ankylosis == AnkylosisStatus.Present && i.Pressure == Pressure.Extreme && !spinal,
            4 => fused && spinal && i.Technique is Technique.Friction or Technique.Tapotement && i.Pressure is not (Pressure.Firm or Pressure.Extreme),
            5 => p.Ankylosis == AnkylosisStatus.Unknown && spinal && (manipulation || i.Technique is Technique.Friction or Technique.Tapotement || maybeAggressive),
            6 => Contains(p.PainfulTechniques, i.Technique),
            7 => p.DiseaseActivity == DiseaseActivity.Flare && aggressive,
            8 => p.DiseaseActivity == DiseaseActivity.Unknown && maybeAggressive,
            9 => i.Technique == Technique.ToolSelfMassage || (s.AdministeredBy == Administrator.Self && aggressive),
            10 => Contains(s.Goals, SessionGoal.ReduceInflammation) && i.Technique == Technique.DeepTissue,
            11 => i.Technique == Technique.DeepTissue && s.AdministeredBy != Administrator.Self,
            12 => i.Pressure == Pressure.Unknown,
            13 => p.Ankylosis != AnkylosisStatus.Present && i.Pressure == Pressure.Extreme,
            14 => p.DiseaseActivity == DiseaseActivity.Stable && aggressive && i.Pressure != Pressure.Extreme,
            15 => s.AdministeredBy == Administrator.Unknown && aggressive,
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }

    private static bool AllGentle(IReadOnlyList<PlanItem> items)
    {
        foreach (var i in items)
        {
            if (i.Technique is not (Technique.Effleurage or Technique.Petrissage or Technique.Vibration) || i.Pressure is not (Pressure.Light or Pressure.Moderate))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains<T>(IReadOnlyList<T> list, T value)
        where T : struct, Enum
    {
        for (var k = 0; k < list.Count; k++)
        {
            if (EqualityComparer<T>.Default.Equals(list[k], value))
            {
                return true;
            }
        }

        return false;
    }
}
