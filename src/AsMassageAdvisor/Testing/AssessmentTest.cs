using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Testing;

/// <summary>An assessment under test; made by <see cref="AdvisorTestExtensions.Test(Advisor, AssessmentRequest)"/>.</summary>
public sealed class AssessmentTest
{
    private readonly KnowledgeBase _knowledgeBase;

    internal AssessmentTest(KnowledgeBase knowledgeBase, Assessment assessment)
    {
        _knowledgeBase = knowledgeBase;
        Assessment = assessment;
    }

    /// <summary>The assessment.</summary>
    public Assessment Assessment { get; }

    /// <summary>Expects a rule to fire on its condition (an advisory issued because the rule could not be evaluated does not count).</summary>
    /// <param name="code">The rule's code.</param>
    /// <returns>The advisory, for expectations on its items, severity and triggers.</returns>
    /// <exception cref="ArgumentException">The knowledge base has no rule with this code.</exception>
    /// <exception cref="ScenarioAssertionException">The rule did not fire.</exception>
    public FiredRule ShouldFire(string code)
    {
        Known(code);
        Hold(ScenarioCheck.Fires(Assessment, code, out var advisory));
        return new FiredRule(this, advisory!);
    }

    /// <summary>Expects a rule to stay silent.</summary>
    /// <param name="code">The rule's code.</param>
    /// <returns>This test, for more expectations.</returns>
    /// <exception cref="ArgumentException">The knowledge base has no rule with this code.</exception>
    /// <exception cref="ScenarioAssertionException">The rule fired.</exception>
    public AssessmentTest ShouldNotFire(string code)
    {
        Known(code);
        return Hold(ScenarioCheck.Silent(Assessment, code));
    }

    /// <summary>Expects the assessment's decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>This test, for more expectations.</returns>
    /// <exception cref="ScenarioAssertionException">The decision is another.</exception>
    public AssessmentTest ShouldDecide(Decision decision) => Hold(ScenarioCheck.Decision(Assessment, decision));

    /// <summary>Expects the decision of the safer plan (the plan changed as the advisories ask).</summary>
    /// <param name="decision">The safer plan's decision.</param>
    /// <returns>This test, for more expectations.</returns>
    /// <exception cref="ScenarioAssertionException">There is no safer plan, or its decision is another.</exception>
    public AssessmentTest SaferPlanShouldDecide(Decision decision) => Hold(ScenarioCheck.SaferPlanDecision(Assessment, decision));

    /// <summary>Throws the failure, with the assessment, unless there is none.</summary>
    internal AssessmentTest Hold(string? failure) => failure is null
        ? this
        : throw new ScenarioAssertionException(failure + "\n" + ScenarioCheck.Show(Assessment), Assessment);

    private void Known(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!_knowledgeBase.Rules.Any(r => r.Code == code))
        {
            var hint = StrictJson.Suggest(code, [.. _knowledgeBase.Rules.Select(r => r.Code)]);
            throw new ArgumentException(
                $"'{code}' is not a rule of {ScenarioSuite.Describe(_knowledgeBase)}" + (hint is null ? "" : $"; did you mean '{hint}'?"),
                nameof(code));
        }
    }
}
