using AsMassageAdvisor.Advice;

namespace AsMassageAdvisor;

/// <summary>The advisor's answer for one request.</summary>
public sealed record Assessment
{
    /// <summary>The overall decision, from the most severe advisory.</summary>
    public required Decision Decision { get; init; }

    /// <summary>The advisories, most severe first, then by code.</summary>
    public required IReadOnlyList<Advisory> Advisories { get; init; }

    /// <summary>
    /// The request's facts that were unknown and so were treated conservatively, as JSON paths
    /// (e.g. <c>$.patient.ankylosis</c>), in a fixed order.
    /// </summary>
    public required IReadOnlyList<string> UnknownFacts { get; init; }

    /// <summary>
    /// What must change: the plan changed as the advisories ask and checked again by the same rules; null when the
    /// decision is <see cref="Decision.DoNotProceed"/> (no massage today).
    /// </summary>
    public SaferPlan? SaferPlan { get; init; }

    /// <summary>The knowledge base that produced it.</summary>
    public required KnowledgeBaseIdentity KnowledgeBase { get; init; }
}
