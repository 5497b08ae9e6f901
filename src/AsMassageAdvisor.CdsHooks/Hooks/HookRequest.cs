using Hl7.Fhir.Model;

namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>A hook call, read and checked: what the service needs of it and nothing more.</summary>
/// <param name="Hook">The hook that fired (<c>order-select</c> or <c>order-sign</c>).</param>
/// <param name="HookInstance">The call's UUID.</param>
/// <param name="FhirServer">The client's FHIR base address, when given.</param>
/// <param name="AccessToken">The bearer token for <paramref name="FhirServer"/>, when given.</param>
/// <param name="PatientId">The FHIR id of the patient in context.</param>
/// <param name="DraftOrders">The draft orders of <c>context.draftOrders</c>.</param>
/// <param name="Prefetch">
/// The prefetched data by key. A key that is absent was not prefetched; a key whose value is null was
/// prefetched and the client had no data for it.
/// </param>
internal sealed record HookRequest(
    string Hook,
    string HookInstance,
    Uri? FhirServer,
    string? AccessToken,
    string PatientId,
    Bundle DraftOrders,
    IReadOnlyDictionary<string, Resource?> Prefetch);
