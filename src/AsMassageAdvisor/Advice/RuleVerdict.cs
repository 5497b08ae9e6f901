namespace AsMassageAdvisor.Advice;

/// <summary>What one rule made of one request.</summary>
public enum RuleVerdict
{
    /// <summary>Its condition held; it produced an advisory.</summary>
    Fired = 1,

    /// <summary>Its condition did not hold; it produced nothing.</summary>
    DidNotApply,

    /// <summary>It could not be evaluated; it produced a conservative "could not check" advisory.</summary>
    NotEvaluated,
}
