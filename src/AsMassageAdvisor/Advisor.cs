using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Validation;

namespace AsMassageAdvisor;

/// <summary>
/// Answers one question before a massage session: is this plan safe for this person with ankylosing
/// spondylitis, and if not, what must change? Build one advisor and share it: it is immutable and
/// thread-safe, and all rule compilation happens when its knowledge base is loaded.
/// </summary>
public sealed class Advisor
{
    /// <summary>Creates an advisor on the built-in knowledge base.</summary>
    public Advisor()
        : this(KnowledgeBase.BuiltIn)
    {
    }

    /// <summary>Creates an advisor on a given knowledge base.</summary>
    /// <param name="knowledgeBase">A loaded knowledge base.</param>
    public Advisor(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        KnowledgeBase = knowledgeBase;
    }

    /// <summary>The knowledge base the advisor uses.</summary>
    public KnowledgeBase KnowledgeBase { get; }

    /// <summary>Validates a request and assesses it.</summary>
    /// <param name="request">The patient's status and the proposed session.</param>
    /// <returns>The decision and the advisories, most severe first.</returns>
    /// <exception cref="InvalidRequestException">The request is not valid; every problem is named and nothing is assessed.</exception>
    public Assessment Assess(AssessmentRequest request)
    {
        RequestValidation.EnsureValid(request);
        return AssessmentBuilder.Build(KnowledgeBase, request);
    }

    /// <summary>
    /// Validates a request, assesses it and tells, for every active rule, whether it fired, did not
    /// apply, or could not be evaluated, and why.
    /// </summary>
    /// <param name="request">The patient's status and the proposed session.</param>
    /// <returns>The assessment and every rule's verdict.</returns>
    /// <exception cref="InvalidRequestException">The request is not valid; every problem is named and nothing is assessed.</exception>
    public Explanation Explain(AssessmentRequest request)
    {
        RequestValidation.EnsureValid(request);
        return AssessmentBuilder.Explain(KnowledgeBase, request);
    }

    /// <summary>Reads a request from JSON, validates it and assesses it.</summary>
    /// <param name="json">The request as JSON (the contract's input shape).</param>
    /// <returns>The decision and the advisories, most severe first.</returns>
    /// <exception cref="InvalidRequestException">The request is not valid; every problem is named and nothing is assessed.</exception>
    public Assessment Assess(string json) => Assess(AssessmentRequestJson.Parse(json));
}
