using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// A request under test, built by changing one fact at a time of a safe starting point.
/// </summary>
/// <remarks>
/// <see cref="Safe"/> is a stable patient without ankylosis who has seen their provider, with a licensed and
/// informed therapist giving light effleurage to the legs. Every fact is known. On it only the information
/// rule that always applies (ASM-008), the stable-disease note (ASM-026) and the gentle-plan note
/// (ASM-025) fire, and the decision is "proceed"; <see cref="SafeBaselineCodes"/> lists them. The status is
/// confirmed the day before the session and the patient was asked about neurological symptoms (none), so the
/// re-check rules (ASM-030, ASM-031) stay silent too.
/// </remarks>
internal sealed record Scenario(PatientStatus Patient, SessionPlan Plan)
{
    /// <summary>The day the clock shows when a plan has no session date, three weeks after <see cref="SessionDay"/>.</summary>
    public static readonly DateOnly Today = new(2026, 12, 15);

    // Declared after Today, which it reads.
    private static readonly Advisor Advisor = new(
        AsMassageAdvisor.Knowledge.KnowledgeBase.BuiltIn,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<Advisor>.Instance,
        new Support.FixedClock(Today));

    /// <summary>The planned session day; the patient's status is confirmed the day before, so it is current.</summary>
    public static readonly DateOnly SessionDay = new(2026, 11, 24);

    /// <summary>The one item of the safe plan: light effleurage on the legs, which is gentle by definition.</summary>
    public static readonly PlanItem GentleItem = new(Technique.Effleurage, BodyRegion.Legs, Pressure.Light);

    /// <summary>The codes that fire on <see cref="Safe"/>, all of them information only.</summary>
    public static readonly IReadOnlyList<string> SafeBaselineCodes = ["ASM-008", "ASM-025", "ASM-026"];

    public static Scenario Safe { get; } = new(
        new PatientStatus
        {
            DiseaseActivity = DiseaseActivity.Stable,
            Ankylosis = AnkylosisStatus.Absent,
            RestrictedSpinalMotion = Answer.No,
            NeurologicalSymptoms = [],
            NsaidResponse = NsaidResponse.Controlled,
            OnTnfInhibitor = Answer.No,
            ProviderConsulted = Answer.Yes,
            Smoker = Answer.No,
            DietHighInFriedOrSugaryFoods = Answer.No,
            StatusConfirmedOn = SessionDay.AddDays(-1),
            PainScore = 2,
        },
        new SessionPlan
        {
            AdministeredBy = Administrator.LicensedTherapist,
            TherapistInformedOfCondition = Answer.Yes,
            SessionDate = SessionDay,
            Goals = [SessionGoal.ReducePain, SessionGoal.ImproveFlexibility],
            Items = [GentleItem],
        });

    /// <summary><see cref="Safe"/> with ankylosis of the neck and restricted spinal motion.</summary>
    public static Scenario FusedNeck { get; } = Safe.WithPatient(p => p with
    {
        Ankylosis = AnkylosisStatus.Present,
        AnkylosedRegions = [BodyRegion.Cervical],
        RestrictedSpinalMotion = Answer.Yes,
    });

    public AssessmentRequest Request => new(Patient, Plan);

    public Scenario WithPatient(Func<PatientStatus, PatientStatus> change) => this with { Patient = change(Patient) };

    public Scenario WithPlan(Func<SessionPlan, SessionPlan> change) => this with { Plan = change(Plan) };

    public Scenario WithAnkylosis(AnkylosisStatus ankylosis) => WithPatient(p => p with { Ankylosis = ankylosis });

    public Scenario WithRestrictedSpinalMotion(Answer restricted) => WithPatient(p => p with { RestrictedSpinalMotion = restricted });

    public Scenario WithDiseaseActivity(DiseaseActivity activity) => WithPatient(p => p with { DiseaseActivity = activity });

    public Scenario WithPainfulTechniques(params Technique[] techniques) => WithPatient(p => p with { PainfulTechniques = techniques });

    public Scenario AdministeredBy(Administrator administrator) => WithPlan(p => p with { AdministeredBy = administrator });

    public Scenario WithGoals(params SessionGoal[] goals) => WithPlan(p => p with { Goals = goals });

    public Scenario WithItems(params PlanItem[] items) => WithPlan(p => p with { Items = items });

    /// <summary>Replaces the plan with a single item.</summary>
    public Scenario WithItem(Technique technique, BodyRegion region, Pressure pressure) => WithItems(new PlanItem(technique, region, pressure));

    public Assessment Assess() => Advisor.Assess(Request);
}
