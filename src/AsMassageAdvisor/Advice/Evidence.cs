namespace AsMassageAdvisor.Advice;

/// <summary>The strength of the evidence behind one citation, under a named grading scheme.</summary>
/// <param name="Scheme">The grading scheme, e.g. <c>SORT</c> (Strength of Recommendation Taxonomy).</param>
/// <param name="Level">The level under that scheme, e.g. <c>C</c>.</param>
public sealed record Evidence(string Scheme, string Level);
