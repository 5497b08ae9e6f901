using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// The vocabulary that rule expressions use, so that each definition (what is spinal, what is
/// aggressive, what is gentle) is written once and documented in the rule catalogue.
/// </summary>
public static class Terms
{
    /// <summary>
    /// The terms the rules use, each with its meaning and where a condition reads it, in the rule catalogue's order: the
    /// definitions written on the members of this vocabulary and of the derived facts (<see cref="SpineStatus"/>,
    /// <see cref="ItemWork"/>).
    /// </summary>
    public static IReadOnlyList<TermDefinition> Definitions { get; } = TermDefinitions.Read();

    /// <summary>Whether it is "back or neck", as the definition on this member says (listed in <see cref="Definitions"/>).</summary>
    /// <param name="region">A body region.</param>
    /// <returns>True for cervical, thoracic and lumbar.</returns>
    [Term("back or neck", Meaning = "cervical, thoracic and lumbar regions", Order = 0)]
    public static bool IsBackOrNeck(BodyRegion region) => Regions.IsBackOrNeck(region);

    /// <summary>Whether it is "spinal", as the definition on this member says (listed in <see cref="Definitions"/>).</summary>
    /// <param name="region">A body region.</param>
    /// <returns>True for cervical, thoracic, lumbar and sacroiliac.</returns>
    [Term("spinal", Meaning = "back or neck, plus the sacroiliac region (counted as spinal by interpretation)", Order = 1)]
    public static bool IsSpinal(BodyRegion region) => Regions.IsSpinal(region);

    /// <summary>Whether it is "spinal work", as the definition on this member says (listed in <see cref="Definitions"/>).</summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item works on, or moves, the spine.</returns>
    [Term("spinal work", Meaning = "an item on a spinal region, and work that moves the spine whatever region the item names (head, shoulders, arms, hands: the neck; chest: the upper back; abdomen, hips, legs, feet: the low back)", Order = 3)]
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
    [Term("moves the spine", Meaning = "spinal manipulation or mobilisation on any region, and passive stretching on a spinal region, the head or the shoulders (it moves joints through their range; where the spine is or may be fused it is judged with manipulation, by interpretation; with ankylosis known to be absent it is ordinary work)", Order = 2)]
    public static bool MovesSpinalJoints(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Regions.MovesSpinalJoints(item);
    }

    /// <summary>
    /// The spinal region that a manipulation named on another region moves: the neck from the head, shoulders, arms or
    /// hands; the upper back from the chest; the low back from the abdomen, hips, legs or feet. A spinal region is itself.
    /// </summary>
    /// <param name="region">The region an item names.</param>
    /// <returns>The nearest spinal region.</returns>
    [Term("spinal work")]
    public static BodyRegion SpinalRegionMovedFrom(BodyRegion region) => Regions.SpinalRegionMovedFrom(region);

    /// <summary>The head and the shoulders: work there loads the neck, so forceful work there counts as work next to the cervical spine.</summary>
    /// <param name="region">A body region.</param>
    /// <returns>True for the head and the shoulders.</returns>
    internal static bool LoadsTheNeck(BodyRegion region) => Regions.LoadsTheNeck(region);

    /// <summary>Whether it is "aggressive", as the definition on this member says (listed in <see cref="Definitions"/>).</summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item is known to be aggressive.</returns>
    [Term("aggressive", Meaning = "deep-tissue technique, trigger-point therapy (sustained firm pressure by nature), self-massage with a tool (the article's FAQ describes the tennis ball as a way to apply firm pressure), or firm or extreme pressure at any technique", Order = 4)]
    [Term("judged by pressure", Meaning = "myofascial release and hot-stone massage: neither gentle nor aggressive in itself; firm or extreme pressure makes them aggressive like any technique. Hot stones are not a tool in the sense of tool self-massage", Order = 7)]
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

    /// <summary>Whether it is "high pain today", as the definition on this member says (listed in <see cref="Definitions"/>).</summary>
    /// <param name="patient">The patient's status.</param>
    /// <returns>True when today's pain is known to be high.</returns>
    [Term("high pain today", Meaning = "a pain score of 7 or more out of 10", Order = 11)]
    public static bool HasHighPainToday(PatientStatus patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.PainScore >= HighPainScore;
    }

    /// <summary>Whether it is "possibly aggressive", as the definition on this member says (listed in <see cref="Definitions"/>).</summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item is or may be aggressive.</returns>
    [Term("possibly aggressive", Meaning = "aggressive, or pressure not stated (fail-safe reading; a missing pressure is asked for once, by ASM-027, or on effleurage and vibration, gentle strokes by nature, by the ASM-046 caution)", Order = 5)]
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
    [Term("symptoms assessed and unchanged", Meaning = "neurological symptoms listed, a physician's assessment of them dated (`neurologicalSymptomsAssessedOn`), and none new or worse since (`neurologicalSymptomsChangedSinceAssessment: no`); anything less keeps the stop of ASM-017", Order = 8)]
    public static bool HasAssessedUnchangedSymptoms(PatientStatus patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.NeurologicalSymptoms is { Count: > 0 }
            && patient.NeurologicalSymptomsAssessedOn is not null
            && patient.NeurologicalSymptomsChangedSinceAssessment == Answer.No;
    }

    /// <summary>Whether it is "gentle", as the definition on this member says (listed in <see cref="Definitions"/>).</summary>
    /// <param name="item">A plan item.</param>
    /// <returns>True when the item is known to be gentle.</returns>
    [Term("gentle", Meaning = "effleurage, petrissage or vibration at light or moderate pressure", Order = 6)]
    public static bool IsGentle(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Technique is Technique.Effleurage or Technique.Petrissage or Technique.Vibration
            && item.Pressure is Pressure.Light or Pressure.Moderate;
    }
}
