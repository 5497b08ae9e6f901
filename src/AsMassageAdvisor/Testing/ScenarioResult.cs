namespace AsMassageAdvisor.Testing;

/// <summary>What came of one scenario: its assessment and every expectation that did not hold.</summary>
public sealed record ScenarioResult
{
    /// <summary>The scenario.</summary>
    public required RuleScenario Scenario { get; init; }

    /// <summary>The assessment of its request.</summary>
    public required Assessment Assessment { get; init; }

    /// <summary>Each expectation that did not hold, in words: what was expected and what happened. Empty when it passed.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Throws when an expectation did not hold, with a message that names each and shows the assessment.</summary>
    /// <exception cref="ScenarioAssertionException">An expectation did not hold.</exception>
    public void ShouldPass()
    {
        if (!Passed)
        {
            throw new ScenarioAssertionException(Describe(), Assessment);
        }
    }

    /// <summary>The failures and the assessment, as a failure message shows them.</summary>
    internal string Describe() =>
        $"scenario '{Scenario.Name}'{(Scenario.File.Length > 0 ? $" of {Scenario.File}" : "")} failed:\n"
        + string.Concat(Failures.Select(f => $"  - {f}\n"))
        + ScenarioCheck.Show(Assessment);
}
