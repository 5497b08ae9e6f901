using System.Globalization;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Assessing;

/// <summary>
/// The request's facts that were not given and so were treated conservatively, as JSON paths in a fixed order: what
/// <see cref="Assessment.UnknownFacts"/> lists and the open questions are asked from.
/// </summary>
internal static class UnknownFacts
{
    // The dates as given: an absent date reads as "now" but is still a fact the caller did not give.
    public static IReadOnlyList<string> Of(AssessmentRequest given, AssessmentRequest request)
    {
        var (p, s) = (request.Patient, request.Plan);
        var unknown = new List<string>();
        void Add(bool isUnknown, string path)
        {
            if (isUnknown)
            {
                unknown.Add(path);
            }
        }

        Add(p.DiseaseActivity == DiseaseActivity.Unknown, FactPaths.DiseaseActivity);
        Add(p.Ankylosis == AnkylosisStatus.Unknown, FactPaths.Ankylosis);
        Add(p.RestrictedSpinalMotion == Answer.Unknown, FactPaths.RestrictedSpinalMotion);
        Add(p.NeurologicalSymptoms is null, FactPaths.NeurologicalSymptoms);
        Add(p.NsaidResponse == NsaidResponse.Unknown, FactPaths.NsaidResponse);
        Add(p.OnTnfInhibitor == Answer.Unknown, FactPaths.OnTnfInhibitor);
        Add(p.ProviderConsulted == Answer.Unknown, FactPaths.ProviderConsulted);
        Add(p.Smoker == Answer.Unknown, FactPaths.Smoker);
        Add(p.DietHighInFriedOrSugaryFoods == Answer.Unknown, FactPaths.DietHighInFriedOrSugaryFoods);
        Add(p.PainScore is null, FactPaths.PainScore);
        Add(given.Patient.StatusConfirmedOn is null, FactPaths.StatusConfirmedOn);
        Add(given.Plan.SessionDate is null, FactPaths.SessionDate);
        Add(s.AdministeredBy == Administrator.Unknown, FactPaths.AdministeredBy);
        // A patient who massages themself has no therapist to tell (K30): the fact is not asked for.
        Add(s.TherapistInformedOfCondition == Answer.Unknown && s.AdministeredBy != Administrator.Self, FactPaths.TherapistInformedOfCondition);
        for (var i = 0; i < s.Items.Count; i++)
        {
            // The path is made only for an item whose pressure is unknown.
            if (s.Items[i].Pressure == Pressure.Unknown)
            {
                unknown.Add($"{StrictJson.Index(FactPaths.Items, i)}.{FactPaths.Pressure}");
            }
        }

        return unknown.AsReadOnly();
    }

    // The JSON paths of the facts that may be unknown, made once from the model's names.
    private static class FactPaths
    {
        public static readonly string DiseaseActivity = ContractNames.PatientPath(nameof(PatientStatus.DiseaseActivity));

        public static readonly string Ankylosis = ContractNames.PatientPath(nameof(PatientStatus.Ankylosis));

        public static readonly string RestrictedSpinalMotion = ContractNames.PatientPath(nameof(PatientStatus.RestrictedSpinalMotion));

        public static readonly string NeurologicalSymptoms = ContractNames.PatientPath(nameof(PatientStatus.NeurologicalSymptoms));

        public static readonly string NsaidResponse = ContractNames.PatientPath(nameof(PatientStatus.NsaidResponse));

        public static readonly string OnTnfInhibitor = ContractNames.PatientPath(nameof(PatientStatus.OnTnfInhibitor));

        public static readonly string ProviderConsulted = ContractNames.PatientPath(nameof(PatientStatus.ProviderConsulted));

        public static readonly string Smoker = ContractNames.PatientPath(nameof(PatientStatus.Smoker));

        public static readonly string DietHighInFriedOrSugaryFoods = ContractNames.PatientPath(nameof(PatientStatus.DietHighInFriedOrSugaryFoods));

        public static readonly string PainScore = ContractNames.PatientPath(nameof(PatientStatus.PainScore));

        public static readonly string StatusConfirmedOn = ContractNames.PatientPath(nameof(PatientStatus.StatusConfirmedOn));

        public static readonly string SessionDate = ContractNames.PlanPath(nameof(SessionPlan.SessionDate));

        public static readonly string AdministeredBy = ContractNames.PlanPath(nameof(SessionPlan.AdministeredBy));

        public static readonly string TherapistInformedOfCondition = ContractNames.PlanPath(nameof(SessionPlan.TherapistInformedOfCondition));

        public static readonly string Items = ContractNames.PlanPath(nameof(SessionPlan.Items));

        public static readonly string Pressure = ContractNames.Of(nameof(PlanItem.Pressure));
    }
}
