using AsMassageAdvisor.Knowledge;
using NRules;
using NRules.Diagnostics;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// What one session of the <see cref="RuleNetwork"/> found: the findings (withheld ones marked), the derived facts that
/// shape the advisories' words, and, for an explanation, what the engine reported of every rule.
/// </summary>
internal sealed class EngineRun
{
    private readonly RuleNetwork _network;
    private readonly int _itemCount;
    private List<Failure>? _failures;
    private int _failuresTaken;

    public EngineRun(RuleNetwork network, int itemCount)
    {
        _network = network;
        _itemCount = itemCount;
    }

    public List<Finding> Findings { get; } = new(8);

    public SpineStatus? Spine { get; private set; }

    public SessionDay? Day { get; private set; }

    /// <summary>The conditions that could not be evaluated, by rule: its items (-1 for the whole plan), the condition and the error.</summary>
    public IReadOnlyList<Failure> Failures => (IReadOnlyList<Failure>?)_failures ?? [];

    /// <summary>For an explanation: the derived facts each fired rule matched, in words, by rule code.</summary>
    public Dictionary<string, List<string>>? DerivedFactsByRule { get; private set; }

    /// <summary>For an explanation: the items each rule fired on, as NRules reported the firings, by rule code.</summary>
    public Dictionary<string, SortedSet<int>>? FiredItemsByRule { get; private set; }

    public void OnConditionFailed(object? sender, LhsExpressionErrorEventArgs e)
    {
        // A failed condition never reads as "did not hold": every rule of the node is reported as indeterminate.
        e.IsHandled = true;
        var item = -1;
        foreach (var fact in e.Facts)
        {
            item = fact.Value switch
            {
                ItemWork work => work.Index,
                IndexedItem indexed => indexed.Index,
                _ => item,
            };
        }

        var error = e.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : "the condition could not be evaluated";
        var condition = e.Expression.ToString();
        foreach (var rule in e.Rules)
        {
            if (_network.RuleOf(rule.Name) is { } advisory)
            {
                Fail(advisory, item, condition, error);
            }
            else if (rule.Name.StartsWith(InferenceRules.Prefix, StringComparison.Ordinal))
            {
                // Every advisory rule reads the derived facts: a term that could not be derived leaves them all unknown.
                foreach (var any in _network.Rules)
                {
                    Fail(any, item, $"{rule.Name[InferenceRules.Prefix.Length..]}: {condition}", error);
                }
            }
        }
    }

    public void OnRuleFired(object? sender, AgendaEventArgs e)
    {
        if (_network.RuleOf(e.Rule.Name) is not { } rule)
        {
            return;
        }

        DerivedFactsByRule ??= new(StringComparer.Ordinal);
        FiredItemsByRule ??= new(StringComparer.Ordinal);
        if (!DerivedFactsByRule.TryGetValue(rule.Code, out var words))
        {
            DerivedFactsByRule[rule.Code] = words = [];
            FiredItemsByRule[rule.Code] = [];
        }

        foreach (var fact in e.Facts)
        {
            var facts = fact.Value switch
            {
                ItemWork work => work.Facts,
                CaseFacts c => c,
                _ => null,
            };
            if (fact.Value is ItemWork w)
            {
                FiredItemsByRule[rule.Code].Add(w.Index);
            }

            // The derived facts its conditions read, as the inference rules explained them.
            foreach (var because in facts is null ? [] : DerivedWords(rule, facts))
            {
                if (!words.Contains(because))
                {
                    words.Add(because);
                }
            }
        }
    }

    private IEnumerable<string> DerivedWords(RuleDefinition rule, CaseFacts facts)
    {
        var reads = _network.DerivedFactsReadBy(rule);
        if (reads.Spine)
        {
            yield return facts.Spine.Because;
        }

        if (reads.Day)
        {
            yield return facts.Day.Because;
        }
    }

    /// <summary>The indeterminate findings of the failures recorded since the last call, one per rule and item.</summary>
    public List<Finding> TakeFailureFindings()
    {
        var findings = new List<Finding>();
        for (; _failures is not null && _failuresTaken < _failures.Count; _failuresTaken++)
        {
            var failure = _failures[_failuresTaken];
            findings.Add(new Finding(failure.Rule, failure.Item, failure.Error));
        }

        return findings;
    }

    public void Collect(ISession session)
    {
        // One pass over the working memory, enumerated as it is: a LINQ operator on the session's IQueryable would
        // compile an expression tree on every call.
        foreach (var fact in (IEnumerable<object>)session.Query<object>())
        {
            switch (fact)
            {
                case Finding finding:
                    Findings.Add(finding);
                    break;
                case CaseFacts facts:
                    Spine = facts.Spine;
                    Day = facts.Day;
                    break;
            }
        }
    }

    private void Fail(RuleDefinition rule, int item, string condition, string error)
    {
        _failures ??= [];
        if (rule.Scope == RuleScope.Item && item < 0)
        {
            for (var i = 0; i < _itemCount; i++)
            {
                Add(new Failure(rule, i, condition, error));
            }
        }
        else
        {
            Add(new Failure(rule, rule.Scope == RuleScope.Item ? item : -1, condition, error));
        }

        void Add(Failure failure)
        {
            if (!_failures.Exists(f => ReferenceEquals(f.Rule, failure.Rule) && f.Item == failure.Item))
            {
                _failures.Add(failure);
            }
        }
    }

    /// <summary>A rule that could not be evaluated on an item (-1: on the whole plan): which condition and what went wrong.</summary>
    internal sealed record Failure(RuleDefinition Rule, int Item, string Condition, string Error);
}
