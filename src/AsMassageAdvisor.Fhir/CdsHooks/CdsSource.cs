namespace AsMassageAdvisor.Fhir.CdsHooks;

/// <summary>The source of a card.</summary>
/// <param name="Label">The knowledge base and its version, or the clinic rule file.</param>
/// <param name="Topic">The rule the card comes from, as a coding; null for cards not from a rule.</param>
public sealed record CdsSource(string Label, CdsCoding? Topic);
