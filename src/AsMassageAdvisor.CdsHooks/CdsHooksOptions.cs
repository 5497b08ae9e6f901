using AsMassageAdvisor.CdsHooks.Feedback;
using System.ComponentModel.DataAnnotations;

namespace AsMassageAdvisor.CdsHooks;

/// <summary>
/// Settings of the service, read from the <c>CdsHooks</c> configuration section and checked when the host
/// starts (the attributes here, and <see cref="CdsHooksOptionsValidator"/> for the trusted clients), so that
/// a bad setting stops the start rather than the first call.
/// </summary>
public sealed class CdsHooksOptions
{
    /// <summary>The configuration section the settings come from.</summary>
    public const string Section = "CdsHooks";

    /// <summary>
    /// The JSON-lines file that feedback is appended to. A relative path is taken from the content root.
    /// </summary>
    public string? FeedbackFile { get; set; }

    /// <summary>The feedback database: <c>CdsHooks:Feedback:Provider</c> and <c>CdsHooks:Feedback:ConnectionString</c>.</summary>
    public FeedbackDatabaseOptions Feedback { get; } = new();

    /// <summary>
    /// How long the service waits for a client's FHIR server when it has to fetch data that was not
    /// prefetched. The whole fetch of one hook call must finish within it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FhirServerTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest hook request body taken, in bytes; a hook call carries FHIR bundles.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// The FHIR server base addresses the service may fetch from, compared exactly (case-sensitive path,
    /// a trailing slash ignored). Empty means: no fetch at all outside Development, and loopback servers
    /// only in Development.
    /// </summary>
    public IList<string> AllowedFhirServers { get; } = new List<string>();

    /// <summary>The largest answer taken from a FHIR server for one read or one search page, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFhirPageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The most pages of one search that are read.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFhirPages { get; set; } = 5;

    /// <summary>The most bytes fetched from FHIR servers for one hook call, over every key and page.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFhirTotalBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// The clients whose signed JWTs are accepted on hook and feedback calls. With none, every hook and
    /// feedback call is answered 401 (unless <see cref="AllowUnauthenticated"/> in Development).
    /// </summary>
    public IList<TrustedClientOptions> TrustedClients { get; } = new List<TrustedClientOptions>();

    /// <summary>
    /// Accepts hook and feedback calls without a client JWT. For local trials only: refused at start
    /// outside the Development environment, and logged as a warning when on.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>
    /// The address clients call the service at (e.g. <c>https://cds.example.org</c>). A token's <c>aud</c> must be
    /// this plus the path called. Required outside Development; in Development, without it, the address the request
    /// came to is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The clock skew allowed on a token's <c>exp</c>, <c>nbf</c> and <c>iat</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan TokenClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest lifetime (<c>exp</c> − <c>iat</c>) a client token may have.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The most token ids (<c>jti</c>) this process remembers at once, in front of the database that decides
    /// whether a token was used; when full of unexpired ids, new tokens are refused, which also bounds the ids
    /// this process adds to the database within a token's life.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxRememberedTokenIds { get; set; } = 100_000;

    /// <summary>Browser origins allowed to call the service (CORS). Empty: none.</summary>
    public IList<string> AllowedOrigins { get; } = new List<string>();

    /// <summary>The largest feedback body taken, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFeedbackBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Feedback calls one client may make per minute.</summary>
    [Range(1, int.MaxValue)]
    public int FeedbackPermitsPerMinute { get; set; } = 60;

    /// <summary>The size, in bytes, at which the feedback file is rotated.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFeedbackFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many rotated feedback files are kept besides the current one; the oldest beyond it is deleted.</summary>
    [Range(0, int.MaxValue)]
    public int FeedbackFilesKept { get; set; } = 9;

    /// <summary>How many issued cards are remembered for feedback; the oldest are forgotten first.</summary>
    [Range(1, int.MaxValue)]
    public int MaxIssuedCards { get; set; } = 100_000;

    /// <summary>Hook calls worked on at once; further calls wait in a queue.</summary>
    [Range(1, int.MaxValue)]
    public int MaxConcurrentHookCalls { get; set; } = 4;

    /// <summary>Hook calls that may wait for a free slot; beyond it a call is answered 503.</summary>
    [Range(0, int.MaxValue)]
    public int MaxQueuedHookCalls { get; set; } = 100;

    /// <summary>The longest a hook call waits for a free slot; beyond it the call is answered 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The whole time one hook, feedback or report call may take, its body's upload included; beyond it the call is
    /// stopped: 408 while its body was still arriving, 503 after.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most notes listed on the information card, and the most unassessed orders listed on the
    /// check-by-hand card; the rest are counted ("N more").
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MaxNotesListed { get; set; } = 20;
}
