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

/// <summary>The outcome of one rule on one input, with the engine's message when it failed.</summary>
internal readonly record struct RuleOutcome(string Code, RuleOutcomeKind Kind, string? Failure);
