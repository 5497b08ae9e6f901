namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>The override-rate report over a date range: one row per rule code.</summary>
/// <param name="From">The start of the range (UTC, included).</param>
/// <param name="To">The end of the range (UTC, excluded).</param>
/// <param name="Rules">One row per rule code, most overridden first.</param>
public sealed record FeedbackReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<RuleFeedback> Rules)
{
    /// <summary>What one card's feedback counts for, said in the report so that its reader knows repeats are not counted.</summary>
    public string OutcomesCounted => "one outcome per card and client: the latest (by the time the user acted); feedback sent again about a card replaces it";
}

/// <summary>What clinicians did with the cards of one rule.</summary>
/// <param name="RuleCode">The rule code (<c>ASM-001</c>), or <c>none</c> for cards not from a rule (the information and check-by-hand cards).</param>
/// <param name="Shown">Cards issued in the range.</param>
/// <param name="Accepted">Of those, cards with an <c>accepted</c> feedback.</param>
/// <param name="Overridden">Of those, cards with an <c>overridden</c> feedback.</param>
/// <param name="Reasons">The override reason codes given, with how often.</param>
public sealed record RuleFeedback(string RuleCode, long Shown, long Accepted, long Overridden, IReadOnlyList<ReasonCount> Reasons)
{
    /// <summary>Overridden cards per card shown, 0 when none was shown.</summary>
    public double OverrideRate => Shown == 0 ? 0 : (double)Overridden / Shown;
}

/// <summary>How often one offered override reason was given.</summary>
/// <param name="Code">The reason code (<c>none</c> when an override came without a reason).</param>
/// <param name="Count">How many feedback entries gave it.</param>
public sealed record ReasonCount(string Code, long Count);
