namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// A derived fact, inserted by the knowledge base's inference rules once per assessment: what the shared terms say of
/// the plan as a whole. Rule conditions read it as <c>planWork</c>.
/// </summary>
public sealed class PlanWork
{
    internal PlanWork(bool anyAggressive, bool allGentle, bool allLightByHand)
    {
        AnyAggressive = anyAggressive;
        AllGentle = allGentle;
        AllLightByHand = allLightByHand;
    }

    /// <summary>At least one item of the plan is aggressive work.</summary>
    public bool AnyAggressive { get; }

    /// <summary>Every item of the plan is gentle work.</summary>
    public bool AllGentle { get; }

    /// <summary>
    /// Every item of the plan is light work by hand (<see cref="Terms.IsLightByHand"/>): what a patient may give
    /// themself without a therapist being asked about.
    /// </summary>
    public bool AllLightByHand { get; }
}
