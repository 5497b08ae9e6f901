namespace AsMassageAdvisor.Model;

/// <summary>The proposed massage session.</summary>
public sealed record SessionPlan
{
    /// <summary>Who gives the massage.</summary>
    public Administrator AdministeredBy { get; init; }

    /// <summary>Whether the therapist has been told of the diagnosis.</summary>
    public Answer TherapistInformedOfCondition { get; init; }

    /// <summary>The day the session is planned for.</summary>
    public DateOnly? SessionDate { get; init; }

    /// <summary>What the session is for.</summary>
    public IReadOnlyList<SessionGoal> Goals { get; init; } = [];

    /// <summary>The items of the plan, in order; at least one is required.</summary>
    public IReadOnlyList<PlanItem> Items { get; init; } = [];
}
