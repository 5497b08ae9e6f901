namespace AsMassageAdvisor.Testing;

/// <summary>
/// One named case of a scenario file: a request and what must hold when it is assessed. A scenario with no
/// expectation is refused when read.
/// </summary>
public sealed record RuleScenario
{
    /// <summary>The scenario file it comes from, as its path was given; empty for a scenario written in code.</summary>
    public string File { get; init; } = "";

    /// <summary>Its name, unique in its file.</summary>
    public required string Name { get; init; }

    /// <summary>The request to assess, read and validated.</summary>
    public required AssessmentRequest Request { get; init; }

    /// <summary>
    /// The day the advisor takes as today when the plan has no session date; null for the real date. Give it when the
    /// request has a status confirmation date and no session date, so that the scenario means the same every day.
    /// </summary>
    public DateOnly? Today { get; init; }

    /// <summary>The rules that must fire.</summary>
    public IReadOnlyList<ExpectedFiring> Fires { get; init; } = [];

    /// <summary>The codes of the rules that must stay silent.</summary>
    public IReadOnlyList<string> Silent { get; init; } = [];

    /// <summary>The decision the assessment must reach; null when any will do.</summary>
    public Decision? Decision { get; init; }

    /// <summary>The decision of the safer plan (the plan changed as the advisories ask); null when not checked.</summary>
    public Decision? SaferPlanDecision { get; init; }

    /// <summary>The JSON paths of the codes in <see cref="Silent"/>, for problems that name them.</summary>
    internal IReadOnlyList<string> SilentPaths { get; init; } = [];

    /// <summary>The scenario's name, so that a test runner lists it by name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
