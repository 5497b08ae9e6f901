using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using FsCheck;
using FsCheck.Xunit;

namespace AsMassageAdvisor.Tests.Properties;

/// <summary>
/// The laws of the safer plan on generated requests: it is safe by the same rules, never a worse decision, leaves
/// what nothing flagged alone, is a fixed point, and is the same every time.
/// </summary>
public sealed class SaferPlanProperties
{
    private const int Tests = 300;

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void The_safer_plan_carries_no_item_advisory_above_caution_by_the_same_rules(ValidRequest request)
    {
        var original = Assessed.Assess(request.Value);
        if (original.SaferPlan is not { Items.Count: > 0 } plan)
        {
            return;
        }

        var again = Assessed.Assess(WithItems(request.Value, plan.Items));

        again.Advisories.Where(a => a.Items.Count > 0 && a.Severity > Severity.Caution)
            .Should().BeEmpty(RequestText.Describe(request.Value));
        again.Decision.Should().Be(plan.Decision);
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void The_safer_plan_s_decision_is_never_worse_than_the_original_one(ValidRequest request)
    {
        var original = Assessed.Assess(request.Value);

        if (original.SaferPlan is { } plan)
        {
            Assessed.AtLeast(original.Decision, plan.Decision, RequestText.Describe(request.Value));
        }
        else
        {
            original.Decision.Should().Be(Decision.DoNotProceed);
        }
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void Items_no_advisory_above_caution_names_are_kept_unchanged_and_in_order(ValidRequest request)
    {
        var original = Assessed.Assess(request.Value);
        if (original.SaferPlan is not { } plan)
        {
            return;
        }

        var flagged = original.Advisories.Where(a => a.Severity > Severity.Caution).SelectMany(a => a.Items).ToHashSet();
        var items = request.Value.Plan.Items;

        plan.Changes.Select(c => c.Item).Should().BeSubsetOf(flagged).And.BeInAscendingOrder();
        var rebuilt = Enumerable.Range(0, items.Count)
            .Select(i => plan.Changes.FirstOrDefault(c => c.Item == i) is { } c ? c.To : items[i])
            .OfType<PlanItem>();
        rebuilt.Should().Equal(plan.Items, "the safer plan is the plan with its changes applied, in order");
        foreach (var change in plan.Changes)
        {
            change.From.Should().Be(items[change.Item]);
            change.Because.Should().NotBeEmpty().And.BeInAscendingOrder(StringComparer.Ordinal);
        }
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void Applying_the_safer_plan_twice_gives_the_same_plan(ValidRequest request)
    {
        var plan = Assessed.Assess(request.Value).SaferPlan;
        if (plan is not { Items.Count: > 0 })
        {
            return;
        }

        var second = Assessed.Assess(WithItems(request.Value, plan.Items)).SaferPlan!;

        second.Items.Should().Equal(plan.Items);
        second.Changes.Should().BeEmpty();
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(RequestArbitraries)])]
    public void The_safer_plan_is_the_same_every_time(ValidRequest request)
    {
        var first = AssessmentJson.Serialize(Assessed.Assess(request.Value));
        var second = AssessmentJson.Serialize(Assessed.Assess(request.Value));

        second.Should().Be(first);
    }

    private static AssessmentRequest WithItems(AssessmentRequest request, IReadOnlyList<PlanItem> items) =>
        request.WithPlan(p => p with { Items = items });
}
