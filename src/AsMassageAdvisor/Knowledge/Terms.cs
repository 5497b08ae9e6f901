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
    public static bool IsBackOrNeck(BodyRegion region) => Regions.IsBackOrNeck(region);

    /// <summary>The back or neck, plus the sacroiliac region, which is counted as spinal by interpretation.</summary>
    /// <param name="region">A body region.</param>
    /// <returns>True for cervical, thoracic, lumbar and sacroiliac.</returns>
    public static bool IsSpinal(BodyRegion region) => Regions.IsSpinal(region);

    /// <summary>
    /// Spinal work: any item on a spinal region, and spinal manipulation or mobilisation on any region, because
    /// it moves spinal joints whatever region the item names (see <see cref="SpinalRegionMovedFrom"/>).
    /// </summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item works on, or moves, the spine.</returns>
    public static bool IsSpinalWork(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return IsSpinal(item.Region) || item.Technique == Technique.SpinalManipulation;
    }

    /// <summary>
    /// The spinal region that a manipulation named on another region moves: the neck from the head, shoulders or
    /// arms; the upper back from the chest; the low back from the abdomen, hips or legs. A spinal region is itself.
    /// </summary>
    /// <param name="region">The region an item names.</param>
    /// <returns>The nearest spinal region.</returns>
    public static BodyRegion SpinalRegionMovedFrom(BodyRegion region) => Regions.SpinalRegionMovedFrom(region);

    /// <summary>The head and the shoulders: work there loads the neck, so forceful work there counts as work next to the cervical spine.</summary>
    /// <param name="region">A body region.</param>
    /// <returns>True for the head and the shoulders.</returns>
    internal static bool LoadsTheNeck(BodyRegion region) => region is BodyRegion.Head or BodyRegion.Shoulders;

    /// <summary>
    /// Aggressive work: deep-tissue technique, self-massage with a tool (a way of applying firm pressure), or firm
    /// or extreme pressure.
    /// </summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item is known to be aggressive.</returns>
    public static bool IsAggressive(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Technique is Technique.DeepTissue or Technique.ToolSelfMassage || item.Pressure is Pressure.Firm or Pressure.Extreme;
    }

    /// <summary>
    /// The lighter form of a technique that is aggressive at any pressure: kneading (petrissage) for deep-tissue work;
    /// none for self-massage with a tool, which has no gentle form. Other techniques are their own lighter form.
    /// </summary>
    /// <param name="technique">A technique.</param>
    /// <returns>The technique to use at a lower pressure, or null when the item can only be left out.</returns>
    internal static Technique? LighterTechnique(Technique technique) => technique switch
    {
        Technique.DeepTissue => Technique.Petrissage,
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
    /// Light work by hand: no tool and no deep-tissue work, at light or moderate pressure. A patient's own massage of
    /// this kind needs no therapist (K30).
    /// </summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item is known to be light work by hand.</returns>
    internal static bool IsLightByHand(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Technique is not (Technique.ToolSelfMassage or Technique.DeepTissue)
            && item.Pressure is Pressure.Light or Pressure.Moderate;
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
