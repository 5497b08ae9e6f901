using System.Globalization;
using System.Text.RegularExpressions;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Tests.Support;
using FsCheck.Xunit;

namespace AsMassageAdvisor.Tests.Properties;

/// <summary>Same input, same output: the request alone decides the assessment, not the advisor, the run or the item order.</summary>
public sealed partial class DeterminismProperties
{
    /// <summary>An advisor on its own copy of the built-in knowledge base, loaded and compiled separately.</summary>
    private static readonly Advisor SeparatelyLoaded = new(KnowledgeBase.Load(TestKnowledge.RulesJson, TestKnowledge.SourcesJson));

    [Property(MaxTest = 500, Arbitrary = [typeof(RequestArbitraries)])]
    public void The_same_request_assessed_twice_or_by_another_advisor_gives_the_same_bytes(ValidRequest request)
    {
        var first = AssessmentJson.Serialize(Assessed.Assess(request.Value));
        var again = AssessmentJson.Serialize(Assessed.Assess(request.Value));
        var byAnotherAdvisor = AssessmentJson.Serialize(new Advisor().Assess(request.Value));
        var byAnotherKnowledgeBase = AssessmentJson.Serialize(SeparatelyLoaded.Assess(request.Value));

        again.Should().Be(first);
        byAnotherAdvisor.Should().Be(first);
        byAnotherKnowledgeBase.Should().Be(first);
    }

    /// <summary>
    /// Permuting the items permutes the item indices of the advisories (and of the item triggers and the unknown
    /// item pressures) and changes nothing else.
    /// </summary>
    [Property(MaxTest = 500, Arbitrary = [typeof(RequestArbitraries)])]
    public void Permuting_the_items_only_permutes_the_item_indices(ValidRequest request, Shuffle shuffle)
    {
        var original = request.Value;
        var count = original.Plan.Items.Count;

        // The item at new position k is the original item order[k].
        var order = shuffle.For(count);
        var permuted = original.WithPlan(p => p with { Items = order.Select(i => p.Items[i]).ToArray() });

        var expected = Assessed.Assess(original);
        var actual = Assessed.Assess(permuted);

        actual.Decision.Should().Be(expected.Decision);
        Normalise(actual, order).Should().Equal(
            Normalise(expected, Identity(count)),
            $"the assessment of the permuted plan must be that of the original one, indices mapped back ({Assessed.Summary(actual)} against {Assessed.Summary(expected)})");

        actual.UnknownFacts.Where(f => !IsItemPath(f)).Should().Equal(expected.UnknownFacts.Where(f => !IsItemPath(f)));
        actual.UnknownFacts.Where(IsItemPath).Select(f => MapItemPath(f, order)).Should()
            .BeEquivalentTo(expected.UnknownFacts.Where(IsItemPath));
    }

    /// <summary>
    /// The advisories with item indices mapped back to the original plan (and so sorted again), item triggers
    /// renumbered and compared as a set; the advisories themselves sorted as the contract sorts them, with the
    /// mapped items as a tie-break.
    /// </summary>
    private static List<string> Normalise(Assessment assessment, int[] order) =>
        assessment.Advisories
            .Select(a => new NormalisedAdvisory(
                a.Code,
                a.Severity,
                a.Indeterminate,
                a.Title,
                a.Message,
                a.Basis,
                string.Join(",", a.Requirements),
                string.Join(" | ", a.Citations),
                a.Items.Select(i => order[i]).Order().ToArray(),
                a.Triggers.Where(t => !ItemTrigger().IsMatch(t)).ToArray(),
                a.Triggers.Select(t => ItemTrigger().Match(t)).Where(m => m.Success)
                    .Select(m => $"item {order[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]}:{m.Groups[2].Value}")
                    .Order(StringComparer.Ordinal)
                    .ToArray()))
            .OrderByDescending(a => a.Severity)
            .ThenBy(a => a.Code, StringComparer.Ordinal)
            .ThenBy(a => a.Indeterminate)
            .ThenBy(a => string.Join(",", a.Items), StringComparer.Ordinal)
            .Select(a => a.ToString())
            .ToList();

    private static int[] Identity(int count) => Enumerable.Range(0, count).ToArray();

    private static bool IsItemPath(string path) => ItemPath().IsMatch(path);

    private static string MapItemPath(string path, int[] order) =>
        ItemPath().Replace(path, m => $"$.plan.items[{order[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]}]");

    [GeneratedRegex(@"^item (\d+):(.*)$")]
    private static partial Regex ItemTrigger();

    [GeneratedRegex(@"^\$\.plan\.items\[(\d+)\]")]
    private static partial Regex ItemPath();

    private sealed record NormalisedAdvisory(
        string Code,
        Severity Severity,
        bool Indeterminate,
        string Title,
        string Message,
        Basis Basis,
        string Requirements,
        string Citations,
        int[] Items,
        string[] OtherTriggers,
        string[] ItemTriggers)
    {
        // Arrays print as their contents, so that two advisories are equal exactly when their texts are.
        public override string ToString() =>
            $"{Code} {Severity} indeterminate={Indeterminate} basis={Basis} requirements=[{Requirements}] items=[{string.Join(",", Items)}] "
            + $"title={Title} message={Message} citations=[{Citations}] triggers=[{string.Join(" | ", OtherTriggers)}] item triggers=[{string.Join(" | ", ItemTriggers)}]";
    }
}
