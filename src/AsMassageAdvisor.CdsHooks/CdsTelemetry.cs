using System.Diagnostics;
using System.Diagnostics.Metrics;
using AsMassageAdvisor.CdsHooks.Discovery;
using AsMassageAdvisor.Fhir.CdsHooks;

namespace AsMassageAdvisor.CdsHooks;

/// <summary>
/// The service's own metrics and traces (OpenTelemetry, meter and activity source <see cref="Name"/>): cards
/// by indicator, hook-call latency, and error answers by status and cause. Nothing of the patient is a tag:
/// the hook, the indicator, the status and a fixed cause name only.
/// </summary>
internal sealed class CdsTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "AsMassageAdvisor.CdsHooks";

    /// <summary>Where a handler leaves the cause of an error answer for <see cref="RecordAnswer"/>.</summary>
    public const string CauseKey = "asma.error.cause";

    /// <summary>The activity source of the hook and feedback spans.</summary>
    public static readonly ActivitySource Source = new(Name, CdsServiceCatalogue.Version);

    private readonly Counter<long> cards;
    private readonly Histogram<double> hookDuration;
    private readonly Counter<long> errors;

    /// <param name="meters">The host's meter factory, so that each host (and each test) has its own meter.</param>
    public CdsTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(Name, CdsServiceCatalogue.Version);
        cards = Meter.CreateCounter<long>("cds.cards", "{card}", "Cards issued, by indicator");
        hookDuration = Meter.CreateHistogram<double>("cds.hook.duration", "s", "Time to answer a hook call with cards, by hook");
        errors = Meter.CreateCounter<long>("cds.errors", "{response}", "Error answers (4xx and 5xx), by status and cause");
    }

    /// <summary>The meter.</summary>
    public Meter Meter { get; }

    /// <summary>Counts the cards of one answer and its latency.</summary>
    /// <param name="hook">The hook.</param>
    /// <param name="issued">The cards.</param>
    /// <param name="elapsed">The time taken.</param>
    public void RecordHook(string hook, IEnumerable<CdsCard> issued, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(issued);
        foreach (var group in issued.GroupBy(c => c.Indicator, StringComparer.Ordinal))
        {
            cards.Add(group.LongCount(), new KeyValuePair<string, object?>("cds.card.indicator", group.Key));
        }

        hookDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("cds.hook", hook));
    }

    /// <summary>Counts an error answer, with the cause a handler named or one read from the status.</summary>
    /// <param name="http">The finished call.</param>
    public void RecordAnswer(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var status = http.Response.StatusCode;
        if (status < 400)
        {
            return;
        }

        var cause = http.Items.TryGetValue(CauseKey, out var named) && named is string text ? text : status switch
        {
            400 => "invalid-request",
            401 => "unauthenticated",
            403 => "forbidden",
            404 => "unknown-service",
            412 => "missing-prefetch",
            413 => "too-large",
            415 => "unsupported-media-type",
            429 => "rate-limited",
            503 => "busy",
            >= 500 => "failure",
            _ => "other",
        };
        errors.Add(
            1,
            new KeyValuePair<string, object?>("http.response.status_code", status),
            new KeyValuePair<string, object?>("error.type", cause),
            new KeyValuePair<string, object?>("cds.endpoint", Endpoint(http.Request.Path)));
    }

    // A fixed name, never the path itself: a path may hold anything a caller typed.
    private static string Endpoint(PathString path) =>
        path.Value is not { } p ? "other"
        : p.EndsWith("/feedback", StringComparison.Ordinal) ? "feedback"
        : p.EndsWith("/report", StringComparison.Ordinal) ? "report"
        : p.StartsWith("/cds-services/", StringComparison.Ordinal) ? "hook"
        : p == "/cds-services" ? "discovery"
        : p.StartsWith("/health/", StringComparison.Ordinal) ? "health"
        : "other";
}
