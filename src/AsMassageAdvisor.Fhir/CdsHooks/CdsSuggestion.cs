namespace AsMassageAdvisor.Fhir.CdsHooks;

/// <summary>A suggested change to the draft orders, which the record system can apply when the clinician accepts it.</summary>
/// <param name="Label">What it does, in words.</param>
/// <param name="Uuid">A stable identifier.</param>
/// <param name="IsRecommended">Whether it is the recommended choice.</param>
/// <param name="Actions">The changes.</param>
public sealed record CdsSuggestion(string Label, string Uuid, bool IsRecommended, IReadOnlyList<CdsAction> Actions);
