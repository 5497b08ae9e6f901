using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// The vocabulary that rule expressions use, so that each definition (what is spinal, what is
/// aggressive, what is gentle) is written once and documented in the rule catalogue.
/// </summary>
public static class Terms
{
    /// <summary>The neck, the upper and middle back and the low back: what the source calls "back or neck".</summary>
    /// <param name="region">A body region.</param>
    /// <returns>True for cervical, thoracic and lumbar.</returns>
    public static bool IsBackOrNeck(BodyRegion region) =>
        region is BodyRegion.Cervical or BodyRegion.Thoracic or BodyRegion.Lumbar;

    /// <summary>The back or neck, plus the sacroiliac region, which is counted as spinal by interpretation.</summary>
    /// <param name="region">A body region.</param>
    /// <returns>True for cervical, thoracic, lumbar and sacroiliac.</returns>
    public static bool IsSpinal(BodyRegion region) => IsBackOrNeck(region) || region == BodyRegion.Sacroiliac;

    /// <summary>
    /// Spinal work: any item on a spinal region, and work that moves spinal joints whatever region the item names
    /// (<see cref="MovesSpinalJoints"/>; see <see cref="SpinalRegionMovedFrom"/>).
    /// </summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item works on, or moves, the spine.</returns>
    public static bool IsSpinalWork(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return IsSpinal(item.Region) || MovesSpinalJoints(item);
    }

    /// <summary>
    /// Work that moves spinal joints: spinal manipulation or mobilisation on any region, and passive stretching on a
    /// spinal region, the head or the shoulders (K33). Where the spine is or may be fused the two are judged alike
    /// (K01, K05); with ankylosis known to be absent stretching is ordinary work (K26 speaks of manipulation only).
    /// </summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item moves the spine's joints.</returns>
    public static bool MovesSpinalJoints(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Technique == Technique.SpinalManipulation
            || (item.Technique == Technique.PassiveStretching && (IsSpinal(item.Region) || LoadsTheNeck(item.Region)));
    }

    /// <summary>
    /// The spinal region that a manipulation named on another region moves: the neck from the head, shoulders, arms or
    /// hands; the upper back from the chest; the low back from the abdomen, hips, legs or feet. A spinal region is itself.
    /// </summary>
    /// <param name="region">The region an item names.</param>
    /// <returns>The nearest spinal region.</returns>
    public static BodyRegion SpinalRegionMovedFrom(BodyRegion region) => region switch
    {
        BodyRegion.Head or BodyRegion.Shoulders or BodyRegion.Arms or BodyRegion.Hands => BodyRegion.Cervical,
        BodyRegion.Chest => BodyRegion.Thoracic,
        BodyRegion.Abdomen or BodyRegion.Hips or BodyRegion.Legs or BodyRegion.Feet => BodyRegion.Lumbar,
        _ => region,
    };

    /// <summary>The head and the shoulders: work there loads the neck, so forceful work there counts as work next to the cervical spine.</summary>
    /// <param name="region">A body region.</param>
    /// <returns>True for the head and the shoulders.</returns>
    internal static bool LoadsTheNeck(BodyRegion region) => region is BodyRegion.Head or BodyRegion.Shoulders;

    /// <summary>
    /// Aggressive work: deep-tissue technique, trigger-point therapy (sustained firm pressure by nature), self-massage
    /// with a tool (a way of applying firm pressure), or firm or extreme pressure.
    /// </summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item is known to be aggressive.</returns>
    public static bool IsAggressive(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Technique is Technique.DeepTissue or Technique.TriggerPoint or Technique.ToolSelfMassage
            || item.Pressure is Pressure.Firm or Pressure.Extreme;
    }

    /// <summary>
    /// The lighter form of a technique that is aggressive at any pressure: kneading (petrissage) for deep-tissue work and
    /// trigger-point therapy; none for self-massage with a tool, which has no gentle form. Other techniques are their own
    /// lighter form.
    /// </summary>
    /// <param name="technique">A technique.</param>
    /// <returns>The technique to use at a lower pressure, or null when the item can only be left out.</returns>
    internal static Technique? LighterTechnique(Technique technique) => technique switch
    {
        Technique.DeepTissue or Technique.TriggerPoint => Technique.Petrissage,
        Technique.ToolSelfMassage => null,
        _ => technique,
    };

    /// <summary>The pain score from which pain today counts as high.</summary>
    public const int HighPainScore = 7;

    /// <summary>Pain today of <see cref="HighPainScore"/> or more on the 0–10 scale; false when no score is given.</summary>
    /// <param name="patient">The patient's status.</param>
    /// <returns>True when today's pain is known to be high.</returns>
    public static bool HasHighPainToday(PatientStatus patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.PainScore >= HighPainScore;
    }

    /// <summary>Aggressive, or of a pressure not stated (and so possibly firm): the fail-safe reading.</summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item is or may be aggressive.</returns>
    public static bool MayBeAggressive(PlanItem item) => IsAggressive(item) || item.Pressure == Pressure.Unknown;

    /// <summary>
    /// How many days before the session the patient's status was confirmed; null when either day is not given.
    /// The advisor reads an absent session date as today before the rules run, so in rules null means that the
    /// status date is absent, which is read as "confirmed now".
    /// </summary>
    /// <param name="patient">The patient's status.</param>
    /// <param name="plan">The session plan.</param>
    /// <returns>The number of days, or null when it cannot be known.</returns>
    public static int? StatusAgeInDays(PatientStatus patient, SessionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(plan);
        return patient.StatusConfirmedOn is { } confirmed && plan.SessionDate is { } session
            ? session.DayNumber - confirmed.DayNumber
            : null;
    }

    /// <summary>
    /// Light work by hand: no tool, no deep-tissue or trigger-point work, at light or moderate pressure. A patient's
    /// own massage of this kind needs no therapist (K30).
    /// </summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item is known to be light work by hand.</returns>
    internal static bool IsLightByHand(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Technique is not (Technique.ToolSelfMassage or Technique.DeepTissue or Technique.TriggerPoint)
            && item.Pressure is Pressure.Light or Pressure.Moderate;
    }

    /// <summary>
    /// Neurological symptoms that a physician has assessed since they began, none new or worse since (K32): the
    /// symptoms are listed, the assessment's day is given and the change since is known to be "no". Anything less
    /// (no assessment, or a change not known) leaves K16's stop in place.
    /// </summary>
    /// <param name="patient">The patient's status.</param>
    /// <returns>True when the listed symptoms are known to be assessed and unchanged.</returns>
    public static bool HasAssessedUnchangedSymptoms(PatientStatus patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.NeurologicalSymptoms is { Count: > 0 }
            && patient.NeurologicalSymptomsAssessedOn is not null
            && patient.NeurologicalSymptomsChangedSinceAssessment == Answer.No;
    }

    /// <summary>Gentle work: effleurage, petrissage or vibration at light or moderate pressure.</summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item is known to be gentle.</returns>
    public static bool IsGentle(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Technique is Technique.Effleurage or Technique.Petrissage or Technique.Vibration
            && item.Pressure is Pressure.Light or Pressure.Moderate;
    }
}
