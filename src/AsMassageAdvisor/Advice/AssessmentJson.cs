namespace AsMassageAdvisor.Advice;

/// <summary>
/// Writes an assessment as the contract's JSON. The output depends on the assessment alone: same
/// assessment, same bytes (fixed field order, fixed formatting, "\n" line ends).
/// </summary>
public static class AssessmentJson
{
    /// <summary>Writes an assessment as indented JSON, ending with a line feed.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return ContractJson.Write(assessment, ContractJsonContext.Default);
    }

    /// <summary>
    /// Writes an explanation: the assessment's fields as <see cref="Serialize(Assessment)"/> writes them,
    /// followed by <c>explanation</c>, one entry per active rule.
    /// </summary>
    /// <param name="explanation">The explanation.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var a = explanation.Assessment;
        return ContractJson.Write(new ExplainedAssessment(a.Decision, a.Advisories, a.UnknownFacts, a.SaferPlan, a.KnowledgeBase, explanation.Rules), ContractJsonContext.Default);
    }
}
