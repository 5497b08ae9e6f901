namespace AsMassageAdvisor.Advice;

/// <summary>Where a piece of advice comes from: a source of the catalogue and the section of it.</summary>
/// <param name="Source">The source's ID in the catalogue, e.g. <c>S0</c>.</param>
/// <param name="Section">The section of that source, e.g. <c>Use Caution</c>.</param>
/// <param name="Label">The source's bibliographic label.</param>
/// <param name="Doi">The source's DOI, when it has one.</param>
/// <param name="Evidence">The strength of the evidence this citation gives.</param>
public sealed record Citation(string Source, string Section, string Label, string? Doi, Evidence Evidence);
