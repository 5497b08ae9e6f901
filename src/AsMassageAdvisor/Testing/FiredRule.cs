using AsMassageAdvisor.Advice;

namespace AsMassageAdvisor.Testing;

/// <summary>A rule that fired, for expectations on how: made by <see cref="AssessmentTest.ShouldFire(string)"/>.</summary>
public sealed class FiredRule
{
    private readonly AssessmentTest _test;

    internal FiredRule(AssessmentTest test, Advisory advisory)
    {
        _test = test;
        Advisory = advisory;
    }

    /// <summary>The rule's advisory.</summary>
    public Advisory Advisory { get; }

    /// <summary>The assessment under test, for expectations on other rules.</summary>
    public AssessmentTest And => _test;

    /// <summary>Expects the advisory to name a plan item (among others, perhaps).</summary>
    /// <param name="index">The item's index, from 0.</param>
    /// <returns>This rule, for more expectations.</returns>
    /// <exception cref="ScenarioAssertionException">The advisory does not name the item.</exception>
    public FiredRule OnItem(int index) => Hold(ScenarioCheck.Item(Advisory, index));

    /// <summary>Expects the advisory to name exactly these plan items.</summary>
    /// <param name="indexes">The items' indexes, from 0, ascending.</param>
    /// <returns>This rule, for more expectations.</returns>
    /// <exception cref="ScenarioAssertionException">The advisory names other items.</exception>
    public FiredRule OnItems(params int[] indexes) => Hold(ScenarioCheck.Items(Advisory, indexes));

    /// <summary>Expects the advisory's severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>This rule, for more expectations.</returns>
    /// <exception cref="ScenarioAssertionException">The severity is another.</exception>
    public FiredRule At(Severity severity) => Hold(ScenarioCheck.Severity(Advisory, severity));

    /// <summary>Expects the advisory to be at least this severe.</summary>
    /// <param name="severity">The least severity.</param>
    /// <returns>This rule, for more expectations.</returns>
    /// <exception cref="ScenarioAssertionException">The advisory is milder.</exception>
    public FiredRule AtLeast(Severity severity) => Hold(ScenarioCheck.AtLeast(Advisory, severity));

    /// <summary>Expects a trigger matching a pattern (<c>*</c> stands for any text, <c>?</c> for one character).</summary>
    /// <param name="pattern">The pattern, e.g. <c>"item 0: deepTissue on lumbar*"</c>.</param>
    /// <returns>This rule, for more expectations.</returns>
    /// <exception cref="ScenarioAssertionException">No trigger matches.</exception>
    public FiredRule WithTrigger(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Hold(ScenarioCheck.Trigger(Advisory, pattern));
    }

    private FiredRule Hold(string? failure)
    {
        _test.Hold(failure);
        return this;
    }
}
