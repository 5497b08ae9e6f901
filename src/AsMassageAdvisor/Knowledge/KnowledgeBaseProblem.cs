namespace AsMassageAdvisor.Knowledge;

/// <summary>One problem with a rule file, a source catalogue or a rule, where it is and what it is.</summary>
/// <param name="Rule">The rule concerned (its <c>RuleName</c> or code as written), or null for a problem not about one rule.</param>
/// <param name="Path">
/// Where in the file, as the reader names it (<c>workflow.Rules[3].severity</c>, <c>requirements</c>); empty for a
/// problem of the whole file or knowledge base.
/// </param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record KnowledgeBaseProblem(string? Rule, string Path, string Message)
{
    private const string RulePlace = "workflow.Rules[";

    /// <summary>
    /// The problem as one line: the place, then the message. A rule's code is shown after its place in the
    /// workflow (<c>workflow.Rules[3] (ASM-001).severity: ...</c>), or before the path when the path does not name
    /// the rule's place (<c>ASM-001.requirements: ...</c>).
    /// </summary>
    /// <returns>The problem as one line.</returns>
    public override string ToString()
    {
        if (Rule is null)
        {
            return Path.Length == 0 ? Message : $"{Path}: {Message}";
        }

        if (Path.StartsWith(RulePlace, StringComparison.Ordinal) && Path.IndexOf(']', RulePlace.Length) is var end and > 0)
        {
            return $"{Path[..(end + 1)]} ({Rule}){Path[(end + 1)..]}: {Message}";
        }

        return Path.Length == 0 ? $"{Rule}: {Message}" : $"{Rule}.{Path}: {Message}";
    }
}
