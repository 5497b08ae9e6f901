using AsMassageAdvisor.Advice;

namespace AsMassageAdvisor.Knowledge;

/// <summary>One rule of the knowledge base with all its metadata.</summary>
public sealed record RuleDefinition
{
    /// <summary>The unique code, e.g. <c>ASM-001</c>; also the rule's name in the rules engine.</summary>
    public required string Code { get; init; }

    /// <summary>The clinical requirement IDs it implements.</summary>
    public required IReadOnlyList<string> Requirements { get; init; }

    /// <summary>Whether it is evaluated once for the patient or once per plan item.</summary>
    public required RuleScope Scope { get; init; }

    /// <summary>The severity of its advisory.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Whether its source states it or it is interpreted.</summary>
    public required Basis Basis { get; init; }

    /// <summary>The advisory's title.</summary>
    public required string Title { get; init; }

    /// <summary>Its condition in plain words.</summary>
    public required string When { get; init; }

    /// <summary>The advisory's message.</summary>
    public required string Message { get; init; }

    /// <summary>The facts shown as triggers when it fires (see the trigger vocabulary in the rule catalogue).</summary>
    public required IReadOnlyList<string> Triggers { get; init; }

    /// <summary>Where it comes from.</summary>
    public required IReadOnlyList<RuleCitation> Citations { get; init; }

    /// <summary>Its life-cycle state.</summary>
    public required RuleStatus Status { get; init; }

    /// <summary>Its own version.</summary>
    public required string Version { get; init; }

    /// <summary>When it was last reviewed against its sources.</summary>
    public required DateOnly LastReviewed { get; init; }

    /// <summary>
    /// When set, the advisory is withheld where another advisory is more severe than this: for a patient rule,
    /// anywhere in the assessment; for an item rule, on the items another advisory names. Notes that assume an
    /// item or the plan goes ahead (a benefit, "check during this item") make no sense beside a stronger one.
    /// </summary>
    public Severity? SilentAbove { get; init; }

    /// <summary>For an item rule above caution, the change of plan it asks for; null asks for the item to be removed.</summary>
    public RuleChange? Change { get; init; }

    /// <summary>Its condition as a rules-engine expression over <c>patient</c>, <c>plan</c> and, for item rules, <c>item</c>.</summary>
    public required string Expression { get; init; }
}
