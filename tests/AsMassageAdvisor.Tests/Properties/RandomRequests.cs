using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Properties;

/// <summary>
/// Valid requests from a seeded <see cref="Random"/>, for tests that need a fixed, reproducible set rather than
/// a property run. Same ranges as <see cref="RequestGen"/>.
/// </summary>
internal static class RandomRequests
{
    private static readonly DateOnly FirstSessionDay = new(2024, 1, 1);

    public static AssessmentRequest[] Create(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Create(random)).ToArray();
    }

    public static AssessmentRequest Create(Random random)
    {
        T Any<T>()
            where T : struct, Enum
        {
            var values = Enum.GetValues<T>();
            return values[random.Next(values.Length)];
        }

        T[] UpTo<T>(int max, Func<T> element) => Enumerable.Range(0, random.Next(max + 1)).Select(_ => element()).ToArray();

        var ankylosis = Any<AnkylosisStatus>();
        var session = FirstSessionDay.AddDays(random.Next(3 * 365));
        var confirmed = session.AddDays(-random.Next(22));
        var shape = random.Next(4);
        IReadOnlyList<NeurologicalSymptom>? neurological = random.Next(3) switch
        {
            0 => null,
            1 => [],
            _ => UpTo(1, Any<NeurologicalSymptom>).Append(Any<NeurologicalSymptom>()).ToArray(),
        };

        return new AssessmentRequest(
            new PatientStatus
            {
                DiseaseActivity = Any<DiseaseActivity>(),
                Ankylosis = ankylosis,
                AnkylosedRegions = ankylosis == AnkylosisStatus.Absent ? [] : UpTo(4, () => RequestGen.SpinalRegions[random.Next(RequestGen.SpinalRegions.Length)]),
                RestrictedSpinalMotion = Any<Answer>(),
                NeurologicalSymptoms = neurological,
                PainfulTechniques = UpTo(3, Any<Technique>),
                NsaidResponse = Any<NsaidResponse>(),
                OnTnfInhibitor = Any<Answer>(),
                ProviderConsulted = Any<Answer>(),
                Smoker = Any<Answer>(),
                DietHighInFriedOrSugaryFoods = Any<Answer>(),
                StatusConfirmedOn = shape is 1 or 3 ? confirmed : null,
                PainScore = random.Next(2) == 0 ? null : random.Next(11),
            },
            new SessionPlan
            {
                AdministeredBy = Any<Administrator>(),
                TherapistInformedOfCondition = Any<Answer>(),
                SessionDate = shape is 2 or 3 ? session : null,
                Goals = UpTo(3, Any<SessionGoal>),
                Items = Enumerable.Range(0, random.Next(1, RequestGen.MaxItems + 1))
                    .Select(_ => new PlanItem(Any<Technique>(), Any<BodyRegion>(), Any<Pressure>()))
                    .ToArray(),
            });
    }
}
