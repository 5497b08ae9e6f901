using AsMassageAdvisor.Fhir;

namespace AsMassageAdvisor.CdsHooks.Discovery;

/// <summary>
/// The services this host offers. CDS Hooks 2.0 gives every discovery entry exactly one <c>hook</c>; the
/// same <c>id</c> may be published on several hooks, and a client replaces the cards of one service id
/// with its newer answer. So the one safety check is published once per order hook, both entries with the
/// id <c>as-massage-safety</c>: the advice given at selection is replaced, not repeated, at signing.
/// </summary>
public static class CdsServiceCatalogue
{
    /// <summary>The service id of the check, on both order hooks.</summary>
    public const string ServiceId = "as-massage-safety";

    /// <summary>The version of the service published in discovery: the package's version.</summary>
    public static string Version { get; } =
        typeof(CdsServiceCatalogue).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>The <c>order-select</c> hook: a clinician has picked one or more orders.</summary>
    public const string OrderSelect = "order-select";

    /// <summary>The <c>order-sign</c> hook: a clinician is about to sign the draft orders.</summary>
    public const string OrderSign = "order-sign";

    /// <summary>The prefetch key of the patient.</summary>
    public const string PatientKey = "patient";

    /// <summary>The prefetch key of the patient's conditions.</summary>
    public const string ConditionsKey = "conditions";

    /// <summary>The prefetch key of the patient's observations.</summary>
    public const string ObservationsKey = "observations";

    /// <summary>The prefetch key of the patient's current medication statements (optional).</summary>
    public const string MedicationStatementsKey = "medicationStatements";

    /// <summary>The prefetch key of the patient's active medication requests (optional).</summary>
    public const string MedicationRequestsKey = "medicationRequests";

    private const string Title = "Massage safety in ankylosing spondylitis";

    private const string Description =
        "Checks draft massage and manual-therapy orders (ServiceRequest) for a person with ankylosing spondylitis "
        + "against the patient's conditions and observations, and returns cited cards: contraindicated techniques, "
        + "regions to avoid, facts to establish first, with a suggestion to remove an unsafe order.";

    /// <summary>
    /// The prefetch templates every entry asks for. Observations are narrowed to the codes the mapping reads
    /// (the pain score), and medications to current ones, so that no more of the record is sent than is used.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Prefetch { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [PatientKey] = "Patient/{{context.patientId}}",
        [ConditionsKey] = "Condition?patient={{context.patientId}}",
        [ObservationsKey] = "Observation?patient={{context.patientId}}&code=" + FhirCodes.Loinc + "|" + FhirCodes.LoincPainSeverity,
        [MedicationStatementsKey] = "MedicationStatement?patient={{context.patientId}}&status=active",
        [MedicationRequestsKey] = "MedicationRequest?patient={{context.patientId}}&status=active",
    };

    /// <summary>
    /// The keys without which no advice is given (412). The medication keys are read when prefetched and
    /// not fetched otherwise: without them, TNF-inhibitor treatment stays unknown, which is the cautious reading.
    /// </summary>
    public static IReadOnlyList<string> RequiredKeys { get; } = [ConditionsKey, ObservationsKey, PatientKey];

    /// <summary>The hooks any path of the check accepts.</summary>
    public static IReadOnlyList<string> AcceptedHooks { get; } = [OrderSelect, OrderSign];

    /// <summary>The discovery entries, in a fixed order.</summary>
    public static IReadOnlyList<CdsServiceDescription> Services { get; } =
    [
        new(OrderSign, Title, Description, ServiceId, Prefetch, Version),
        new(OrderSelect, Title, Description, ServiceId, Prefetch, Version),
    ];

    /// <summary>True when <paramref name="id"/> names one of the entries.</summary>
    /// <param name="id">A service id from a request path.</param>
    /// <returns>Whether the id is served here.</returns>
    public static bool IsServiceId(string id) => string.Equals(id, ServiceId, StringComparison.Ordinal);
}
