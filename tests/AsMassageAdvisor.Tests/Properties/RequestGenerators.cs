using System.Globalization;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Tests.Knowledge;
using FsCheck;
using FsCheck.Fluent;

namespace AsMassageAdvisor.Tests.Properties;

/// <summary>
/// A generated request that passes validation. It prints itself compactly, naming only the facts that are known
/// (a shrunk counterexample then shows exactly the facts it needs).
/// </summary>
public sealed record ValidRequest(AssessmentRequest Value)
{
    public override string ToString() => RequestText.Describe(Value);
}

/// <summary>A spinal region: cervical, thoracic, lumbar or sacroiliac.</summary>
public sealed record SpinalRegion(BodyRegion Value);

/// <summary>A region away from the spine.</summary>
public sealed record NonSpinalRegion(BodyRegion Value);

/// <summary>A stated pressure that can still be raised one level: light, moderate or firm.</summary>
public sealed record RaisablePressure(Pressure Value);

/// <summary>A random order of the positions 0 to 7; restricted to the positions below n it is a random order of n items.</summary>
public sealed record Shuffle(IReadOnlyList<int> Order)
{
    public const int Length = RequestGen.MaxItems;

    /// <summary>The permutation of <paramref name="count"/> items: the item at new position k is the old item <c>result[k]</c>.</summary>
    public int[] For(int count) => Order.Where(i => i < count).ToArray();

    public override string ToString() => "Shuffle [" + string.Join(", ", Order) + "]";
}

/// <summary>
/// The generators of valid requests: every enum value including Unknown, optional lists (neurological symptoms
/// null, empty or not), a pain score null or 0 to 10, dates null or with the status confirmed on or before the
/// session (all in the past, so that a status confirmed without a session date is never in the future), a physician's
/// assessment of listed symptoms or none, and 1 to 8 items of any technique, region and pressure. <see cref="Valid"/>
/// keeps what the contract forbids out: a tool self-massage by anyone but the patient, an assessment without symptoms.
/// </summary>
/// <remarks>Static fields are initialised in the order written: each generator comes after the ones it uses.</remarks>
internal static class RequestGen
{
    public const int MaxItems = 8;

    private static readonly DateOnly FirstSessionDay = new(2024, 1, 1);

    // Session days lie in 2024 and 2025: in the past, whatever day the tests run.
    private const int SessionDays = 2 * 365;

    public static readonly BodyRegion[] SpinalRegions = Enum.GetValues<BodyRegion>().Where(Terms.IsSpinal).ToArray();

    public static readonly BodyRegion[] NonSpinalRegions = Enum.GetValues<BodyRegion>().Where(r => !Terms.IsSpinal(r)).ToArray();

    public static Gen<T> AnyOf<T>()
        where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    /// <summary>An array of 0 to <paramref name="max"/> values (repeats allowed: the contract does not forbid them).</summary>
    public static Gen<T[]> UpTo<T>(int max, Gen<T> element) =>
        Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(element, n));

    public static readonly Gen<PlanItem> Item =
        from technique in AnyOf<Technique>()
        from region in AnyOf<BodyRegion>()
        from pressure in AnyOf<Pressure>()
        select new PlanItem(technique, region, pressure);

    public static readonly Gen<PlanItem[]> Items =
        Gen.Choose(1, MaxItems).SelectMany(n => Gen.ArrayOf(Item, n));

    /// <summary>Neurological symptoms: not asked (null), asked and none, or some.</summary>
    public static readonly Gen<IReadOnlyList<NeurologicalSymptom>?> NeurologicalSymptoms = Gen.OneOf(
        Gen.Constant<IReadOnlyList<NeurologicalSymptom>?>(null),
        Gen.Constant<IReadOnlyList<NeurologicalSymptom>?>(Array.Empty<NeurologicalSymptom>()),
        Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(AnyOf<NeurologicalSymptom>(), n)).Select(a => (IReadOnlyList<NeurologicalSymptom>?)a));

    /// <summary>
    /// A physician's assessment of the listed symptoms (K32): none, or a day before any generated session with the change
    /// since yes, no or unknown. <see cref="Valid"/> drops it when no symptoms are listed.
    /// </summary>
    public static readonly Gen<(DateOnly? AssessedOn, Answer Changed)> SymptomAssessment = Gen.OneOf(
        Gen.Constant(((DateOnly?)null, Answer.Unknown)),
        from daysBefore in Gen.Choose(1, 60)
        from changed in AnyOf<Answer>()
        select ((DateOnly?)FirstSessionDay.AddDays(-daysBefore), changed));

    /// <summary>
    /// The request as the contract allows it: a tool self-massage given by someone other than the patient becomes
    /// kneading, and a physician's assessment of neurological symptoms is dropped when none are listed.
    /// </summary>
    public static AssessmentRequest Valid(AssessmentRequest request)
    {
        var (p, s) = (request.Patient, request.Plan);
        if (p.NeurologicalSymptoms is not { Count: > 0 } || p.NeurologicalSymptomsAssessedOn is null)
        {
            p = p with { NeurologicalSymptomsAssessedOn = null, NeurologicalSymptomsChangedSinceAssessment = Answer.Unknown };
        }

        if (s.AdministeredBy is not (Administrator.Self or Administrator.Unknown) && s.Items.Any(i => i.Technique == Technique.ToolSelfMassage))
        {
            s = s with { Items = s.Items.Select(i => i.Technique == Technique.ToolSelfMassage ? i with { Technique = Technique.Petrissage } : i).ToArray() };
        }

        return new AssessmentRequest(p, s);
    }

    public static readonly Gen<int?> PainScore = Gen.OneOf(
        Gen.Constant<int?>(null),
        Gen.Choose(0, 10).Select(p => (int?)p));

    /// <summary>
    /// The day the status was confirmed and the session day: either may be missing; when both are given the
    /// status is confirmed 0 to 21 days before the session, so both sides of the 7-day limit of ASM-030 occur.
    /// </summary>
    public static readonly Gen<(DateOnly? Confirmed, DateOnly? Session)> Dates =
        from session in Gen.Choose(0, SessionDays).Select(FirstSessionDay.AddDays)
        from age in Gen.Choose(0, 21)
        from shape in Gen.Choose(0, 3)
        select shape switch
        {
            0 => ((DateOnly?)null, (DateOnly?)null),
            1 => ((DateOnly?)session.AddDays(-age), (DateOnly?)null),
            2 => ((DateOnly?)null, (DateOnly?)session),
            _ => ((DateOnly?)session.AddDays(-age), (DateOnly?)session),
        };

    /// <summary>Every fact drawn independently from its whole range.</summary>
    public static readonly Gen<AssessmentRequest> Uniform =
        from activity in AnyOf<DiseaseActivity>()
        from ankylosis in AnyOf<AnkylosisStatus>()
        from fused in UpTo(4, Gen.Elements(SpinalRegions))
        from restricted in AnyOf<Answer>()
        from neurological in NeurologicalSymptoms
        from assessment in SymptomAssessment
        from painful in UpTo(3, AnyOf<Technique>())
        from nsaid in AnyOf<NsaidResponse>()
        from tnf in AnyOf<Answer>()
        from provider in AnyOf<Answer>()
        from smoker in AnyOf<Answer>()
        from diet in AnyOf<Answer>()
        from pain in PainScore
        from dates in Dates
        from administrator in AnyOf<Administrator>()
        from informed in AnyOf<Answer>()
        from goals in UpTo(3, AnyOf<SessionGoal>())
        from items in Items
        select Valid(new AssessmentRequest(
            new PatientStatus
            {
                DiseaseActivity = activity,
                Ankylosis = ankylosis,
                AnkylosedRegions = ankylosis == AnkylosisStatus.Absent ? [] : fused,
                RestrictedSpinalMotion = restricted,
                NeurologicalSymptoms = neurological,
                NeurologicalSymptomsAssessedOn = assessment.AssessedOn,
                NeurologicalSymptomsChangedSinceAssessment = assessment.Changed,
                PainfulTechniques = painful,
                NsaidResponse = nsaid,
                OnTnfInhibitor = tnf,
                ProviderConsulted = provider,
                Smoker = smoker,
                DietHighInFriedOrSugaryFoods = diet,
                StatusConfirmedOn = dates.Confirmed,
                PainScore = pain,
            },
            new SessionPlan
            {
                AdministeredBy = administrator,
                TherapistInformedOfCondition = informed,
                SessionDate = dates.Session,
                Goals = goals,
                Items = items,
            }));

    /// <summary>
    /// Mild work: effleurage, petrissage, vibration, friction or tapotement at light or moderate pressure, on any
    /// region. Only the first three are gentle; friction and tapotement over a fused spine draw a warning (ASM-005).
    /// </summary>
    public static readonly Gen<PlanItem> MildItem =
        from technique in Gen.Elements(Technique.Effleurage, Technique.Petrissage, Technique.Vibration, Technique.Friction, Technique.Tapotement)
        from region in AnyOf<BodyRegion>()
        from pressure in Gen.Elements(Pressure.Light, Pressure.Moderate)
        select new PlanItem(technique, region, pressure);

    /// <summary>
    /// Any item, its pressure stated three times in four: an unstated pressure always draws the ASM-027 warning,
    /// which would hide what the rest of the item does.
    /// </summary>
    public static readonly Gen<PlanItem> MostlyStatedItem = Gen.Frequency(
        (3, Item.Where(i => i.Pressure != Pressure.Unknown)),
        (1, Item));

    private static readonly Gen<Func<AssessmentRequest, AssessmentRequest>> ItemChange = Gen.OneOf(
        from item in MostlyStatedItem
        from pick in Gen.Choose(0, MaxItems - 1)
        select Plan(p => p with { Items = p.Items.Select((old, i) => i == pick % p.Items.Count ? item : old).ToArray() }),
        MostlyStatedItem.Select(item => Plan(p => p with { Items = p.Items.Count < MaxItems ? [.. p.Items, item] : p.Items })));

    private static readonly Gen<Func<AssessmentRequest, AssessmentRequest>> FactChange = Gen.OneOf(
        AnyOf<DiseaseActivity>().Select(v => Patient(p => p with { DiseaseActivity = v })),
        from status in AnyOf<AnkylosisStatus>()
        from fused in UpTo(2, Gen.Elements(SpinalRegions))
        select Patient(p => p with { Ankylosis = status, AnkylosedRegions = status == AnkylosisStatus.Absent ? [] : fused }),
        AnyOf<Answer>().Select(v => Patient(p => p with { RestrictedSpinalMotion = v })),
        NeurologicalSymptoms.Select(v => Patient(p => p with { NeurologicalSymptoms = v })),
        SymptomAssessment.Select(v => Patient(p => p with { NeurologicalSymptomsAssessedOn = v.AssessedOn, NeurologicalSymptomsChangedSinceAssessment = v.Changed })),
        AnyOf<Technique>().Select(v => Patient(p => p with { PainfulTechniques = [.. p.PainfulTechniques, v] })),
        AnyOf<NsaidResponse>().Select(v => Patient(p => p with { NsaidResponse = v })),
        AnyOf<Answer>().Select(v => Patient(p => p with { OnTnfInhibitor = v })),
        AnyOf<Answer>().Select(v => Patient(p => p with { ProviderConsulted = v })),
        AnyOf<Answer>().Select(v => Patient(p => p with { Smoker = v })),
        AnyOf<Answer>().Select(v => Patient(p => p with { DietHighInFriedOrSugaryFoods = v })),
        PainScore.Select(v => Patient(p => p with { PainScore = v })),
        Dates.Select(d => (Func<AssessmentRequest, AssessmentRequest>)(r => r with
        {
            Patient = r.Patient with { StatusConfirmedOn = d.Confirmed },
            Plan = r.Plan with { SessionDate = d.Session },
        })),
        AnyOf<Administrator>().Select(v => Plan(p => p with { AdministeredBy = v })),
        AnyOf<Answer>().Select(v => Plan(p => p with { TherapistInformedOfCondition = v })),
        AnyOf<SessionGoal>().Select(v => Plan(p => p with { Goals = [.. p.Goals, v] })));

    /// <summary>
    /// One change to a request that keeps it valid: a fact set to any value of its range, or (as often as all the
    /// facts together) an item replaced or added.
    /// </summary>
    private static readonly Gen<Func<AssessmentRequest, AssessmentRequest>> Change = Gen.Frequency(
        (1, FactChange),
        (1, ItemChange));

    /// <summary>
    /// A nearly safe request (stable disease, any ankylosis status but no fused regions listed, every other fact
    /// known and reassuring, a current status, a licensed and informed therapist, 1 to 3 mild items) with 0 to 4
    /// facts or items then changed at random.
    /// </summary>
    public static readonly Gen<AssessmentRequest> NearSafe =
        from session in Gen.Choose(0, SessionDays).Select(FirstSessionDay.AddDays)
        from ankylosis in AnyOf<AnkylosisStatus>()
        from items in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(MildItem, n))
        from changes in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Change, n))
        select Valid(changes.Aggregate(
            new AssessmentRequest(
                Scenario.Safe.Patient with { Ankylosis = ankylosis, StatusConfirmedOn = session.AddDays(-1) },
                Scenario.Safe.Plan with { SessionDate = session, Goals = [], Items = items }),
            (request, change) => change(request)));

    /// <summary>
    /// Any valid request: half drawn uniformly, half near the safe baseline. Uniform requests nearly
    /// always carry several cautions and warnings, which hide the differences the laws look for; requests that
    /// differ from a safe plan in a few facts are where a missing caution or warning shows.
    /// </summary>
    public static readonly Gen<AssessmentRequest> Request = Gen.Frequency(
        (1, Uniform),
        (1, NearSafe));

    private static Func<AssessmentRequest, AssessmentRequest> Patient(Func<PatientStatus, PatientStatus> change) =>
        r => r with { Patient = change(r.Patient) };

    private static Func<AssessmentRequest, AssessmentRequest> Plan(Func<SessionPlan, SessionPlan> change) =>
        r => r with { Plan = change(r.Plan) };
}

/// <summary>
/// Shrinks a request towards fewer items and fewer known facts, keeping it valid: each candidate removes one
/// item, forgets one fact (back to Unknown, null or one list entry fewer) or simplifies one item.
/// </summary>
internal static class RequestShrinker
{
    public static IEnumerable<AssessmentRequest> Shrink(AssessmentRequest request) =>
        Candidates(request).Select(RequestGen.Valid).Where(c => c != request);

    private static IEnumerable<AssessmentRequest> Candidates(AssessmentRequest request)
    {
        var (p, s) = (request.Patient, request.Plan);
        AssessmentRequest WithPatient(PatientStatus patient) => request with { Patient = patient };
        AssessmentRequest WithPlan(SessionPlan plan) => request with { Plan = plan };

        for (var i = 0; i < s.Items.Count && s.Items.Count > 1; i++)
        {
            yield return WithPlan(s with { Items = Without(s.Items, i) });
        }

        if (p.NeurologicalSymptoms is { Count: > 0 } symptoms)
        {
            for (var i = 0; i < symptoms.Count; i++)
            {
                yield return WithPatient(p with { NeurologicalSymptoms = Without(symptoms, i) });
            }
        }
        else if (p.NeurologicalSymptoms is not null)
        {
            yield return WithPatient(p with { NeurologicalSymptoms = null });
        }

        if (p.NeurologicalSymptomsAssessedOn is not null)
        {
            yield return WithPatient(p with { NeurologicalSymptomsAssessedOn = null });
        }

        if (p.NeurologicalSymptomsChangedSinceAssessment != default)
        {
            yield return WithPatient(p with { NeurologicalSymptomsChangedSinceAssessment = default });
        }

        if (p.DiseaseActivity != default)
        {
            yield return WithPatient(p with { DiseaseActivity = default });
        }

        if (p.Ankylosis != default)
        {
            yield return WithPatient(p with { Ankylosis = default });
        }

        for (var i = 0; i < p.AnkylosedRegions.Count; i++)
        {
            yield return WithPatient(p with { AnkylosedRegions = Without(p.AnkylosedRegions, i) });
        }

        if (p.RestrictedSpinalMotion != default)
        {
            yield return WithPatient(p with { RestrictedSpinalMotion = default });
        }

        for (var i = 0; i < p.PainfulTechniques.Count; i++)
        {
            yield return WithPatient(p with { PainfulTechniques = Without(p.PainfulTechniques, i) });
        }

        if (p.NsaidResponse != default)
        {
            yield return WithPatient(p with { NsaidResponse = default });
        }

        if (p.OnTnfInhibitor != default)
        {
            yield return WithPatient(p with { OnTnfInhibitor = default });
        }

        if (p.ProviderConsulted != default)
        {
            yield return WithPatient(p with { ProviderConsulted = default });
        }

        if (p.Smoker != default)
        {
            yield return WithPatient(p with { Smoker = default });
        }

        if (p.DietHighInFriedOrSugaryFoods != default)
        {
            yield return WithPatient(p with { DietHighInFriedOrSugaryFoods = default });
        }

        if (p.PainScore is not null)
        {
            yield return WithPatient(p with { PainScore = null });
        }

        if (p.StatusConfirmedOn is not null)
        {
            yield return WithPatient(p with { StatusConfirmedOn = null });
        }

        if (s.SessionDate is not null)
        {
            yield return WithPlan(s with { SessionDate = null });
        }

        if (s.AdministeredBy != default)
        {
            yield return WithPlan(s with { AdministeredBy = default });
        }

        if (s.TherapistInformedOfCondition != default)
        {
            yield return WithPlan(s with { TherapistInformedOfCondition = default });
        }

        for (var i = 0; i < s.Goals.Count; i++)
        {
            yield return WithPlan(s with { Goals = Without(s.Goals, i) });
        }

        for (var i = 0; i < s.Items.Count; i++)
        {
            var item = s.Items[i];
            foreach (var simpler in SimplerItems(item))
            {
                var items = s.Items.ToArray();
                items[i] = simpler;
                yield return WithPlan(s with { Items = items });
            }
        }
    }

    /// <summary>An item with its pressure unstated, or with the first technique or region of the model.</summary>
    private static IEnumerable<PlanItem> SimplerItems(PlanItem item)
    {
        if (item.Pressure != Pressure.Unknown)
        {
            yield return item with { Pressure = Pressure.Unknown };
        }

        if (item.Technique != Technique.Effleurage)
        {
            yield return item with { Technique = Technique.Effleurage };
        }

        if (item.Region != BodyRegion.Legs)
        {
            yield return item with { Region = BodyRegion.Legs };
        }
    }

    private static T[] Without<T>(IReadOnlyList<T> list, int index) =>
        list.Where((_, i) => i != index).ToArray();
}

/// <summary>The arbitraries the property tests use; register with <c>Arbitrary = [typeof(RequestArbitraries)]</c>.</summary>
public static class RequestArbitraries
{
    public static Arbitrary<ValidRequest> ValidRequests() =>
        Arb.From(
            RequestGen.Request.Select(r => new ValidRequest(r)),
            r => RequestShrinker.Shrink(r.Value).Select(s => new ValidRequest(s)));

    public static Arbitrary<Technique> Techniques() => Arb.From(RequestGen.AnyOf<Technique>());

    public static Arbitrary<NeurologicalSymptom> NeurologicalSymptoms() => Arb.From(RequestGen.AnyOf<NeurologicalSymptom>());

    public static Arbitrary<SpinalRegion> SpinalRegions() =>
        Arb.From(Gen.Elements(RequestGen.SpinalRegions).Select(r => new SpinalRegion(r)));

    public static Arbitrary<NonSpinalRegion> NonSpinalRegions() =>
        Arb.From(Gen.Elements(RequestGen.NonSpinalRegions).Select(r => new NonSpinalRegion(r)));

    public static Arbitrary<RaisablePressure> RaisablePressures() =>
        Arb.From(Gen.Elements(Pressure.Light, Pressure.Moderate, Pressure.Firm).Select(p => new RaisablePressure(p)));

    public static Arbitrary<Shuffle> Shuffles() =>
        Arb.From(Gen.Shuffle(Enumerable.Range(0, Shuffle.Length)).Select(order => new Shuffle(order)));
}

/// <summary>A compact, one-line description of a request that names only its known facts.</summary>
internal static class RequestText
{
    public static string Describe(AssessmentRequest request)
    {
        var (p, s) = (request.Patient, request.Plan);
        var parts = new List<string>();
        void Add<T>(string name, T value)
            where T : struct, Enum
        {
            if (!EqualityComparer<T>.Default.Equals(value, default))
            {
                parts.Add($"{name}={JsonNames.Of(value)}");
            }
        }

        void AddList<T>(string name, IReadOnlyList<T>? values, bool showEmpty = false)
            where T : struct, Enum
        {
            if (values is not null && (values.Count > 0 || showEmpty))
            {
                parts.Add($"{name}=[{string.Join(",", values.Select(JsonNames.Of))}]");
            }
        }

        Add("diseaseActivity", p.DiseaseActivity);
        Add("ankylosis", p.Ankylosis);
        AddList("ankylosedRegions", p.AnkylosedRegions);
        Add("restrictedSpinalMotion", p.RestrictedSpinalMotion);
        AddList("neurologicalSymptoms", p.NeurologicalSymptoms, showEmpty: true);
        AddList("painfulTechniques", p.PainfulTechniques);
        Add("nsaidResponse", p.NsaidResponse);
        Add("onTnfInhibitor", p.OnTnfInhibitor);
        Add("providerConsulted", p.ProviderConsulted);
        Add("smoker", p.Smoker);
        Add("dietHighInFriedOrSugaryFoods", p.DietHighInFriedOrSugaryFoods);
        if (p.PainScore is { } pain)
        {
            parts.Add("painScore=" + pain.ToString(CultureInfo.InvariantCulture));
        }

        if (p.StatusConfirmedOn is { } confirmed)
        {
            parts.Add("statusConfirmedOn=" + confirmed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (p.NeurologicalSymptomsAssessedOn is { } assessed)
        {
            parts.Add("neurologicalSymptomsAssessedOn=" + assessed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        Add("neurologicalSymptomsChangedSinceAssessment", p.NeurologicalSymptomsChangedSinceAssessment);

        var patient = string.Join(" ", parts);
        parts.Clear();
        Add("administeredBy", s.AdministeredBy);
        Add("therapistInformedOfCondition", s.TherapistInformedOfCondition);
        if (s.SessionDate is { } session)
        {
            parts.Add("sessionDate=" + session.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        AddList("goals", s.Goals);
        parts.Add("items=[" + string.Join(", ", s.Items.Select(Describe)) + "]");
        return $"patient {{ {patient} }} plan {{ {string.Join(" ", parts)} }}";
    }

    public static string Describe(PlanItem item) =>
        $"{JsonNames.Of(item.Technique)}/{JsonNames.Of(item.Region)}/{(item.Pressure == Pressure.Unknown ? "pressure?" : JsonNames.Of(item.Pressure))}";
}
