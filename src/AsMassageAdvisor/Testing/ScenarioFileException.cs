using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Testing;

/// <summary>
/// One or more scenario files cannot be used: <see cref="Problems"/> names every problem found, each with its file and
/// JSON path. Nothing is run.
/// </summary>
public sealed class ScenarioFileException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    public ScenarioFileException(IReadOnlyList<ScenarioProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, file by file, in the order found.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ScenarioProblem> problems) =>
        ProblemList.Describe("The scenarios cannot be used", problems, "A scenario file that cannot be used has at least one problem.", nameof(problems));
}
