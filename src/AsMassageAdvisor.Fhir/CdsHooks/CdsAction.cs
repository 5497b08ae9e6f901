namespace AsMassageAdvisor.Fhir.CdsHooks;

/// <summary>One change of a suggestion: here always the deletion of one draft order.</summary>
/// <param name="Type">The action type: <c>delete</c>.</param>
/// <param name="Description">What it does, in words.</param>
/// <param name="ResourceId">The order it deletes, as a relative reference (e.g. <c>ServiceRequest/abc</c>), as CDS Hooks 2.0 writes it.</param>
public sealed record CdsAction(string Type, string Description, string ResourceId);
