using System.Text.Json.Nodes;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>Feedback bodies as a CDS client sends them.</summary>
internal static class FeedbackBodies
{
    public const string Card = "4e0a3a1e-3283-4575-ab82-028d55fe2719";
    public const string Suggestion = "e56e1945-20b3-4393-8503-a1a20fd73152";

    public static JsonObject Accepted(string card = Card) => Body(new JsonObject
    {
        ["card"] = card,
        ["outcome"] = "accepted",
        ["acceptedSuggestions"] = new JsonArray(new JsonObject { ["id"] = Suggestion }),
        ["outcomeTimestamp"] = "2026-11-23T09:30:00Z",
    });

    public static JsonObject Overridden(string? comment = null) => Body(new JsonObject
    {
        ["card"] = Card,
        ["outcome"] = "overridden",
        ["overrideReason"] = comment is null
            ? new JsonObject { ["reason"] = Reason() }
            : new JsonObject { ["reason"] = Reason(), ["userComment"] = comment },
        ["outcomeTimestamp"] = "2026-11-23T10:30:00+01:00",
    });

    public static JsonObject Body(params JsonObject[] entries) => new() { ["feedback"] = new JsonArray(entries) };

    private static JsonObject Reason() => new()
    {
        ["system"] = "https://example.org/override-reasons",
        ["code"] = "clinically-reviewed",
        ["display"] = "Reviewed with the treating rheumatologist",
    };
}
