namespace AsMassageAdvisor.Knowledge;

/// <summary>A knowledge base could not be loaded. <see cref="Problems"/> names every problem found.</summary>
public sealed class KnowledgeBaseException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    public KnowledgeBaseException(IReadOnlyList<KnowledgeBaseProblem> problems)
        : base("The knowledge base cannot be loaded:" + string.Concat((problems ?? []).Select(p => Environment.NewLine + "  " + p)))
    {
        Problems = problems ?? [];
    }

    /// <summary>Every problem found, each with the rule it concerns (if any), where it is, and what it is.</summary>
    public IReadOnlyList<KnowledgeBaseProblem> Problems { get; }
}
