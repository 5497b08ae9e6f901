namespace AsMassageAdvisor.Testing;

/// <summary>What came of running scenario files: each scenario's result, and which rules they fire and keep silent.</summary>
public sealed record ScenarioRun
{
    /// <summary>Each scenario's result, file by file, in the order written.</summary>
    public required IReadOnlyList<ScenarioResult> Results { get; init; }

    /// <summary>Which rules some scenario fires and some scenario keeps silent.</summary>
    public required RuleCoverage Coverage { get; init; }

    /// <summary>Whether every scenario passed.</summary>
    public bool Passed => Results.All(r => r.Passed);

    /// <summary>Throws when a scenario failed, with a message that names every failure and shows each failed scenario's assessment.</summary>
    /// <exception cref="ScenarioAssertionException">A scenario failed; the exception carries the first failed one's assessment.</exception>
    public void ShouldPass()
    {
        var failed = Results.Where(r => !r.Passed).ToList();
        if (failed.Count > 0)
        {
            throw new ScenarioAssertionException(
                $"{failed.Count} of {Results.Count} scenarios failed:\n" + string.Join("\n", failed.Select(r => r.Describe())),
                failed[0].Assessment);
        }
    }
}
