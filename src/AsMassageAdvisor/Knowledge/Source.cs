namespace AsMassageAdvisor.Knowledge;

/// <summary>A source of the catalogue that rules cite.</summary>
/// <param name="Id">Its ID, e.g. <c>S0</c> or <c>R3</c>.</param>
/// <param name="Label">Its bibliographic label, copied exactly.</param>
/// <param name="Doi">Its DOI, when it has one.</param>
/// <param name="Kind">What kind of work it is.</param>
/// <param name="Sections">The sections a citation may name; empty when citations name the whole work.</param>
public sealed record Source(string Id, string Label, string? Doi, string Kind, IReadOnlyList<string> Sections);
