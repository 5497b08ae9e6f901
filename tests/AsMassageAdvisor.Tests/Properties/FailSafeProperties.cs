using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using FsCheck;
using FsCheck.Xunit;

namespace AsMassageAdvisor.Tests.Properties;

/// <summary>
/// Missing is not absent: replacing a known fact by Unknown never gives a milder decision than the worst decision
/// over the fact's known values, the rest of the request unchanged.
/// </summary>
/// <remarks>
/// <para>
/// The laws for ankylosis, restricted spinal motion, disease activity and item pressure rely on the fail-safe rules
/// ASM-006 (unknown ankylosis before manipulation), ASM-034 (unknown ankylosis before forceful spinal work, friction
/// and tapotement included), ASM-010 and ASM-032 (unknown disease activity) and ASM-027 (any unstated pressure).
/// <see cref="ItemFailSafeProperties"/> holds the same laws item by item.
/// </para>
/// <para>
/// The administrator law relies on ASM-033 (aggressive work by an unknown giver), added after this law found
/// the gap.
/// </para>
/// <para>
/// Neurological symptoms are the exception to the literal law, on purpose: see
/// <see cref="Neurological_symptoms_not_asked_are_never_milder_than_none_and_are_always_asked_about"/>.
/// </para>
/// </remarks>
public sealed class FailSafeProperties
{
    private const int Tests = 300;

    // Ankylosis. Fused regions may be listed unless ankylosis is absent.
    private static AssessmentRequest Ankylosis(AssessmentRequest r, AnkylosisStatus status) =>
        r.WithPatient(p => p with { Ankylosis = status, AnkylosedRegions = status == AnkylosisStatus.Absent ? [] : p.AnkylosedRegions });

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void Unknown_ankylosis_is_never_milder_than_present_or_absent(ValidRequest request) =>
        NeverMilderThanKnown(
            Ankylosis(request.Value, AnkylosisStatus.Unknown),
            [Ankylosis(request.Value, AnkylosisStatus.Present), Ankylosis(request.Value, AnkylosisStatus.Absent)]);

    // Restricted spinal motion.
    private static AssessmentRequest Restricted(AssessmentRequest r, Answer answer) =>
        r.WithPatient(p => p with { RestrictedSpinalMotion = answer });

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void Unknown_restricted_spinal_motion_is_never_milder_than_yes_or_no(ValidRequest request) =>
        NeverMilderThanKnown(
            Restricted(request.Value, Answer.Unknown),
            [Restricted(request.Value, Answer.Yes), Restricted(request.Value, Answer.No)]);

    // Disease activity.
    private static AssessmentRequest Activity(AssessmentRequest r, DiseaseActivity activity) =>
        r.WithPatient(p => p with { DiseaseActivity = activity });

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void Unknown_disease_activity_is_never_milder_than_stable_or_flare(ValidRequest request) =>
        NeverMilderThanKnown(
            Activity(request.Value, DiseaseActivity.Unknown),
            [Activity(request.Value, DiseaseActivity.Stable), Activity(request.Value, DiseaseActivity.Flare)]);

    // The pressure of one item.
    private static readonly Pressure[] KnownPressures = [Pressure.Light, Pressure.Moderate, Pressure.Firm, Pressure.Extreme];

    private static AssessmentRequest ItemPressure(AssessmentRequest r, NonNegativeInt pick, Pressure pressure) =>
        r.WithItem(pick.Get % r.Plan.Items.Count, item => item with { Pressure = pressure });

    // Effleurage and vibration are gentle strokes by definition: an unstated pressure on them is read as light or
    // moderate and asked for with a caution (ASM-046), not as firm or extreme (the alert budget).
    private static readonly Pressure[] GentleStrokePressures = [Pressure.Light, Pressure.Moderate];

    private static Pressure[] StatedPressuresFor(AssessmentRequest r, NonNegativeInt pick) =>
        r.Plan.Items[pick.Get % r.Plan.Items.Count].Technique is Technique.Effleurage or Technique.Vibration ? GentleStrokePressures : KnownPressures;

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void An_unstated_item_pressure_is_never_milder_than_any_stated_one(ValidRequest request, NonNegativeInt pick) =>
        NeverMilderThanKnown(
            ItemPressure(request.Value, pick, Pressure.Unknown),
            StatedPressuresFor(request.Value, pick).Select(p => ItemPressure(request.Value, pick, p)).ToArray());

    // Provider consulted.
    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void Unknown_provider_consultation_is_never_milder_than_yes_or_no(ValidRequest request) =>
        NeverMilderThanKnown(
            request.Value.WithPatient(p => p with { ProviderConsulted = Answer.Unknown }),
            new[] { Answer.Yes, Answer.No }.Select(a => request.Value.WithPatient(p => p with { ProviderConsulted = a })).ToArray());

    // Therapist informed.
    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void Unknown_therapist_information_is_never_milder_than_yes_or_no(ValidRequest request) =>
        NeverMilderThanKnown(
            request.Value.WithPlan(p => p with { TherapistInformedOfCondition = Answer.Unknown }),
            new[] { Answer.Yes, Answer.No }.Select(a => request.Value.WithPlan(p => p with { TherapistInformedOfCondition = a })).ToArray());

    // Administered by.
    private static readonly Administrator[] KnownAdministrators =
        Enum.GetValues<Administrator>().Where(a => a != Administrator.Unknown).ToArray();

    private static AssessmentRequest AdministeredBy(AssessmentRequest r, Administrator administrator) =>
        r.WithPlan(p => p with { AdministeredBy = administrator });

    // A tool self-massage is the patient's own: a plan that holds one may name only the patient as its giver.
    private static bool MayGive(AssessmentRequest r, Administrator administrator) =>
        administrator == Administrator.Self || r.Plan.Items.All(i => i.Technique != Technique.ToolSelfMassage);

    /// <remarks>
    /// This law found that aggressive work by an unknown giver got only a caution while the same work given by
    /// the patient gets the ASM-016 warning; ASM-033 (X07) now closes that gap.
    /// </remarks>
    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void An_unknown_administrator_is_never_milder_than_any_known_one(ValidRequest request) =>
        NeverMilderThanKnown(
            AdministeredBy(request.Value, Administrator.Unknown),
            KnownAdministrators.Where(a => MayGive(request.Value, a)).Select(a => AdministeredBy(request.Value, a)).ToArray());

    /// <summary>
    /// The known-worse value against the unknown one: a giver known not to be a licensed therapist is never given a
    /// milder decision, a milder item advisory or a more permissive safer plan than a giver nobody named.
    /// </summary>
    /// <remarks>Before ASM-040 (K31) aggressive work by a known unlicensed practitioner got a caution, and by an unknown giver a warning.</remarks>
    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void A_known_unlicensed_practitioner_is_never_milder_or_more_permissive_than_an_unknown_giver(ValidRequest request)
    {
        // A plan given by a practitioner holds no tool self-massage; the same plan is compared with an unknown giver.
        var given = RequestGen.Valid(AdministeredBy(request.Value, Administrator.UnlicensedPractitioner));
        var unknown = Assessed.Assess(AdministeredBy(given, Administrator.Unknown));
        var unlicensed = Assessed.Assess(given);
        var context = $"unknown: {Assessed.Summary(unknown)}; unlicensed: {Assessed.Summary(unlicensed)}";

        Assessed.AtLeast(unlicensed.Decision, unknown.Decision, context);
        for (var i = 0; i < request.Value.Plan.Items.Count; i++)
        {
            ((int)WorstOn(unlicensed, i)).Should().BeGreaterThanOrEqualTo((int)WorstOn(unknown, i), context);
        }

        (unlicensed.SaferPlan?.Items ?? []).Should().Equal(unknown.SaferPlan?.Items ?? [], context);
    }

    private static Severity WorstOn(Assessment assessment, int item) =>
        assessment.Advisories.Where(a => a.Items.Contains(item)).Select(a => a.Severity).DefaultIfEmpty(Severity.Info).Max();

    /// <summary>
    /// Neurological symptoms not asked (null) against none ([]) and some ([progressiveWeakness]).
    /// </summary>
    /// <remarks>
    /// The literal law fails on every request, by design rather than by a gap: a reported symptom is a stop
    /// (ASM-017, K16: no massage, refer for assessment), so the law would make every request that does not record
    /// the answer "do not proceed" and refer patients who were merely not asked. The rules instead give the
    /// ASM-031 caution (X05): ask before starting, and do not massage if the answer is yes. That is the law checked
    /// here: not asked is never milder than none, is at least a caution, and always carries ASM-031; and a reported
    /// symptom does stop the session.
    /// </remarks>
    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void Neurological_symptoms_not_asked_are_never_milder_than_none_and_are_always_asked_about(ValidRequest request)
    {
        var notAsked = Assessed.Assess(Symptoms(request.Value, null));
        var none = Assessed.Assess(Symptoms(request.Value, []));
        var weakness = Assessed.Assess(Symptoms(request.Value, [NeurologicalSymptom.ProgressiveWeakness]));
        var context = $"not asked: {Assessed.Summary(notAsked)}; none: {Assessed.Summary(none)}";

        Assessed.AtLeast(notAsked.Decision, none.Decision, context);
        Assessed.AtLeast(notAsked.Decision, Decision.ProceedWithCaution, context);
        notAsked.Advisories.Any(a => a.Code == "ASM-031" && a.Severity >= Severity.Caution).Should().BeTrue(context);
        weakness.Decision.Should().Be(Decision.DoNotProceed);
    }

    // The symptoms as given, with no physician's assessment of them.
    private static AssessmentRequest Symptoms(AssessmentRequest r, NeurologicalSymptom[]? symptoms) =>
        r.WithPatient(p => p with
        {
            NeurologicalSymptoms = symptoms,
            NeurologicalSymptomsAssessedOn = null,
            NeurologicalSymptomsChangedSinceAssessment = Answer.Unknown,
        });

    // Listed symptoms that a physician assessed on a day before every generated session, with the change since as given.
    private static AssessmentRequest WithAssessment(AssessmentRequest r, Answer changedSince) =>
        r.WithPatient(p => p with
        {
            NeurologicalSymptoms = p.NeurologicalSymptoms is { Count: > 0 } listed ? listed : [NeurologicalSymptom.SensoryChanges],
            NeurologicalSymptomsAssessedOn = new DateOnly(2023, 12, 1),
            NeurologicalSymptomsChangedSinceAssessment = changedSince,
        });

    /// <summary>
    /// K32: whether assessed symptoms changed since the physician's assessment, unknown, is never milder than yes or no,
    /// and the known-worse "yes" is never milder, item by item, nor given a more permissive safer plan than unknown.
    /// </summary>
    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void An_unknown_change_since_the_symptoms_were_assessed_is_never_milder_than_yes_or_no(ValidRequest request)
    {
        NeverMilderThanKnown(
            WithAssessment(request.Value, Answer.Unknown),
            [WithAssessment(request.Value, Answer.Yes), WithAssessment(request.Value, Answer.No)]);

        var unknown = Assessed.Assess(WithAssessment(request.Value, Answer.Unknown));
        var changed = Assessed.Assess(WithAssessment(request.Value, Answer.Yes));
        var context = $"unknown: {Assessed.Summary(unknown)}; changed: {Assessed.Summary(changed)}";
        Assessed.AtLeast(changed.Decision, unknown.Decision, context);
        for (var i = 0; i < request.Value.Plan.Items.Count; i++)
        {
            ((int)WorstOn(changed, i)).Should().BeGreaterThanOrEqualTo((int)WorstOn(unknown, i), context);
        }

        (changed.SaferPlan?.Items ?? []).Should().Equal(unknown.SaferPlan?.Items ?? [], context);
    }

    /// <summary>K32: listed symptoms without a physician's assessment are never milder than the same symptoms assessed.</summary>
    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void Symptoms_not_known_to_be_assessed_are_never_milder_than_assessed_ones(ValidRequest request)
    {
        var listed = request.Value.Patient.NeurologicalSymptoms is { Count: > 0 } l ? l.ToArray() : [NeurologicalSymptom.ProgressiveWeakness];
        NeverMilderThanKnown(
            Symptoms(request.Value, listed),
            [WithAssessment(request.Value, Answer.No), WithAssessment(request.Value, Answer.Yes)]);
    }

    private static void NeverMilderThanKnown(AssessmentRequest unknown, AssessmentRequest[] known)
    {
        var withUnknown = Assessed.Assess(unknown);
        foreach (var k in known)
        {
            var withKnown = Assessed.Assess(k);
            Assessed.AtLeast(
                withUnknown.Decision,
                withKnown.Decision,
                $"unknown: {RequestText.Describe(unknown)} gives {Assessed.Summary(withUnknown)}; known: {RequestText.Describe(k)} gives {Assessed.Summary(withKnown)}");
        }
    }
}
