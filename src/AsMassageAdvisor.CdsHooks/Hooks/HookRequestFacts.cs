namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>
/// The text fields of a hook request as the reader found them, before their meaning is checked by
/// <see cref="HookRequestValidator"/>; null where a field is absent.
/// </summary>
internal sealed record HookRequestFacts(
    string? Hook,
    string? HookInstance,
    string? FhirServer,
    bool HasFhirServer,
    bool HasAuthorization,
    string? TokenType,
    bool HasTokenType,
    string? PatientId);
