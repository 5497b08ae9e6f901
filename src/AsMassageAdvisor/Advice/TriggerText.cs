using System.Globalization;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using static AsMassageAdvisor.Reading.ContractNames;

namespace AsMassageAdvisor.Advice;

/// <summary>
/// The trigger vocabulary: the fact names a rule may list, and how each is put in words for the
/// clinician. Values are shown with their JSON names, so a trigger can be matched to the request.
/// </summary>
internal static class TriggerText
{
    public const string Item = "item";

    /// <summary>The trigger that stands for how long before the session the status was confirmed.</summary>
    public const string StatusAge = "statusAge";

    // Each patient or plan fact once: its name (the JSON name of the model property it reads) and its words.
    // Among an advisory's triggers a fact that cannot have made the rule fire is left out (null); an explanation
    // asks for every value (the bool).
    private static readonly (string Name, Func<PatientStatus, SessionPlan, bool, string?> Words)[] Facts =
    [
        (Of(nameof(PatientStatus.DiseaseActivity)), (p, _, _) => "disease activity: " + JsonNames.Of(p.DiseaseActivity)),
        (Of(nameof(PatientStatus.Ankylosis)), (p, _, _) => "ankylosis: " + JsonNames.Of(p.Ankylosis)
            + (p.AnkylosedRegions.Count > 0 ? $" (fused: {List(p.AnkylosedRegions)})" : "")),

        // Only a "yes" can make a rule fire; "no" or "unknown" would be noise among the triggers.
        (Of(nameof(PatientStatus.RestrictedSpinalMotion)), (p, _, every) => every || p.RestrictedSpinalMotion == Answer.Yes
            ? "restricted spinal motion: " + JsonNames.Of(p.RestrictedSpinalMotion)
            : null),
        (Of(nameof(PatientStatus.NeurologicalSymptoms)), (p, _, _) => "neurological symptoms: "
            + (p.NeurologicalSymptoms is { } symptoms ? OrNone(symptoms) : "not asked (unknown)")),
        (Of(nameof(PatientStatus.PainfulTechniques)), (p, _, _) => "techniques that raised pain: " + OrNone(p.PainfulTechniques)),
        (Of(nameof(PatientStatus.NsaidResponse)), (p, _, _) => "NSAID response: " + JsonNames.Of(p.NsaidResponse)),
        (Of(nameof(PatientStatus.OnTnfInhibitor)), (p, _, _) => "on a TNF inhibitor: " + JsonNames.Of(p.OnTnfInhibitor)),
        (Of(nameof(PatientStatus.ProviderConsulted)), (p, _, _) => "healthcare provider consulted: " + JsonNames.Of(p.ProviderConsulted)),
        (Of(nameof(PatientStatus.Smoker)), (p, _, _) => "smoker: " + JsonNames.Of(p.Smoker)),
        (Of(nameof(PatientStatus.DietHighInFriedOrSugaryFoods)), (p, _, _) => "diet high in fried or sugary foods: " + JsonNames.Of(p.DietHighInFriedOrSugaryFoods)),
        (Of(nameof(PatientStatus.PainScore)), (p, _, _) => "pain score: "
            + (p.PainScore is { } score ? score.ToString(CultureInfo.InvariantCulture) + " of 10" : "not recorded (unknown)")),
        (Of(nameof(SessionPlan.AdministeredBy)), (_, s, _) => "administered by: " + JsonNames.Of(s.AdministeredBy)),
        (Of(nameof(SessionPlan.TherapistInformedOfCondition)), (_, s, _) => "therapist informed of the condition: " + JsonNames.Of(s.TherapistInformedOfCondition)),
        (Of(nameof(SessionPlan.Goals)), (_, s, _) => "goals: " + OrNone(s.Goals)),
        (Of(nameof(SessionPlan.Items)), (_, s, _) => s.Items.Count == 1 ? "plan: 1 item" : $"plan: {s.Items.Count.ToString(CultureInfo.InvariantCulture)} items"),
        (StatusAge, (p, s, _) => Terms.StatusAgeInDays(p, s) is { } days
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
    public static string? Describe(string name, AssessmentRequest request, bool everyValue = false) =>
        Describe(IndexOf(name), request, everyValue);

    /// <summary>The words for the patient or plan fact at <paramref name="index"/> of <see cref="Names"/>.</summary>
    public static string? Describe(int index, AssessmentRequest request, bool everyValue = false) =>
        Facts[index].Words(request.Patient, request.Plan, everyValue);

    /// <summary>Where a patient or plan fact is in <see cref="Names"/>.</summary>
    public static int IndexOf(string name) => FactIndex.TryGetValue(name, out var index)
        ? index
        : throw new ArgumentOutOfRangeException(nameof(name), name, "Not a patient or plan trigger.");

    private static readonly Dictionary<string, int> FactIndex =
        Enumerable.Range(0, Facts.Length).ToDictionary(i => Facts[i].Name, StringComparer.Ordinal);

    public static string DescribeItem(int index, PlanItem item) =>
        $"item {index.ToString(CultureInfo.InvariantCulture)}: {DescribeItemBody(item)}";

    // A manipulation named on a region off the spine says which part of the spine it moves.
    public static string DescribeItemBody(PlanItem item) =>
        $"{JsonNames.Of(item.Technique)} on {JsonNames.Of(item.Region)}, "
        + (item.Technique == Technique.SpinalManipulation && !Terms.IsSpinal(item.Region)
            ? $"which moves the {JsonNames.Of(Terms.SpinalRegionMovedFrom(item.Region))} spine, "
            : "")
        + (item.Pressure == Pressure.Unknown ? "pressure not stated" : JsonNames.Of(item.Pressure) + " pressure");

    private static string OrNone<TEnum>(IReadOnlyList<TEnum> values)
        where TEnum : struct, Enum => values.Count == 0 ? "none listed" : List(values);

    private static string List<TEnum>(IReadOnlyList<TEnum> values)
        where TEnum : struct, Enum => string.Join(", ", values.Select(JsonNames.Of));
}
