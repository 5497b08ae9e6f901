namespace AsMassageAdvisor.Model;

/// <summary>
/// What is known of the person with ankylosing spondylitis on the day of the session.
/// Every fact defaults to unknown (lists: empty), which the advisor treats conservatively.
/// </summary>
public sealed record PatientStatus
{
    /// <summary>Flare-up or stable.</summary>
    [RequestField(10, Trigger = "disease activity", Question = "Is the patient's condition stable at the moment, or in a flare?", QuestionRank = 20)]
    public DiseaseActivity DiseaseActivity { get; init; }

    /// <summary>Whether spinal segments are fused.</summary>
    [RequestField(20, Trigger = "ankylosis", Question = "Is any part of the patient's spine fused (ankylosed), and which part?", QuestionRank = 0)]
    public AnkylosisStatus Ankylosis { get; init; }

    /// <summary>The spinal regions known to be fused; only meaningful when <see cref="Ankylosis"/> is present.</summary>
    [RequestField(30)]
    public IReadOnlyList<BodyRegion> AnkylosedRegions { get; init; } = [];

    /// <summary>Whether spinal motion is restricted.</summary>
    [RequestField(40, Trigger = "restricted spinal motion", Question = "Is the movement of the patient's spine restricted?", QuestionRank = 40)]
    public Answer RestrictedSpinalMotion { get; init; }

    /// <summary>
    /// Neurological symptoms reported now: null when nobody asked (unknown), empty when the patient
    /// was asked and reports none. Unlike the other lists, the difference matters for safety.
    /// </summary>
    [RequestField(50, Trigger = "neurological symptoms", Question = "Has the patient had new or worsening weakness, numbness or tingling?", QuestionRank = 10)]
    public IReadOnlyList<NeurologicalSymptom>? NeurologicalSymptoms { get; init; }

    /// <summary>
    /// The day a physician assessed the listed neurological symptoms, when they have been assessed since they began;
    /// null when they have not (or it is not known). Only meaningful with symptoms listed, and never after the session.
    /// </summary>
    [RequestField(51, Trigger = "neurological symptoms assessed by a physician on", Question = "Has a physician assessed these neurological symptoms since they began, and on what day?", QuestionRank = 11)]
    public DateOnly? NeurologicalSymptomsAssessedOn { get; init; }

    /// <summary>
    /// Whether any listed neurological symptom is new or has worsened since the physician's assessment
    /// (<see cref="NeurologicalSymptomsAssessedOn"/>); only meaningful with that date. Only <see cref="Answer.No"/> lets
    /// the advisor treat the symptoms as assessed (K32); unknown is read as changed.
    /// </summary>
    [RequestField(52, Trigger = "neurological symptoms new or worse since that assessment", Question = "Has any of these neurological symptoms appeared or worsened since the physician's assessment?", QuestionRank = 12)]
    public Answer NeurologicalSymptomsChangedSinceAssessment { get; init; }

    /// <summary>Techniques that have raised the patient's pain before.</summary>
    [RequestField(60, Trigger = "techniques that raised pain")]
    public IReadOnlyList<Technique> PainfulTechniques { get; init; } = [];

    /// <summary>How the disease responds to NSAIDs.</summary>
    [RequestField(70, Trigger = "NSAID response", Question = "Do anti-inflammatory medicines (NSAIDs) keep the patient's symptoms under control?", QuestionRank = 80)]
    public NsaidResponse NsaidResponse { get; init; }

    /// <summary>Whether the patient takes a TNF inhibitor.</summary>
    [RequestField(80, Trigger = "on a TNF inhibitor", Question = "Is the patient taking a TNF inhibitor?", QuestionRank = 90)]
    public Answer OnTnfInhibitor { get; init; }

    /// <summary>Whether a healthcare provider was consulted about massage.</summary>
    [RequestField(90, Trigger = "healthcare provider consulted", Question = "Has the patient asked a doctor or other healthcare provider about massage?", QuestionRank = 70)]
    public Answer ProviderConsulted { get; init; }

    /// <summary>Whether the patient smokes.</summary>
    [RequestField(100, Trigger = "smoker", Question = "Does the patient smoke?", QuestionRank = 130)]
    public Answer Smoker { get; init; }

    /// <summary>Whether the patient's diet is high in fried or sugary foods.</summary>
    [RequestField(110, Trigger = "diet high in fried or sugary foods", Question = "Does the patient eat a lot of fried or sugary food?", QuestionRank = 140)]
    public Answer DietHighInFriedOrSugaryFoods { get; init; }

    /// <summary>
    /// The day this status was last confirmed with the patient. Advice depends on facts that change
    /// (flare-ups, new symptoms), so a status confirmed long before the session, or on an unknown day,
    /// is flagged for re-checking.
    /// </summary>
    [RequestField(130, AbsentMeansNow = true, Question = "When was the patient's condition last checked?", QuestionRank = 110)]
    public DateOnly? StatusConfirmedOn { get; init; }

    /// <summary>Current pain on a 0–10 scale, if given.</summary>
    [RequestField(120, Trigger = "pain score", Question = "How strong is the patient's pain today, from 0 to 10?", QuestionRank = 100)]
    public int? PainScore { get; init; }

}
