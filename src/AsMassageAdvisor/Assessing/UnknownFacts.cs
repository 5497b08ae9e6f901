using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Assessing;

/// <summary>
/// The request's facts that were not given and so were treated conservatively, as JSON paths in a fixed order: what
/// <see cref="Assessment.UnknownFacts"/> lists and the open questions are asked from.
/// </summary>
internal static class UnknownFacts
{
    // The facts in the model's order, then each item whose pressure is not stated. The dates as given: an absent date
    // reads as "now" but is still a fact the caller did not give; the other facts as the rules read them (fused regions
    // listed without a status are ankylosis present, not unknown).
    public static IReadOnlyList<string> Of(AssessmentRequest given, AssessmentRequest request)
    {
        var unknown = new List<string>();
        var patient = request.Patient;
        foreach (var fact in RequestFields.Patient)
        {
            if (fact.IsUnknownOn(fact.AbsentMeansNow ? given.Patient : patient) && IsAsked(fact, patient))
            {
                unknown.Add(ContractNames.PatientPath(fact.Property.Name));
            }
        }

        var plan = request.Plan;
        foreach (var fact in RequestFields.Plan)
        {
            // A patient who massages themself has no therapist to tell (K30): the fact is not asked for.
            if (fact.IsUnknownOn(fact.AbsentMeansNow ? given.Plan : plan)
                && !(fact.Property.Name == nameof(SessionPlan.TherapistInformedOfCondition) && plan.AdministeredBy == Administrator.Self))
            {
                unknown.Add(ContractNames.PlanPath(fact.Property.Name));
            }
        }

        for (var i = 0; i < plan.Items.Count; i++)
        {
            // The path is made only for an item whose pressure is unknown.
            if (plan.Items[i].Pressure == Pressure.Unknown)
            {
                unknown.Add($"{StrictJson.Index(ItemsPath, i)}.{PressureName}");
            }
        }

        return unknown.AsReadOnly();
    }

    // The facts that are only asked about when another is given: listed symptoms stop the session unless a physician
    // has assessed them and they have not changed since (K32), so the day of the assessment is asked only with
    // symptoms listed, and the change since only with that day.
    private static bool IsAsked(RequestField fact, PatientStatus patient) => fact.Property.Name switch
    {
        nameof(PatientStatus.NeurologicalSymptomsAssessedOn) => patient.NeurologicalSymptoms is { Count: > 0 },
        nameof(PatientStatus.NeurologicalSymptomsChangedSinceAssessment) => patient.NeurologicalSymptomsAssessedOn is not null,
        _ => true,
    };

    private static readonly string ItemsPath = ContractNames.PlanPath(nameof(SessionPlan.Items));

    private static readonly string PressureName = ContractNames.Of(nameof(PlanItem.Pressure));
}
