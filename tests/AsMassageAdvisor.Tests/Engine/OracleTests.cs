using AsMassageAdvisor.Benchmarks;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Engine;

/// <summary>The advisor against the rules written out by hand in C#, an oracle that shares no code with it.</summary>
public sealed class OracleTests
{
    [Fact]
    public void The_advisor_and_the_hand_written_rules_agree_on_ten_thousand_generated_requests()
    {
        var today = new DateOnly(2026, 12, 1);
        var advisor = new Advisor(AsMassageAdvisor.Knowledge.KnowledgeBase.BuiltIn, Microsoft.Extensions.Logging.Abstractions.NullLogger<Advisor>.Instance, new FixedClock(today));
        var firings = new List<HandWrittenRules.Firing>();

        var mismatches = new List<string>();
        foreach (var request in RandomRequests.Generate(seed: 424242, count: 10_000))
        {
            firings.Clear();
            var expectedDecision = HandWrittenRules.Assess(request, firings, today);
            var expected = expectedDecision + " | " + string.Join(" ", firings.Select(f => $"{f.Code}:{f.Severity}:[{string.Join(",", f.Items)}]").Order(StringComparer.Ordinal));

            var assessment = advisor.Assess(request);
            var actual = assessment.Decision + " | " + string.Join(" ", assessment.Advisories
                .Select(a => $"{a.Code}:{a.Severity}:[{string.Join(",", a.Items)}]{(a.Indeterminate ? "?" : "")}").Order(StringComparer.Ordinal));

            // Plain comparison in the loop keeps 10,000 requests fast; the assertion below shows any difference.
            if (actual != expected)
            {
                mismatches.Add($"{request}\n  advisor: {actual}\n  oracle:  {expected}");
            }
        }

        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void The_hand_written_rules_cover_every_rule_of_the_knowledge_base()
    {
        var firings = new List<HandWrittenRules.Firing>();
        foreach (var request in RandomRequests.Generate(seed: 5, count: 3_000))
        {
            HandWrittenRules.Assess(request, firings);
        }

        firings.Select(f => f.Code).Distinct().Should().BeEquivalentTo(AsMassageAdvisor.Knowledge.KnowledgeBase.BuiltIn.ActiveRules.Select(r => r.Code));
    }
}
