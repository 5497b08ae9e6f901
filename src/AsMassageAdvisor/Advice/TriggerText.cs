using System.Globalization;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Reports;
using static AsMassageAdvisor.Reading.ContractNames;

namespace AsMassageAdvisor.Advice;

/// <summary>
/// The trigger vocabulary: the fact names a rule may list, and how each is put in words for the
/// clinician. In the assessment's JSON, values are shown with their JSON names and items by their index, so a trigger
/// can be matched to the request; for people (<c>plain</c>) the same facts are put in <see cref="PlainWords"/> and items
/// are counted from 1.
/// </summary>
internal static class TriggerText
{
    public const string Item = "item";

    /// <summary>The trigger that stands for how long before the session the status was confirmed.</summary>
    public const string StatusAge = "statusAge";

    // Each patient or plan fact once: its name (the JSON name of the model property it reads) and its words.
    // Among an advisory's triggers a fact that cannot have made the rule fire is left out (null); an explanation
    // asks for every value (the bool).
    private static readonly (string Name, Func<PatientStatus, SessionPlan, bool, bool, string?> Words)[] Facts =
    [
        (Of(nameof(PatientStatus.DiseaseActivity)), (p, _, _, plain) => "disease activity: " + V(plain, p.DiseaseActivity)),
        (Of(nameof(PatientStatus.Ankylosis)), (p, _, _, plain) => "ankylosis: " + V(plain, p.Ankylosis)
            + (p.AnkylosedRegions.Count > 0 ? $" (fused: {List(p.AnkylosedRegions, plain)})" : "")),

        // Only a "yes" can make a rule fire; "no" or "unknown" would be noise among the triggers.
        (Of(nameof(PatientStatus.RestrictedSpinalMotion)), (p, _, every, plain) => every || p.RestrictedSpinalMotion == Answer.Yes
            ? "restricted spinal motion: " + V(plain, p.RestrictedSpinalMotion)
            : null),
        (Of(nameof(PatientStatus.NeurologicalSymptoms)), (p, _, _, plain) => "neurological symptoms: "
            + (p.NeurologicalSymptoms is { } symptoms ? OrNone(symptoms, plain) : "not asked (unknown)")),
        (Of(nameof(PatientStatus.NeurologicalSymptomsAssessedOn)), (p, _, _, _) => "neurological symptoms assessed by a physician on: "
            + (p.NeurologicalSymptomsAssessedOn is { } assessed ? assessed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "not recorded (unknown)")),
        (Of(nameof(PatientStatus.NeurologicalSymptomsChangedSinceAssessment)), (p, _, _, plain) => "neurological symptoms new or worse since that assessment: "
            + V(plain, p.NeurologicalSymptomsChangedSinceAssessment)),
        (Of(nameof(PatientStatus.PainfulTechniques)), (p, _, _, plain) => "techniques that raised pain: " + OrNone(p.PainfulTechniques, plain)),
        (Of(nameof(PatientStatus.NsaidResponse)), (p, _, _, plain) => "NSAID response: " + V(plain, p.NsaidResponse)),
        (Of(nameof(PatientStatus.OnTnfInhibitor)), (p, _, _, plain) => "on a TNF inhibitor: " + V(plain, p.OnTnfInhibitor)),
        (Of(nameof(PatientStatus.ProviderConsulted)), (p, _, _, plain) => "healthcare provider consulted: " + V(plain, p.ProviderConsulted)),
        (Of(nameof(PatientStatus.Smoker)), (p, _, _, plain) => "smoker: " + V(plain, p.Smoker)),
        (Of(nameof(PatientStatus.DietHighInFriedOrSugaryFoods)), (p, _, _, plain) => "diet high in fried or sugary foods: " + V(plain, p.DietHighInFriedOrSugaryFoods)),
        (Of(nameof(PatientStatus.PainScore)), (p, _, _, plain) => "pain score: "
            + (p.PainScore is { } score ? score.ToString(CultureInfo.InvariantCulture) + " of 10" : "not recorded (unknown)")),
        (Of(nameof(SessionPlan.AdministeredBy)), (_, s, _, plain) => "administered by: " + V(plain, s.AdministeredBy)),
        (Of(nameof(SessionPlan.TherapistInformedOfCondition)), (_, s, _, plain) => "therapist informed of the condition: " + V(plain, s.TherapistInformedOfCondition)),
        (Of(nameof(SessionPlan.Goals)), (_, s, _, plain) => "goals: " + OrNone(s.Goals, plain)),
        (Of(nameof(SessionPlan.Items)), (_, s, _, plain) => s.Items.Count == 1 ? "plan: 1 item" : $"plan: {s.Items.Count.ToString(CultureInfo.InvariantCulture)} items"),
        (StatusAge, (p, s, _, plain) => Terms.StatusAgeInDays(p, s) is { } days
            ? $"status confirmed {days.ToString(CultureInfo.InvariantCulture)} day{(days == 1 ? "" : "s")} before the session"
            : "status confirmed on: " + (p.StatusConfirmedOn is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown")
                + ", session date: " + (s.SessionDate is { } on ? on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown")),
    ];

    /// <summary>Every trigger name a rule may list.</summary>
    public static readonly IReadOnlyList<string> Names = [.. Facts.Select(f => f.Name), Item];

    /// <summary>
    /// The words for a patient or plan fact. Among an advisory's triggers a fact that cannot have made the
    /// rule fire is left out (null; see restrictedSpinalMotion); an explanation asks for every value.
    /// </summary>
    public static string? Describe(string name, AssessmentRequest request, bool everyValue = false, bool plain = false) =>
        Describe(IndexOf(name), request, everyValue, plain);

    /// <summary>The words for the patient or plan fact at <paramref name="index"/> of <see cref="Names"/>.</summary>
    public static string? Describe(int index, AssessmentRequest request, bool everyValue = false, bool plain = false) =>
        Facts[index].Words(request.Patient, request.Plan, everyValue, plain);

    /// <summary>Where a patient or plan fact is in <see cref="Names"/>.</summary>
    public static int IndexOf(string name) => FactIndex.TryGetValue(name, out var index)
        ? index
        : throw new ArgumentOutOfRangeException(nameof(name), name, "Not a patient or plan trigger.");

    private static readonly Dictionary<string, int> FactIndex =
        Enumerable.Range(0, Facts.Length).ToDictionary(i => Facts[i].Name, StringComparer.Ordinal);

    public static string DescribeItem(int index, PlanItem item, bool plain = false) => plain
        ? $"{PlainWords.Item(index)}: {PlainWords.Describe(item)}"
        : $"item {index.ToString(CultureInfo.InvariantCulture)}: {DescribeItemBody(item)}";

    // Work that moves the spine, named on a region off it, says which part of the spine it moves.
    public static string DescribeItemBody(PlanItem item) =>
        $"{JsonNames.Of(item.Technique)} on {JsonNames.Of(item.Region)}, "
        + (Terms.MovesSpinalJoints(item) && !Terms.IsSpinal(item.Region)
            ? $"which moves the {JsonNames.Of(Terms.SpinalRegionMovedFrom(item.Region))} spine, "
            : "")
        + (item.Pressure == Pressure.Unknown ? "pressure not stated" : JsonNames.Of(item.Pressure) + " pressure");

    private static string V<TEnum>(bool plain, TEnum value)
        where TEnum : struct, Enum => plain ? PlainWords.Of(value) : JsonNames.Of(value);

    private static string OrNone<TEnum>(IReadOnlyList<TEnum> values, bool plain)
        where TEnum : struct, Enum => values.Count == 0 ? "none listed" : List(values, plain);

    private static string List<TEnum>(IReadOnlyList<TEnum> values, bool plain)
        where TEnum : struct, Enum => string.Join(", ", values.Select(v => V(plain, v)));
}
