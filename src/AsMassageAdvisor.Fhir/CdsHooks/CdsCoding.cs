namespace AsMassageAdvisor.Fhir.CdsHooks;

/// <summary>A coding as CDS Hooks writes it.</summary>
/// <param name="System">The code system.</param>
/// <param name="Code">The code.</param>
/// <param name="Display">The words for it.</param>
public sealed record CdsCoding(string System, string Code, string Display);
