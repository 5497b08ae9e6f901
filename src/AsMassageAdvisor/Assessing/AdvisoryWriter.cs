using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.Assessing;

/// <summary>
/// An advisory from a rule that fired (or could not be evaluated) on some items: the rule's texts and citations, and the
/// facts that made it fire in words, for the JSON and for people.
/// </summary>
internal static class AdvisoryWriter
{
    public static Advisory Create(
        KnowledgeBase knowledgeBase, RuleDefinition rule, TriggerWordCache? words, TriggerWordCache? plainWords, IReadOnlyList<int> items, bool indeterminate)
    {
        var citations = knowledgeBase.CitationsOf(rule);
        if (!indeterminate)
        {
            return new Advisory
            {
                Code = rule.Code,
                Requirements = rule.Requirements,
                Severity = rule.Severity,
                Title = rule.Title,
                Message = rule.Message,
                Basis = rule.Basis,
                Items = items,
                Triggers = Triggers(rule, words, items),
                TriggersInWords = Triggers(rule, plainWords, items),
                Citations = citations,
            };
        }

        // A rule that could not be evaluated is reported as if it applied, at no less than a warning,
        // so that a failure can never let a plan through as "proceed".
        return new Advisory
        {
            Code = rule.Code,
            Requirements = rule.Requirements,
            Severity = rule.Severity < Severity.Warning ? Severity.Warning : rule.Severity,
            Title = "Could not check: " + rule.Title,
            Message = "This safety rule could not be evaluated, so it is treated as applying. Check the plan by hand against it before going ahead: "
                + rule.When,
            Basis = Basis.Interpreted,
            Indeterminate = true,
            Items = items,
            Triggers = Triggers(rule, words, items, $"rule {rule.Code} could not be evaluated on this request"),
            TriggersInWords = Triggers(rule, plainWords, items, $"rule {rule.Code} could not be checked on this request"),
            Citations = citations,
        };
    }

    private static IReadOnlyList<string> Triggers(RuleDefinition rule, TriggerWordCache? words, IReadOnlyList<int> items, string? first = null)
    {
        if (words is null)
        {
            return [];
        }

        var triggers = new List<string>(rule.Triggers.Count + items.Count);
        if (first is not null)
        {
            triggers.Add(first);
        }

        foreach (var name in rule.Triggers)
        {
            if (name == TriggerVocabulary.Item)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    triggers.Add(words.Item(items[i]));
                }
            }
            else if (words.Fact(name) is { } text)
            {
                triggers.Add(text);
            }
        }

        return triggers.AsReadOnly();
    }
}
