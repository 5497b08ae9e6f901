namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// A derived fact, inserted by the knowledge base's inference rules once per assessment: what the shared terms say of
/// the plan as a whole. Rule conditions read it as <c>planWork</c>.
/// </summary>
public sealed class PlanWork
{
    internal PlanWork(bool anyAggressive, bool allGentle)
    {
        AnyAggressive = anyAggressive;
        AllGentle = allGentle;
    }

    /// <summary>At least one item of the plan is aggressive work.</summary>
    public bool AnyAggressive { get; }

    /// <summary>Every item of the plan is gentle work.</summary>
    public bool AllGentle { get; }
}
