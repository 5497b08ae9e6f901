using AsMassageAdvisor.Fhir.CdsHooks;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>What feedback about an issued card is checked against: its suggestions and its override reasons.</summary>
/// <param name="SuggestionUuids">The uuids of the card's suggestions.</param>
/// <param name="OverrideReasons">The override reasons the card offered (shared lists, not copies).</param>
internal sealed record IssuedCard(IReadOnlyList<string> SuggestionUuids, IReadOnlyList<CdsCoding> OverrideReasons);
