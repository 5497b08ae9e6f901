using System.Net;
using System.Text.Json.Nodes;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>Feedback bodies as a CDS client sends them, about a card the service issued.</summary>
internal static class FeedbackBodies
{
    /// <summary>A card uuid the service never issued.</summary>
    public const string UnknownCard = "4e0a3a1e-3283-4575-ab82-028d55fe2719";

    /// <summary>Override reason code offered on warning and critical cards.</summary>
    public const string OfferedReason = "assessed-in-person";

    /// <summary>Asks the service for the example's cards; returns the critical card and its suggestion.</summary>
    public static async Task<(string Card, string Suggestion)> IssueAsync(HttpClient client)
    {
        var (status, body, _) = await Http.PostAsync(client, Http.Service, HookRequests.Example());
        status.Should().Be(HttpStatusCode.OK);
        var card = Http.Json(body).GetProperty("cards").EnumerateArray()
            .First(c => c.GetProperty("indicator").GetString() == "critical" && c.TryGetProperty("suggestions", out _));
        return (card.GetProperty("uuid").GetString()!, card.GetProperty("suggestions")[0].GetProperty("uuid").GetString()!);
    }

    /// <summary>Asks for the example's cards until at least <paramref name="count"/> warning or critical cards (which offer the override reason) are issued.</summary>
    public static async Task<IReadOnlyList<string>> IssueOverridableAsync(HttpClient client, int count)
    {
        var cards = new List<string>();
        while (cards.Count < count)
        {
            var (status, body, _) = await Http.PostAsync(client, Http.Service, HookRequests.Example());
            status.Should().Be(HttpStatusCode.OK);
            cards.AddRange(Http.Json(body).GetProperty("cards").EnumerateArray()
                .Where(c => c.GetProperty("indicator").GetString() is "critical" or "warning")
                .Select(c => c.GetProperty("uuid").GetString()!));
        }

        return cards;
    }

    public static JsonObject Accepted(string card, string suggestion) => Body(new JsonObject
    {
        ["card"] = card,
        ["outcome"] = "accepted",
        ["acceptedSuggestions"] = new JsonArray(new JsonObject { ["id"] = suggestion }),
        ["outcomeTimestamp"] = "2026-11-23T09:30:00Z",
    });

    public static JsonObject Overridden(string card, string? comment = null, string code = OfferedReason, string display = "Reviewed with the treating rheumatologist") => Body(new JsonObject
    {
        ["card"] = card,
        ["outcome"] = "overridden",
        ["overrideReason"] = comment is null
            ? new JsonObject { ["reason"] = Reason(code, display) }
            : new JsonObject { ["reason"] = Reason(code, display), ["userComment"] = comment },
        ["outcomeTimestamp"] = "2026-11-23T10:30:00+01:00",
    });

    public static JsonObject Body(params JsonObject[] entries) => new() { ["feedback"] = new JsonArray(entries) };

    private static JsonObject Reason(string code, string display) => new()
    {
        ["system"] = "urn:as-massage-advisor:fhir:override-reason",
        ["code"] = code,
        ["display"] = display,
    };
}
