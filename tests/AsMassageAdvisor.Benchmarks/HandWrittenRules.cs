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
        ("ASM-021", Severity.Info), ("ASM-022", Severity.Info), ("ASM-025", Severity.Info), ("ASM-023", Severity.Info), ("ASM-026", Severity.Info), ("ASM-030", Severity.Caution), ("ASM-031", Severity.Caution),
        ("ASM-032", Severity.Caution), ("ASM-036", Severity.Caution), ("ASM-042", Severity.Caution), ("ASM-044", Severity.Caution),
        ("ASM-045", Severity.Caution),
    ];

    private static readonly (string Code, Severity Severity)[] ItemRules =
    [
        ("ASM-001", Severity.Contraindicated), ("ASM-002", Severity.Contraindicated), ("ASM-003", Severity.Contraindicated),
        ("ASM-004", Severity.Warning), ("ASM-005", Severity.Warning), ("ASM-006", Severity.Contraindicated), ("ASM-007", Severity.Warning),
        ("ASM-009", Severity.Warning), ("ASM-010", Severity.Warning), ("ASM-016", Severity.Warning), ("ASM-018", Severity.Info),
        ("ASM-019", Severity.Info), ("ASM-027", Severity.Warning), ("ASM-028", Severity.Warning), ("ASM-029", Severity.Caution),
        ("ASM-033", Severity.Warning), ("ASM-034", Severity.Warning), ("ASM-035", Severity.Warning), ("ASM-037", Severity.Warning),
        ("ASM-038", Severity.Warning), ("ASM-039", Severity.Warning), ("ASM-040", Severity.Warning), ("ASM-041", Severity.Contraindicated),
        ("ASM-043", Severity.Warning), ("ASM-046", Severity.Caution),
    ];

    // The rules withheld beside more severe advice, with the severity above which they are: a patient rule by
    // anything more severe; an item rule by anything more severe on the same item, or, below a warning, about the
    // patient.
    private static readonly Severity?[] PatientSilentAbove =
    [
        Severity.Contraindicated, null, null, null, null, null, null, null,
        Severity.Contraindicated, Severity.Contraindicated, Severity.Caution, Severity.Contraindicated, Severity.Contraindicated, null, null,
        null, null, null, null,
        null,
    ];

    private static readonly Severity?[] ItemSilentAbove =
    [
        null, null, null,
        Severity.Warning, Severity.Warning, null, Severity.Warning,
        Severity.Warning, Severity.Warning, Severity.Warning, Severity.Warning,
        Severity.Warning, Severity.Warning, Severity.Warning, Severity.Caution,
        Severity.Warning, Severity.Warning, Severity.Warning, Severity.Warning,
        Severity.Warning, Severity.Warning, Severity.Warning, null,
        Severity.Warning, Severity.Warning,
    ];

    /// <summary>One fired rule and the items it fired on (empty for a patient rule).</summary>
    public readonly record struct Firing(string Code, Severity Severity, int[] Items);

    /// <summary>
    /// The decision and, when <paramref name="firings"/> is given, every firing added to it. <paramref name="today"/>
    /// is the session day when the plan gives none.
    /// </summary>
    public static Decision Assess(AssessmentRequest request, List<Firing>? firings = null, DateOnly today = default)
    {
        var (p, s) = (request.Patient, request.Plan);

        // The contract's readings: fused regions without an ankylosis status mean ankylosis; no session date means today.
        if (p.Ankylosis == AnkylosisStatus.Unknown && p.AnkylosedRegions.Count > 0)
        {
            p = p with { Ankylosis = AnkylosisStatus.Present };
        }

        if (s.SessionDate is null && p.StatusConfirmedOn is not null)
        {
            s = s with { SessionDate = today };
        }

        var patientFired = new bool[PatientRules.Length];
        var itemFired = new bool[ItemRules.Length, s.Items.Count];
        var worstOfItem = new Severity[s.Items.Count];
        var worstPatient = Severity.Info;
        for (var r = 0; r < PatientRules.Length; r++)
        {
            patientFired[r] = Patient(r, p, s);
            if (patientFired[r])
            {
                worstPatient = Max(worstPatient, PatientRules[r].Severity);
            }
        }

        var worstOverall = worstPatient;
        for (var r = 0; r < ItemRules.Length; r++)
        {
            for (var i = 0; i < s.Items.Count; i++)
            {
                itemFired[r, i] = Item(r, p, s, s.Items[i]);
                if (itemFired[r, i])
                {
                    worstOfItem[i] = Max(worstOfItem[i], ItemRules[r].Severity);
                    worstOverall = Max(worstOverall, ItemRules[r].Severity);
                }
            }
        }

        var worst = Severity.Info;
        for (var r = 0; r < PatientRules.Length; r++)
        {
            if (patientFired[r] && !(PatientSilentAbove[r] is { } above && worstOverall > above))
            {
                worst = Max(worst, PatientRules[r].Severity);
                firings?.Add(new Firing(PatientRules[r].Code, PatientRules[r].Severity, []));
            }
        }

        var items = new List<int>();
        for (var r = 0; r < ItemRules.Length; r++)
        {
            items.Clear();
            for (var i = 0; i < s.Items.Count; i++)
            {
                var withheld = ItemSilentAbove[r] is { } above
                    && (worstOfItem[i] > above || (ItemRules[r].Severity < Severity.Warning && worstPatient > above));
                if (itemFired[r, i] && !withheld)
                {
                    items.Add(i);
                }
            }

            if (items.Count > 0)
            {
                worst = Max(worst, ItemRules[r].Severity);
                firings?.Add(new Firing(ItemRules[r].Code, ItemRules[r].Severity, items.ToArray()));
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
        4 => s.AdministeredBy is not (Administrator.Self or Administrator.Unknown) && s.TherapistInformedOfCondition != Answer.Yes,
        5 => s.AdministeredBy is Administrator.UnlicensedPractitioner or Administrator.Unknown
            || (s.AdministeredBy == Administrator.Self && !AllLightByHand(s.Items)),
        6 => p.NeurologicalSymptoms is { Count: > 0 } && !SymptomsAssessedAndUnchanged(p),
        7 => Contains(s.Goals, SessionGoal.ReduceMedication),
        8 => p.Smoker == Answer.Yes,
        9 => p.Ankylosis == AnkylosisStatus.Present,
        10 => p.DiseaseActivity == DiseaseActivity.Stable && p.Ankylosis == AnkylosisStatus.Absent && AllGentle(s.Items) && !(p.PainScore >= 7),
        11 => p.DietHighInFriedOrSugaryFoods == Answer.Yes,
        12 => p.DiseaseActivity == DiseaseActivity.Stable,
        13 => Stale(p, s) && p.DiseaseActivity != DiseaseActivity.Unknown && p.NeurologicalSymptoms is not null,
        14 => p.NeurologicalSymptoms is null,
        15 => p.DiseaseActivity == DiseaseActivity.Unknown,
        16 => p.PainScore >= 7 && !AnyAggressive(s.Items),
        17 => SymptomsAssessedAndUnchanged(p),
        18 => Stale(p, s) && p.DiseaseActivity != DiseaseActivity.Unknown && p.NeurologicalSymptoms is null,
        19 => Stale(p, s) && p.DiseaseActivity == DiseaseActivity.Unknown && p.NeurologicalSymptoms is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    private static bool Item(int rule, PatientStatus p, SessionPlan s, PlanItem i)
    {
        var fused = p.Ankylosis == AnkylosisStatus.Present || (p.Ankylosis == AnkylosisStatus.Unknown && p.RestrictedSpinalMotion == Answer.Yes);
        var backOrNeck = i.Region is BodyRegion.Cervical or BodyRegion.Thoracic or BodyRegion.Lumbar;
        var spinal = backOrNeck || i.Region == BodyRegion.Sacroiliac;
        var aggressive = IsAggressive(i);
        var manipulation = i.Technique == Technique.SpinalManipulation;
        var stretching = i.Technique == Technique.PassiveStretching;
        var nextToNeck = i.Region is BodyRegion.Head or BodyRegion.Shoulders;
        var movesSpine = manipulation || (stretching && (spinal || nextToNeck));
        var unknownFusion = p.Ankylosis == AnkylosisStatus.Unknown && p.RestrictedSpinalMotion != Answer.Yes;
        var frictionOrPercussion = i.Technique is Technique.Friction or Technique.Tapotement;
        var neckMayBeFused = p.Ankylosis != AnkylosisStatus.Absent
            && (p.AnkylosedRegions.Count == 0 || Contains(p.AnkylosedRegions, BodyRegion.Cervical));
        return rule switch
        {
            0 => fused && manipulation && i.Region != BodyRegion.Sacroiliac,
            1 => fused && backOrNeck && !movesSpine && aggressive,
            2 => fused && i.Region == BodyRegion.Sacroiliac && !stretching && (manipulation || aggressive),
            3 => p.Ankylosis == AnkylosisStatus.Present && i.Pressure == Pressure.Extreme && !spinal && !movesSpine,
            4 => fused && spinal && frictionOrPercussion && i.Pressure is not (Pressure.Firm or Pressure.Extreme),
            5 => unknownFusion && manipulation,
            6 => Contains(p.PainfulTechniques, i.Technique),
            7 => p.DiseaseActivity == DiseaseActivity.Flare && aggressive,
            8 => p.DiseaseActivity == DiseaseActivity.Unknown && aggressive,
            9 => i.Technique == Technique.ToolSelfMassage || (s.AdministeredBy == Administrator.Self && aggressive),
            10 => Contains(s.Goals, SessionGoal.ReduceInflammation) && i.Technique == Technique.DeepTissue,
            11 => i.Technique == Technique.DeepTissue && s.AdministeredBy != Administrator.Self,
            12 => i.Pressure == Pressure.Unknown && i.Technique is not (Technique.Effleurage or Technique.Vibration),
            13 => p.Ankylosis != AnkylosisStatus.Present && i.Pressure == Pressure.Extreme,
            14 => p.DiseaseActivity == DiseaseActivity.Stable && aggressive && i.Pressure != Pressure.Extreme,
            15 => s.AdministeredBy == Administrator.Unknown && aggressive && i.Technique != Technique.ToolSelfMassage,
            16 => unknownFusion && spinal && !movesSpine && (aggressive || frictionOrPercussion),
            17 => p.Ankylosis == AnkylosisStatus.Absent && manipulation,
            18 => p.PainScore >= 7 && aggressive,
            19 => neckMayBeFused && nextToNeck && !movesSpine && aggressive,
            20 => (p.DiseaseActivity != DiseaseActivity.Stable || p.PainScore >= 7) && spinal && frictionOrPercussion,
            21 => s.AdministeredBy == Administrator.UnlicensedPractitioner && aggressive && i.Technique != Technique.ToolSelfMassage,
            22 => (fused || unknownFusion) && stretching && (spinal || nextToNeck),
            23 => SymptomsAssessedAndUnchanged(p) && (manipulation || stretching || aggressive),
            24 => i.Pressure == Pressure.Unknown && i.Technique is (Technique.Effleurage or Technique.Vibration),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }

    private static bool IsAggressive(PlanItem i) =>
        i.Technique is Technique.DeepTissue or Technique.TriggerPoint or Technique.ToolSelfMassage || i.Pressure is Pressure.Firm or Pressure.Extreme;

    private static bool SymptomsAssessedAndUnchanged(PatientStatus p) =>
        p.NeurologicalSymptoms is { Count: > 0 } && p.NeurologicalSymptomsAssessedOn is not null && p.NeurologicalSymptomsChangedSinceAssessment == Answer.No;

    private static bool Stale(PatientStatus p, SessionPlan s) =>
        p.StatusConfirmedOn is { } confirmed && s.SessionDate is { } session && session.DayNumber - confirmed.DayNumber > 7;

    private static bool AnyAggressive(IReadOnlyList<PlanItem> items)
    {
        foreach (var i in items)
        {
            if (IsAggressive(i))
            {
                return true;
            }
        }

        return false;
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

    private static bool AllLightByHand(IReadOnlyList<PlanItem> items)
    {
        foreach (var i in items)
        {
            if (i.Technique is Technique.ToolSelfMassage or Technique.DeepTissue or Technique.TriggerPoint || i.Pressure is not (Pressure.Light or Pressure.Moderate))
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
