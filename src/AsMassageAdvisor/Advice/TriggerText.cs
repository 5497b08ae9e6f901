using System.Globalization;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Advice;

/// <summary>
/// The trigger vocabulary: the fact names a rule may list, and how each is put in words for the
/// clinician. Values are shown with their JSON names, so a trigger can be matched to the request.
/// </summary>
internal static class TriggerText
{
    public const string Item = "item";

    public static readonly IReadOnlyList<string> Names =
    [
        "diseaseActivity", "ankylosis", "restrictedSpinalMotion", "neurologicalSymptoms", "painfulTechniques",
        "nsaidResponse", "onTnfInhibitor", "providerConsulted", "smoker", "dietHighInFriedOrSugaryFoods",
        "painScore", "administeredBy", "therapistInformedOfCondition", "goals", "items", "statusAge", Item,
    ];

    /// <summary>
    /// The words for a patient or plan fact. Among an advisory's triggers a fact that cannot have made the
    /// rule fire is left out (null; see restrictedSpinalMotion); an explanation asks for every value.
    /// </summary>
    public static string? Describe(string name, AssessmentRequest request, bool everyValue = false)
    {
        var (patient, plan) = (request.Patient, request.Plan);
        return name switch
        {
            "diseaseActivity" => "disease activity: " + JsonNames.Of(patient.DiseaseActivity),
            "ankylosis" => "ankylosis: " + JsonNames.Of(patient.Ankylosis)
                + (patient.AnkylosedRegions.Count > 0 ? $" (fused: {List(patient.AnkylosedRegions)})" : ""),

            // Only a "yes" can make a rule fire; "no" or "unknown" would be noise among the triggers.
            "restrictedSpinalMotion" => everyValue || patient.RestrictedSpinalMotion == Answer.Yes
                ? "restricted spinal motion: " + JsonNames.Of(patient.RestrictedSpinalMotion)
                : null,
            "neurologicalSymptoms" => "neurological symptoms: "
                + (patient.NeurologicalSymptoms is { } symptoms ? OrNone(symptoms) : "not asked (unknown)"),
            "painfulTechniques" => "techniques that raised pain: " + OrNone(patient.PainfulTechniques),
            "nsaidResponse" => "NSAID response: " + JsonNames.Of(patient.NsaidResponse),
            "onTnfInhibitor" => "on a TNF inhibitor: " + JsonNames.Of(patient.OnTnfInhibitor),
            "providerConsulted" => "healthcare provider consulted: " + JsonNames.Of(patient.ProviderConsulted),
            "smoker" => "smoker: " + JsonNames.Of(patient.Smoker),
            "dietHighInFriedOrSugaryFoods" => "diet high in fried or sugary foods: " + JsonNames.Of(patient.DietHighInFriedOrSugaryFoods),
            "painScore" => "pain score: " + (patient.PainScore is { } score ? score.ToString(CultureInfo.InvariantCulture) + " of 10" : "not recorded (unknown)"),
            "administeredBy" => "administered by: " + JsonNames.Of(plan.AdministeredBy),
            "therapistInformedOfCondition" => "therapist informed of the condition: " + JsonNames.Of(plan.TherapistInformedOfCondition),
            "goals" => "goals: " + OrNone(plan.Goals),
            "statusAge" => Terms.StatusAgeInDays(patient, plan) is { } days
                ? $"status confirmed {days.ToString(CultureInfo.InvariantCulture)} day{(days == 1 ? "" : "s")} before the session"
                : "status confirmed on: " + (patient.StatusConfirmedOn is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown")
                    + ", session date: " + (plan.SessionDate is { } s ? s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown"),
            "items" => plan.Items.Count == 1 ? "plan: 1 item" : $"plan: {plan.Items.Count.ToString(CultureInfo.InvariantCulture)} items",
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a patient or plan trigger."),
        };
    }

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
