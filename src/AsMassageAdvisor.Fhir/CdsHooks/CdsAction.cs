namespace AsMassageAdvisor.Fhir.CdsHooks;

/// <summary>One change of a suggestion: here always the deletion of draft orders.</summary>
/// <param name="Type">The action type: <c>delete</c>.</param>
/// <param name="Description">What it does, in words.</param>
/// <param name="ResourceIds">The orders it deletes, as relative references (e.g. <c>ServiceRequest/abc</c>).</param>
public sealed record CdsAction(string Type, string Description, IReadOnlyList<string> ResourceIds);
