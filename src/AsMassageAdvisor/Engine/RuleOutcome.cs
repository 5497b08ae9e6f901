namespace AsMassageAdvisor.Engine;

/// <summary>What happened when one rule was evaluated on one input.</summary>
internal enum RuleOutcomeKind
{
    /// <summary>The condition held.</summary>
    Fired,

    /// <summary>The condition did not hold.</summary>
    NotFired,

    /// <summary>The rule could not be evaluated (it threw); never read as "did not fire".</summary>
    Failed,
}

/// <summary>The outcome of one rule on one input, with the reason when it failed.</summary>
internal readonly record struct RuleOutcome(RuleOutcomeKind Kind, string? Failure)
{
    public static readonly RuleOutcome Fired = new(RuleOutcomeKind.Fired, null);

    public static readonly RuleOutcome NotFired = new(RuleOutcomeKind.NotFired, null);

    public static RuleOutcome FromException(Exception ex) => new(RuleOutcomeKind.Failed, $"{ex.GetType().Name}: {ex.Message}");
}
