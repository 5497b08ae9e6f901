using System.Text.Json.Serialization;

namespace AsMassageAdvisor.Advice;

/// <summary>Why one rule did or did not fire on a request, in words.</summary>
public sealed record RuleExplanation
{
    /// <summary>The rule's code.</summary>
    public required string Code { get; init; }

    /// <summary>The rule's title.</summary>
    public required string Title { get; init; }

    /// <summary>Fired, did not apply, or could not be evaluated.</summary>
    public required RuleVerdict Verdict { get; init; }

    /// <summary>For an item rule, the items it fired on (or could not be evaluated on); otherwise empty.</summary>
    public required IReadOnlyList<int> Items { get; init; }

    /// <summary>The reason in words: the rule's condition and whether it held.</summary>
    public required string Reason { get; init; }

    /// <summary>The request's values of the facts the rule looks at (items aside).</summary>
    public required IReadOnlyList<string> Facts { get; init; }

    /// <summary>The reason for people: items counted from 1. Not part of the JSON, whose reason names items by index.</summary>
    [JsonIgnore]
    public string ReasonInWords { get; init; } = "";

    /// <summary>The facts for people, values in plain words. Not part of the JSON, whose facts keep the contract's names.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> FactsInWords { get; init; } = [];
}
