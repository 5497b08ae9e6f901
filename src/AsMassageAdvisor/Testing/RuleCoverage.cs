namespace AsMassageAdvisor.Testing;

/// <summary>
/// Which rules the scenarios test both ways. A rule counts as fired when a scenario expects it to fire and it does,
/// and as kept silent when a scenario expects it to stay silent and it does: a rule that merely happens to fire or stay
/// silent is not tested.
/// </summary>
public sealed record RuleCoverage
{
    /// <summary>True when the rules measured are a clinic's; false when they are the built-in knowledge base's.</summary>
    public required bool ClinicRules { get; init; }

    /// <summary>The codes of the rules measured: the active rules of the clinic rule file, or of the built-in knowledge base.</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    /// <summary>The rules no scenario fires.</summary>
    public required IReadOnlyList<string> NeverFired { get; init; }

    /// <summary>The rules no scenario keeps silent.</summary>
    public required IReadOnlyList<string> NeverKeptSilent { get; init; }

    /// <summary>Whether every rule is both fired and kept silent by some scenario.</summary>
    public bool IsComplete => NeverFired.Count == 0 && NeverKeptSilent.Count == 0;
}
