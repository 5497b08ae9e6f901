namespace AsMassageAdvisor.Model;

/// <summary>
/// What is known of the person with ankylosing spondylitis on the day of the session.
/// Every fact defaults to unknown (lists: empty), which the advisor treats conservatively.
/// </summary>
public sealed record PatientStatus
{
    /// <summary>Flare-up or stable.</summary>
    public DiseaseActivity DiseaseActivity { get; init; }

    /// <summary>Whether spinal segments are fused.</summary>
    public AnkylosisStatus Ankylosis { get; init; }

    /// <summary>The spinal regions known to be fused; only meaningful when <see cref="Ankylosis"/> is present.</summary>
    public IReadOnlyList<BodyRegion> AnkylosedRegions { get; init; } = [];

    /// <summary>Whether spinal motion is restricted.</summary>
    public Answer RestrictedSpinalMotion { get; init; }

    /// <summary>
    /// Neurological symptoms reported now: null when nobody asked (unknown), empty when the patient
    /// was asked and reports none. Unlike the other lists, the difference matters for safety.
    /// </summary>
    public IReadOnlyList<NeurologicalSymptom>? NeurologicalSymptoms { get; init; }

    /// <summary>
    /// The day a physician assessed the listed neurological symptoms, when they have been assessed since they began;
    /// null when they have not (or it is not known). Only meaningful with symptoms listed, and never after the session.
    /// </summary>
    public DateOnly? NeurologicalSymptomsAssessedOn { get; init; }

    /// <summary>
    /// Whether any listed neurological symptom is new or has worsened since the physician's assessment
    /// (<see cref="NeurologicalSymptomsAssessedOn"/>); only meaningful with that date. Only <see cref="Answer.No"/> lets
    /// the advisor treat the symptoms as assessed (K32); unknown is read as changed.
    /// </summary>
    public Answer NeurologicalSymptomsChangedSinceAssessment { get; init; }

    /// <summary>Techniques that have raised the patient's pain before.</summary>
    public IReadOnlyList<Technique> PainfulTechniques { get; init; } = [];

    /// <summary>How the disease responds to NSAIDs.</summary>
    public NsaidResponse NsaidResponse { get; init; }

    /// <summary>Whether the patient takes a TNF inhibitor.</summary>
    public Answer OnTnfInhibitor { get; init; }

    /// <summary>Whether a healthcare provider was consulted about massage.</summary>
    public Answer ProviderConsulted { get; init; }

    /// <summary>Whether the patient smokes.</summary>
    public Answer Smoker { get; init; }

    /// <summary>Whether the patient's diet is high in fried or sugary foods.</summary>
    public Answer DietHighInFriedOrSugaryFoods { get; init; }

    /// <summary>
    /// The day this status was last confirmed with the patient. Advice depends on facts that change
    /// (flare-ups, new symptoms), so a status confirmed long before the session, or on an unknown day,
    /// is flagged for re-checking.
    /// </summary>
    public DateOnly? StatusConfirmedOn { get; init; }

    /// <summary>Current pain on a 0–10 scale, if given.</summary>
    public int? PainScore { get; init; }
}
