namespace AsMassageAdvisor.Testing;

/// <summary>
/// Rule tests written in code, for any test framework: <c>advisor.Test(request).ShouldFire("CLN-001").OnItem(0).AtLeast(Severity.Warning)</c>.
/// Each expectation is checked when it is called; one that does not hold throws <see cref="ScenarioAssertionException"/>
/// with the assessment in its message.
/// </summary>
public static class AdvisorTestExtensions
{
    /// <summary>Assesses a request, to state what must hold of the assessment.</summary>
    /// <param name="advisor">The advisor, on the knowledge base under test.</param>
    /// <param name="request">The request.</param>
    /// <returns>The assessment, ready for expectations.</returns>
    /// <exception cref="InvalidRequestException">The request is not valid.</exception>
    public static AssessmentTest Test(this Advisor advisor, AssessmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        return new AssessmentTest(advisor.KnowledgeBase, advisor.Assess(request));
    }

    /// <summary>Reads a request from JSON and assesses it, to state what must hold of the assessment.</summary>
    /// <param name="advisor">The advisor, on the knowledge base under test.</param>
    /// <param name="json">The request as JSON.</param>
    /// <returns>The assessment, ready for expectations.</returns>
    /// <exception cref="InvalidRequestException">The request is not valid.</exception>
    public static AssessmentTest Test(this Advisor advisor, string json)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        return new AssessmentTest(advisor.KnowledgeBase, advisor.Assess(json));
    }
}
