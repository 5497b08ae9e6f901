using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>The three benchmark scenarios: a typical gentle plan, a high-risk plan, a 20-item plan.</summary>
public static class Scenarios
{
    public const string Typical = "typical 3-item gentle plan";
    public const string HighRisk = "high-risk plan";
    public const string Large = "20-item plan";

    public static AssessmentRequest Get(string name) => name switch
    {
        Typical => AssessmentRequestJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "gentle-plan.json"))),
        HighRisk => new AssessmentRequest(
            new PatientStatus
            {
                DiseaseActivity = DiseaseActivity.Flare,
                Ankylosis = AnkylosisStatus.Present,
                AnkylosedRegions = [BodyRegion.Cervical, BodyRegion.Lumbar],
                RestrictedSpinalMotion = Answer.Yes,
                NeurologicalSymptoms = [],
                PainfulTechniques = [Technique.DeepTissue],
                NsaidResponse = NsaidResponse.NotControlled,
                OnTnfInhibitor = Answer.No,
                ProviderConsulted = Answer.Unknown,
                Smoker = Answer.Yes,
                PainScore = 7,
            },
            new SessionPlan
            {
                AdministeredBy = Administrator.UnlicensedPractitioner,
                Goals = [SessionGoal.ReduceInflammation, SessionGoal.ReduceMedication],
                Items =
                [
                    new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Moderate),
                    new PlanItem(Technique.DeepTissue, BodyRegion.Lumbar, Pressure.Firm),
                    new PlanItem(Technique.Friction, BodyRegion.Thoracic, Pressure.Light),
                    new PlanItem(Technique.Effleurage, BodyRegion.Legs, Pressure.Extreme),
                ],
            }),
        Large => Get(Typical) is var typical
            ? typical with
            {
                Plan = typical.Plan with
                {
                    Items = Enumerable.Range(0, 20)
                        .Select(i => new PlanItem(
                            (Technique)(1 + (i % 3 == 0 ? 0 : i % 2 == 0 ? 1 : 3)),
                            (BodyRegion)(1 + (i % 11)),
                            i % 2 == 0 ? Pressure.Light : Pressure.Moderate))
                        .ToArray(),
                },
            }
            : throw new InvalidOperationException(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
