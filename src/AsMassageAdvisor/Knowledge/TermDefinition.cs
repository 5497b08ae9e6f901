namespace AsMassageAdvisor.Knowledge;

/// <summary>One term the rules use, with its meaning and the members of the rule vocabulary that compute it.</summary>
/// <param name="Term">The term, e.g. "back or neck".</param>
/// <param name="Meaning">What it means, in words.</param>
/// <param name="Where">Where a rule condition reads it, e.g. <c>Terms.IsBackOrNeck</c> or <c>spine.TreatedAsFused</c>.</param>
public sealed record TermDefinition(string Term, string Meaning, IReadOnlyList<string> Where);
