namespace AsMassageAdvisor.Advice;

/// <summary>An assessment together with every active rule's verdict on the request.</summary>
public sealed record Explanation
{
    /// <summary>The assessment, exactly as <see cref="Advisor.Assess(AssessmentRequest)"/> gives it.</summary>
    public required Assessment Assessment { get; init; }

    /// <summary>One entry per active rule, ordered by code.</summary>
    public required IReadOnlyList<RuleExplanation> Rules { get; init; }
}
