namespace AsMassageAdvisor.CdsHooks.Discovery;

/// <summary>One entry of the discovery document: a service, the one hook it is invoked on, and its prefetch templates.</summary>
/// <param name="Hook">The hook the service is invoked on.</param>
/// <param name="Title">A human-friendly name.</param>
/// <param name="Description">What the service does.</param>
/// <param name="Id">The <c>{id}</c> of <c>{baseUrl}/cds-services/{id}</c>.</param>
/// <param name="Prefetch">Prefetch key to FHIR query template.</param>
/// <param name="Version">The version of the service, so that a client can tell a change of behaviour.</param>
public sealed record CdsServiceDescription(
    string Hook,
    string Title,
    string Description,
    string Id,
    IReadOnlyDictionary<string, string> Prefetch,
    string Version);
