using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>The assessment step of a hook call; one seam, so that tests can make it fail.</summary>
internal interface IPlanAssessor
{
    /// <summary>Validates and assesses a request.</summary>
    /// <param name="request">The request mapped from the FHIR data.</param>
    /// <returns>The assessment.</returns>
    Assessment Assess(AssessmentRequest request);
}

/// <summary>Assesses with the one advisor the service shares between all calls (it is immutable and thread-safe).</summary>
internal sealed class AdvisorPlanAssessor(Advisor advisor) : IPlanAssessor
{
    public Assessment Assess(AssessmentRequest request) => advisor.Assess(request);
}
