using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Support;

/// <summary>
/// Valid requests drawn from a seeded generator: every enum value, unknowns included, 1–8 items, dates in the past.
/// </summary>
internal static class RandomRequests
{
    public static IEnumerable<AssessmentRequest> Generate(int seed, int count)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            yield return Next(random);
        }
    }

    public static AssessmentRequest Next(Random random)
    {
        var ankylosis = Pick<AnkylosisStatus>(random);
        var confirmed = random.Next(4) == 0 ? (DateOnly?)null : new DateOnly(2026, 11, 1).AddDays(random.Next(20));
        var patient = new PatientStatus
        {
            DiseaseActivity = Pick<DiseaseActivity>(random),
            Ankylosis = ankylosis,
            AnkylosedRegions = ankylosis == AnkylosisStatus.Absent ? [] : Subset(random, [BodyRegion.Cervical, BodyRegion.Thoracic, BodyRegion.Lumbar, BodyRegion.Sacroiliac]),
            RestrictedSpinalMotion = Pick<Answer>(random),
            NeurologicalSymptoms = random.Next(3) switch
            {
                0 => null,
                1 => [],
                _ => Subset(random, Enum.GetValues<NeurologicalSymptom>()),
            },
            PainfulTechniques = random.Next(2) == 0 ? [] : Subset(random, Enum.GetValues<Technique>()),
            NsaidResponse = Pick<NsaidResponse>(random),
            OnTnfInhibitor = Pick<Answer>(random),
            ProviderConsulted = Pick<Answer>(random),
            Smoker = Pick<Answer>(random),
            DietHighInFriedOrSugaryFoods = Pick<Answer>(random),
            PainScore = random.Next(3) == 0 ? null : random.Next(11),
            StatusConfirmedOn = confirmed,
        };
        var plan = new SessionPlan
        {
            AdministeredBy = Pick<Administrator>(random),
            TherapistInformedOfCondition = Pick<Answer>(random),
            SessionDate = random.Next(4) == 0 ? null : (confirmed ?? new DateOnly(2026, 11, 1)).AddDays(random.Next(15)),
            Goals = Subset(random, Enum.GetValues<SessionGoal>()),
            Items = Enumerable.Range(0, 1 + random.Next(8))
                .Select(_ => new PlanItem(Pick<Technique>(random), Pick<BodyRegion>(random), Pick<Pressure>(random)))
                .ToArray(),
        };
        // A physician's assessment of listed symptoms, before any generated session day (K32).
        if (patient.NeurologicalSymptoms is { Count: > 0 } && random.Next(2) == 0)
        {
            patient = patient with
            {
                NeurologicalSymptomsAssessedOn = new DateOnly(2026, 10, 1).AddDays(random.Next(30)),
                NeurologicalSymptomsChangedSinceAssessment = Pick<Answer>(random),
            };
        }

        // A tool self-massage is the patient's own: with anyone else named as the giver it becomes kneading.
        if (plan.AdministeredBy is not (Administrator.Self or Administrator.Unknown))
        {
            plan = plan with
            {
                Items = plan.Items.Select(i => i.Technique == Technique.ToolSelfMassage ? i with { Technique = Technique.Petrissage } : i).ToArray(),
            };
        }

        return new AssessmentRequest(patient, plan);
    }

    private static T Pick<T>(Random random)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[random.Next(values.Length)];
    }

    private static T[] Subset<T>(Random random, T[] values) => values.Where(_ => random.Next(3) == 0).ToArray();
}
