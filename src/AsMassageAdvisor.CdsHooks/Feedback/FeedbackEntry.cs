namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>
/// One CDS Hooks feedback entry: what a user did with a card. The override comment's text is not kept,
/// only whether there was one: free text may hold facts about the patient.
/// </summary>
/// <param name="Card">The card's UUID.</param>
/// <param name="Outcome"><c>accepted</c> or <c>overridden</c>.</param>
/// <param name="AcceptedSuggestions">The UUIDs of the suggestions accepted (accepted outcomes only).</param>
/// <param name="OverrideReason">The coded reason chosen for an override, when one was.</param>
/// <param name="HadUserComment">Whether the user wrote a comment with an override.</param>
/// <param name="OutcomeTimestamp">When the user acted, in UTC.</param>
internal sealed record FeedbackEntry(
    string Card,
    string Outcome,
    IReadOnlyList<string> AcceptedSuggestions,
    FeedbackCoding? OverrideReason,
    bool HadUserComment,
    DateTimeOffset OutcomeTimestamp);

/// <summary>A coded override reason.</summary>
/// <param name="System">The code system, when given.</param>
/// <param name="Code">The code.</param>
/// <param name="Display">The reason's display text, when given.</param>
internal sealed record FeedbackCoding(string? System, string Code, string? Display);
