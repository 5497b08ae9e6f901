using System.Text.Json.Serialization;
using AsMassageAdvisor.Advice;

namespace AsMassageAdvisor;

/// <summary>One piece of advice about a plan, with what triggered it and where it comes from.</summary>
public sealed record Advisory
{
    /// <summary>The code of the rule that produced it, e.g. <c>ASM-001</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The clinical requirement IDs the rule implements, e.g. <c>K01</c>.</summary>
    public required IReadOnlyList<string> Requirements { get; init; }

    /// <summary>How strongly it bears on the plan.</summary>
    public required Severity Severity { get; init; }

    /// <summary>A short title.</summary>
    public required string Title { get; init; }

    /// <summary>What to do, in plain clinical English.</summary>
    public required string Message { get; init; }

    /// <summary>Whether the source states it or it is a conservative interpretation.</summary>
    public required Basis Basis { get; init; }

    /// <summary>
    /// True when the rule could not be evaluated: the advisory is then issued conservatively, as if
    /// the rule applied, and the plan must be checked by hand against it.
    /// </summary>
    public bool Indeterminate { get; init; }

    /// <summary>The indices of the plan items it concerns, ascending; empty when it concerns the session as a whole.</summary>
    public required IReadOnlyList<int> Items { get; init; }

    /// <summary>The facts that made it fire, in words.</summary>
    public required IReadOnlyList<string> Triggers { get; init; }

    /// <summary>
    /// The same facts as <see cref="Triggers"/>, for people: values in plain words and items counted from 1. Not part of
    /// the JSON, whose triggers keep the contract's names and the items' indexes.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> TriggersInWords { get; init; } = [];

    /// <summary>Where the advice comes from.</summary>
    public required IReadOnlyList<Citation> Citations { get; init; }
}
