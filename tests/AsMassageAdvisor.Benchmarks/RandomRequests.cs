using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>
/// Seeded random requests that pass validation, for differential checks: every enum value including Unknown,
/// neurological symptoms null, empty or not (when listed, sometimes assessed on a day before the session, with any
/// change since), pain null or 0 to 10, either date missing (a status date without a
/// session date exercises the "session is today" reading), fused regions listed under any ankylosis status but
/// absent, and 1 to 20 items, some repeated exactly, in
/// some plans mostly gentle ones; a tool self-massage only when the patient or someone not named gives it.
/// </summary>
public sealed class RandomRequests(int seed, DateOnly today)
{
    private static readonly BodyRegion[] SpinalRegions = [BodyRegion.Cervical, BodyRegion.Thoracic, BodyRegion.Lumbar, BodyRegion.Sacroiliac];

    private static readonly Technique[] Gentle = [Technique.Effleurage, Technique.Petrissage, Technique.Vibration];

    private readonly Random _random = new(seed);

    /// <summary>The next request.</summary>
    public AssessmentRequest Next()
    {
        var ankylosis = Any<AnkylosisStatus>();
        var (confirmed, session) = Dates();
        var giver = Any<Administrator>();
        // Half the plans are short and half of them mostly gentle, so that the rules about a plan as a whole
        // (all gentle, nothing aggressive) fire often enough to be compared.
        var items = new PlanItem[_random.Next(2) == 0 ? _random.Next(1, 5) : _random.Next(1, 21)];
        var mostlyGentle = _random.Next(2) == 0;
        for (var i = 0; i < items.Length; i++)
        {
            // A repeated item must still be assessed as a separate item.
            items[i] = i > 0 && _random.Next(5) == 0 ? items[_random.Next(i)]
                : mostlyGentle && _random.Next(8) != 0 ? new PlanItem(Gentle[_random.Next(Gentle.Length)], Any<BodyRegion>(), _random.Next(2) == 0 ? Pressure.Light : Pressure.Moderate)
                : new PlanItem(AnyTechnique(giver), Any<BodyRegion>(), Any<Pressure>());
        }

        NeurologicalSymptom[]? symptoms = _random.Next(3) switch
        {
            0 => null,
            1 => [],
            _ => UpTo(2, Any<NeurologicalSymptom>) is { Length: > 0 } listed ? listed : [NeurologicalSymptom.SensoryChanges],
        };

        // A physician's assessment only of listed symptoms, on or before the session (today when it has no date).
        DateOnly? assessed = symptoms is { Length: > 0 } && _random.Next(2) == 0 ? (session ?? today).AddDays(-_random.Next(0, 60)) : null;

        return new AssessmentRequest(
            new PatientStatus
            {
                DiseaseActivity = Any<DiseaseActivity>(),
                Ankylosis = ankylosis,
                AnkylosedRegions = ankylosis == AnkylosisStatus.Absent ? [] : UpTo(3, () => SpinalRegions[_random.Next(SpinalRegions.Length)]),
                RestrictedSpinalMotion = Any<Answer>(),
                NeurologicalSymptoms = symptoms,
                NeurologicalSymptomsAssessedOn = assessed,
                NeurologicalSymptomsChangedSinceAssessment = assessed is null ? Answer.Unknown : Any<Answer>(),
                PainfulTechniques = UpTo(3, Any<Technique>),
                NsaidResponse = Any<NsaidResponse>(),
                OnTnfInhibitor = Any<Answer>(),
                ProviderConsulted = Any<Answer>(),
                Smoker = Any<Answer>(),
                DietHighInFriedOrSugaryFoods = Any<Answer>(),
                StatusConfirmedOn = confirmed,
                PainScore = _random.Next(3) == 0 ? null : _random.Next(0, 11),
            },
            new SessionPlan
            {
                AdministeredBy = giver,
                TherapistInformedOfCondition = Any<Answer>(),
                SessionDate = session,
                Goals = UpTo(3, Any<SessionGoal>),
                Items = items,
            });
    }

    private T Any<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[_random.Next(values.Length)];
    }

    /// <summary>Any technique the giver may give: a tool self-massage is the patient's own.</summary>
    private Technique AnyTechnique(Administrator giver)
    {
        var technique = Any<Technique>();
        while (technique == Technique.ToolSelfMassage && giver is not (Administrator.Self or Administrator.Unknown))
        {
            technique = Any<Technique>();
        }

        return technique;
    }

    private T[] UpTo<T>(int max, Func<T> element)
    {
        var values = new T[_random.Next(max + 1)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = element();
        }

        return values;
    }

    /// <summary>The status is confirmed 0 to 14 days before the session (or today), so both sides of 7 days occur.</summary>
    private (DateOnly? Confirmed, DateOnly? Session) Dates()
    {
        var session = today.AddDays(_random.Next(-30, 31));
        var age = _random.Next(0, 15);
        return _random.Next(4) switch
        {
            0 => (null, null),
            1 => (today.AddDays(-age), null),
            2 => (null, session),
            _ => (session.AddDays(-age), session),
        };
    }
}
