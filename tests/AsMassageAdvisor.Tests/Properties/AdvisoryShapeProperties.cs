using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using FsCheck.Xunit;

namespace AsMassageAdvisor.Tests.Properties;

/// <summary>Every assessment is well formed, whatever the request: traceable advisories, valid item indices, a fixed order.</summary>
public sealed class AdvisoryShapeProperties
{
    private static readonly HashSet<string> RequirementIds =
        KnowledgeBase.BuiltIn.Requirements.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    [Property(MaxTest = 1000, Arbitrary = [typeof(RequestArbitraries)])]
    public void Every_advisory_is_cited_triggered_traced_to_requirements_and_names_valid_items(ValidRequest request)
    {
        var assessment = Assessed.Assess(request.Value);
        var count = request.Value.Plan.Items.Count;
        var problems = new List<string>();
        void Check(bool ok, Advisory a, string problem)
        {
            if (!ok)
            {
                problems.Add($"{a.Code}{(a.Indeterminate ? " (indeterminate)" : "")}: {problem}");
            }
        }

        foreach (var a in assessment.Advisories)
        {
            Check(a.Citations.Count > 0, a, "no citation");
            Check(a.Citations.All(c => !string.IsNullOrWhiteSpace(c.Source) && !string.IsNullOrWhiteSpace(c.Section)), a, "a citation without a source or section");
            Check(a.Triggers.Count > 0, a, "no trigger");
            Check(a.Triggers.All(t => !string.IsNullOrWhiteSpace(t)), a, "a blank trigger");
            Check(a.Requirements.Count > 0, a, "no requirement ID");
            Check(a.Requirements.All(RequirementIds.Contains), a, $"a requirement ID not in the knowledge base: [{string.Join(", ", a.Requirements)}]");
            Check(a.Items.All(i => i >= 0 && i < count), a, $"an item index outside 0..{count - 1}: [{string.Join(", ", a.Items)}]");
            Check(a.Items.Zip(a.Items.Skip(1)).All(pair => pair.First < pair.Second), a, $"item indices not strictly ascending: [{string.Join(", ", a.Items)}]");
        }

        problems.Should().BeEmpty(Assessed.Summary(assessment));
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(RequestArbitraries)])]
    public void Advisories_come_most_severe_first_then_by_code_and_the_decision_follows_the_worst(ValidRequest request)
    {
        var assessment = Assessed.Assess(request.Value);
        var advisories = assessment.Advisories;

        var outOfOrder = advisories.Zip(advisories.Skip(1))
            .Where(pair => pair.First.Severity < pair.Second.Severity
                || (pair.First.Severity == pair.Second.Severity && string.CompareOrdinal(pair.First.Code, pair.Second.Code) > 0))
            .Select(pair => $"{pair.First.Code} ({pair.First.Severity}) before {pair.Second.Code} ({pair.Second.Severity})");

        outOfOrder.Should().BeEmpty(Assessed.Summary(assessment));
        assessment.Decision.Should().Be(Assessed.DecisionWithout(assessment), Assessed.Summary(assessment));
    }
}
