using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// What an advisory rule's action inserts: the rule held for the patient (<see cref="Item"/> -1) or for one item. A
/// finding of a rule that could not be evaluated is indeterminate and counts at no less than a warning. Compared by
/// reference, so that each firing is its own fact.
/// </summary>
internal sealed class Finding
{
    public Finding(RuleDefinition rule, int item, string? failure = null)
    {
        Rule = rule;
        Item = item;
        Failure = failure;
        Indeterminate = failure is not null;
        Severity = Indeterminate && rule.Severity < Severity.Warning ? Severity.Warning : rule.Severity;
        Withholdable = !Indeterminate && rule.SilentAbove is not null;
        SilentAbove = rule.SilentAbove is { } level ? (int)level : int.MaxValue;
    }

    public RuleDefinition Rule { get; }

    /// <summary>The item's index, or -1 for a rule about the patient or the whole plan.</summary>
    public int Item { get; }

    public Severity Severity { get; }

    public bool Indeterminate { get; }

    /// <summary>Why the rule could not be evaluated; null when it was.</summary>
    public string? Failure { get; }

    /// <summary>The rule is withheld beside more severe advice, and this finding is not a failure (a failure is never withheld).</summary>
    public bool Withholdable { get; }

    /// <summary>The severity above which it is withheld, as a number.</summary>
    public int SilentAbove { get; }

    /// <summary>
    /// Set by the withholding rule's action. No rule condition reads it, so it changes nothing in the network: the
    /// withholding rule compares a finding with all others, withheld or not, as the catalogue defines it.
    /// </summary>
    public bool Withheld { get; set; }
}
