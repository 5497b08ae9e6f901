namespace AsMassageAdvisor.CdsHooks;

/// <summary>Settings of the service, read from the <c>CdsHooks</c> configuration section.</summary>
public sealed class CdsHooksOptions
{
    /// <summary>The configuration section the settings come from.</summary>
    public const string Section = "CdsHooks";

    /// <summary>
    /// The JSON-lines file that feedback is appended to. A relative path is taken from the content root.
    /// </summary>
    public string FeedbackFile { get; set; } = Path.Combine("data", "feedback.jsonl");

    /// <summary>
    /// How long, in seconds, the service waits for a client's FHIR server when it has to fetch data that
    /// was not prefetched. The whole fetch of one hook call must finish within it.
    /// </summary>
    public double FhirServerTimeoutSeconds { get; set; } = 5;

    /// <summary>The largest request body taken, in bytes; a hook call carries FHIR bundles.</summary>
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// The FHIR server base addresses the service may fetch from. Empty means any <c>http</c> or
    /// <c>https</c> address named by a request is allowed.
    /// </summary>
    public IList<string> AllowedFhirServers { get; } = new List<string>();
}
