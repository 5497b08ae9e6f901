namespace AsMassageAdvisor.Model;

/// <summary>The proposed massage session.</summary>
public sealed record SessionPlan
{
    /// <summary>Who gives the massage.</summary>
    [RequestField(20, Trigger = "administered by", Question = "Who will give the massage: a licensed or board-certified therapist, another practitioner, or the patient?", QuestionRank = 50)]
    public Administrator AdministeredBy { get; init; }

    /// <summary>Whether the therapist has been told of the diagnosis.</summary>
    [RequestField(30, Trigger = "therapist informed of the condition", Question = "Does the therapist know that the patient has ankylosing spondylitis?", QuestionRank = 60)]
    public Answer TherapistInformedOfCondition { get; init; }

    /// <summary>The day the session is planned for.</summary>
    [RequestField(10, AbsentMeansNow = true, Question = "On what day is the session?", QuestionRank = 120)]
    public DateOnly? SessionDate { get; init; }

    /// <summary>What the session is for.</summary>
    [RequestField(40, Trigger = "goals")]
    public IReadOnlyList<SessionGoal> Goals { get; init; } = [];

    /// <summary>The items of the plan, in order; at least one is required.</summary>
    [RequestField(50, Trigger = "plan")]
    public IReadOnlyList<PlanItem> Items { get; init; } = [];
}
