using System.Globalization;
using System.Text.Json.Serialization;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>
/// One line of the feedback file as written: fields in this order, times as UTC with milliseconds, and a
/// <c>null</c> override reason written rather than left out, so that every line has the same fields.
/// </summary>
internal sealed record FeedbackLineJson(
    string ReceivedAt,
    string Service,
    string Card,
    string Outcome,
    IReadOnlyList<string> AcceptedSuggestions,
    FeedbackCodingJson? OverrideReason,
    bool UserComment,
    string OutcomeTimestamp)
{
    public static FeedbackLineJson From(string serviceId, DateTimeOffset receivedAt, FeedbackEntry entry) => new(
        Timestamp(receivedAt),
        serviceId,
        entry.Card,
        entry.Outcome,
        entry.AcceptedSuggestions,
        entry.OverrideReason is { } reason ? new FeedbackCodingJson(reason.System, reason.Code, reason.Display) : null,
        entry.HadUserComment,
        Timestamp(entry.OutcomeTimestamp));

    private static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>The offered override reason; a missing system or display is written as <c>null</c>.</summary>
internal sealed record FeedbackCodingJson(string? System, string Code, string? Display);

/// <summary>The source-generated serializer of feedback lines: camelCase, one line each.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FeedbackLineJson))]
internal sealed partial class FeedbackJsonContext : JsonSerializerContext;
