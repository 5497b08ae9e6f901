using System.Globalization;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.Assessing;

/// <summary>
/// One rule's verdict on a request (fired, did not apply, could not be evaluated) and why, from the engine's run: what
/// <see cref="Advisor.Explain"/> adds to an assessment.
/// </summary>
internal static class RuleExplainer
{
    public static RuleExplanation Explain(RuleDefinition rule, EngineRun run, AssessmentRequest request, HashSet<string>? withheld)
    {
        var facts = rule.Triggers.Where(t => t != TriggerVocabulary.Item)
            .Select(t => TriggerVocabulary.Describe(t, request, everyValue: true))
            .OfType<string>()
            .ToList();
        var firedItems = run.FiredItemsByRule?.GetValueOrDefault(rule.Code);
        var derived = run.DerivedFactsByRule?.GetValueOrDefault(rule.Code);
        var fired = derived is not null;

        var failures = run.Failures.Where(f => ReferenceEquals(f.Rule, rule)).ToList();
        var failedItems = failures.Where(f => f.Item >= 0).Select(f => f.Item).Order().ToArray();
        var verdict = failures.Count > 0 ? RuleVerdict.NotEvaluated : fired ? RuleVerdict.Fired : RuleVerdict.DidNotApply;

        // The same reason twice: items by index for the JSON, counted from 1 for people.
        string Reason(Func<IEnumerable<int>, string> items) => verdict switch
        {
            RuleVerdict.NotEvaluated =>
                (rule.Scope == RuleScope.Item ? $"It could not be evaluated on {items(failedItems)}" : "It could not be evaluated")
                + $" ({failures[0].Error}; the condition was {failures[0].Condition}); it is reported as applying, at no less than a warning.",
            RuleVerdict.Fired =>
                (rule.Scope == RuleScope.Item
                    ? $"Its condition held for {items(firedItems ?? [])}: {rule.When}"
                    : $"Its condition held: {rule.When}")
                + (derived is { Count: > 0 } ? $" The terms it matched: {string.Join("; ", derived)}." : "")
                + (withheld?.Contains(rule.Code) == true ? " Its advisory was withheld: a more severe advisory already covers it." : ""),
            _ => rule.Scope == RuleScope.Item
                ? (request.Plan.Items.Count == 1 ? "Its condition did not hold for the plan's item: " : $"Its condition held for none of the {request.Plan.Items.Count} items: ") + rule.When
                : $"Its condition did not hold: {rule.When}",
        };

        return new RuleExplanation
        {
            Code = rule.Code,
            Title = rule.Title,
            Verdict = verdict,
            Items = failedItems.Union(firedItems ?? []).Order().ToArray().AsReadOnly(),
            Reason = Reason(items => "item(s) " + Join(items)),
            Facts = facts.AsReadOnly(),
            ReasonInWords = Reason(items => Words.Items([.. items])),
            FactsInWords = rule.Triggers.Where(t => t != TriggerVocabulary.Item)
                .Select(t => TriggerVocabulary.Describe(t, request, everyValue: true, plain: true))
                .OfType<string>()
                .ToArray()
                .AsReadOnly(),
        };
    }

    private static string Join(IEnumerable<int> items) => string.Join(", ", items.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
