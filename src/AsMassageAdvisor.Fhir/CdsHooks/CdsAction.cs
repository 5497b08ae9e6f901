namespace AsMassageAdvisor.Fhir.CdsHooks;

/// <summary>One change of a suggestion: the deletion of a draft order, or its update to the safer plan's item.</summary>
/// <param name="Type">The action type: <c>delete</c> or <c>update</c>.</param>
/// <param name="Description">What it does, in words.</param>
/// <param name="ResourceId">For <c>delete</c>: the order it deletes, as a relative reference (e.g. <c>ServiceRequest/abc</c>), as CDS Hooks 2.0 writes it.</param>
/// <param name="Resource">For <c>update</c>: the revised draft order.</param>
public sealed record CdsAction(string Type, string Description, string? ResourceId, Hl7.Fhir.Model.Resource? Resource = null);
