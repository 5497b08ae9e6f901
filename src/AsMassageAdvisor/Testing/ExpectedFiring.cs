using AsMassageAdvisor.Advice;

namespace AsMassageAdvisor.Testing;

/// <summary>A rule a scenario expects to fire, and optionally how: on which plan items, at which severity, with which triggers.</summary>
public sealed record ExpectedFiring
{
    /// <summary>The rule's code, e.g. <c>CLN-001</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>The plan items the advisory must name, exactly (ascending); null when any items will do.</summary>
    public IReadOnlyList<int>? Items { get; init; }

    /// <summary>The advisory's severity, exactly; null when any severity will do.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The least severity the advisory may have; null when any severity will do.</summary>
    public Severity? AtLeast { get; init; }

    /// <summary>
    /// Patterns that must each match one of the advisory's triggers (<c>*</c> stands for any text, <c>?</c> for one
    /// character), e.g. <c>"item 0: deepTissue on lumbar*"</c>.
    /// </summary>
    public IReadOnlyList<string> Triggers { get; init; } = [];

    /// <summary>Where the expectation is written (its JSON path), for problems that name it.</summary>
    internal string Path { get; init; } = "$";
}
