namespace AsMassageAdvisor.Testing;

/// <summary>
/// An expectation about an assessment did not hold. The message names what was expected, what happened, and shows
/// the assessment; any test framework reports it as a failure.
/// </summary>
public sealed class ScenarioAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What did not hold, and the assessment.</param>
    /// <param name="assessment">The assessment the expectation was about.</param>
    public ScenarioAssertionException(string message, Assessment assessment)
        : base(message)
    {
        Assessment = assessment;
    }

    /// <summary>The assessment the expectation was about.</summary>
    public Assessment Assessment { get; }
}
