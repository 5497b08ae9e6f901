using AsMassageAdvisor.Advice;

namespace AsMassageAdvisor.Knowledge;

/// <summary>A rule's reference to a source of the catalogue.</summary>
/// <param name="Source">The source's ID, e.g. <c>S0</c>.</param>
/// <param name="Section">The section of the source.</param>
/// <param name="Evidence">The strength of the evidence.</param>
public sealed record RuleCitation(string Source, string Section, Evidence Evidence);
