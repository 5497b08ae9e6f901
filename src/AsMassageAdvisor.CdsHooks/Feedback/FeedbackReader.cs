using System.Globalization;
using System.Text.Json;
using AsMassageAdvisor.Fhir.CdsHooks;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>
/// Reads a CDS Hooks 2.0 feedback body: <c>{"feedback": [ ... ]}</c>. Every problem is named; one bad
/// entry rejects the whole body, so that nothing is half stored. Only cards this service issued are taken,
/// accepted suggestions must be the card's own, and an override reason must be one the card offered: its
/// stored display is the service's own text, never the client's, so no free text reaches the file.
/// </summary>
internal static class FeedbackReader
{
    /// <summary>The most entries one body may carry.</summary>
    public const int MaxEntries = 100;

    private const int MaxTextLength = 256;

    // The fields of a CDS Hooks 2.0 feedback body, its entries, an accepted suggestion, an override reason and a Coding.
    private static readonly string[] BodyFields = ["feedback"];
    private static readonly string[] EntryFields = ["card", "outcome", "acceptedSuggestions", "overrideReason", "outcomeTimestamp"];
    private static readonly string[] SuggestionFields = ["id"];
    private static readonly string[] OverrideReasonFields = ["reason", "userComment"];
    private static readonly string[] CodingFields = ["system", "code", "display"];

    /// <summary>
    /// The card uuids a body names, read leniently (at most <see cref="MaxEntries"/>, strings that parse as
    /// UUIDs only); a body that cannot be read gives none, and <see cref="Read"/> then names its problems.
    /// </summary>
    /// <param name="body">The request body.</param>
    /// <returns>The distinct uuids.</returns>
    public static IReadOnlyCollection<string> CardUuids(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("feedback", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return list.EnumerateArray().Take(MaxEntries)
                .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("card", out var c) && c.ValueKind == JsonValueKind.String
                    && StrictJson.TryText(c.GetString, out var uuid) ? uuid : null)
                .OfType<string>()
                .Where(uuid => Guid.TryParseExact(uuid, "D", out _))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Reads and checks a feedback body.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="issued">The cards this service issued.</param>
    /// <returns>The entries, in the order given.</returns>
    /// <exception cref="InvalidRequestException">The body is not valid feedback; every problem is named.</exception>
    public static IReadOnlyList<FeedbackEntry> Read(ReadOnlyMemory<byte> body, IssuedCards issued)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new InvalidRequestException([new InputError("$", "is not valid JSON: " + ex.Message, InputErrorCodes.InvalidJson)]);
        }

        using (document)
        {
            var json = new StrictJson(ProblemResults.MaxListed);
            var problems = json.Errors;

            // A body that is not an object is reported by the core and has no entries to read.
            var root = json.Object(document.RootElement, "$", BodyFields, "must be an object with a 'feedback' array");
            var entries = root is null ? [] : ReadEntries(root, issued, json);
            json.Finish();

            if (problems.Count > 0)
            {
                throw new InvalidRequestException(problems);
            }

            return entries;
        }
    }

    private static List<FeedbackEntry> ReadEntries(Dictionary<string, JsonElement> root, IssuedCards issued, StrictJson json)
    {
        var problems = json.Errors;
        var entries = new List<FeedbackEntry>();
        if (!root.TryGetValue("feedback", out var feedback))
        {
            problems.Add(new InputError("$.feedback", "is required", InputErrorCodes.Required));
        }
        else if (feedback.ValueKind != JsonValueKind.Array || feedback.GetArrayLength() == 0)
        {
            problems.Add(new InputError("$.feedback", "must be a non-empty array", feedback.ValueKind == JsonValueKind.Array ? InputErrorCodes.Required : InputErrorCodes.WrongType));
        }
        else if (feedback.GetArrayLength() > MaxEntries)
        {
            problems.Add(new InputError("$.feedback", $"has {feedback.GetArrayLength()} entries; at most {MaxEntries} are taken at once", InputErrorCodes.TooMany));
        }
        else
        {
            var index = 0;
            foreach (var item in feedback.EnumerateArray())
            {
                // The answer is a 400 once the listed problems are found: the rest of the entries are not read.
                if (problems.Count >= ProblemResults.MaxListed)
                {
                    break;
                }

                if (ReadEntry(item, StrictJson.Index("$.feedback", index++), issued, json) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return entries;
    }

    private static FeedbackEntry? ReadEntry(JsonElement element, string path, IssuedCards issued, StrictJson json)
    {
        var problems = json.Errors;
        if (json.Object(element, path, EntryFields, "must be an object") is not { } item)
        {
            return null;
        }

        var before = problems.Count;
        var card = Text(item, "card", path, problems, required: true);
        if (card is not null && !Guid.TryParseExact(card, "D", out _))
        {
            problems.Add(new InputError(path + ".card", "must be the card's uuid"));
            card = null;
        }

        var issuedCard = card is null ? null : issued.Find(card);
        if (card is not null && issuedCard is null)
        {
            problems.Add(new InputError(path + ".card", "is not a card this service issued (or it was issued too long ago to be remembered)"));
        }

        var outcome = Text(item, "outcome", path, problems, required: true);
        if (outcome is not null and not ("accepted" or "overridden"))
        {
            problems.Add(new InputError(path + ".outcome", "must be 'accepted' or 'overridden'", InputErrorCodes.NotAllowedValue));
        }

        var accepted = ReadAcceptedSuggestions(item, path, outcome, json);
        var (reason, hadComment) = ReadOverrideReason(item, path, outcome, json);
        if (issuedCard is not null)
        {
            foreach (var id in accepted.Where(id => !issuedCard.SuggestionUuids.Contains(id, StringComparer.Ordinal)))
            {
                problems.Add(new InputError(path + ".acceptedSuggestions", $"'{Clip(id)}' is not a suggestion of this card"));
            }

            if (reason is not null)
            {
                var offered = issuedCard.OverrideReasons.FirstOrDefault(r => r.Code == reason.Code && (reason.System is null || r.System == reason.System));
                if (offered is null)
                {
                    problems.Add(new InputError(path + ".overrideReason.reason", "is not one of the override reasons this card offered"));
                }
                else
                {
                    // The service's own words for the reason, not the client's: no free text is kept.
                    reason = new FeedbackCoding(offered.System, offered.Code, offered.Display);
                }
            }
        }

        var timestampText = Text(item, "outcomeTimestamp", path, problems, required: true);
        var timestamp = default(DateTimeOffset);
        if (timestampText is not null
            && (!timestampText.Contains('T', StringComparison.Ordinal)
                || !DateTimeOffset.TryParse(timestampText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp)))
        {
            problems.Add(new InputError(path + ".outcomeTimestamp", "must be an ISO 8601 date and time, e.g. 2026-11-23T09:30:00Z"));
        }

        return problems.Count > before
            ? null
            : new FeedbackEntry(card!, outcome!, accepted, reason, hadComment, timestamp.ToUniversalTime());
    }

    private static List<string> ReadAcceptedSuggestions(Dictionary<string, JsonElement> item, string path, string? outcome, StrictJson json)
    {
        var problems = json.Errors;
        var ids = new List<string>();
        var here = path + ".acceptedSuggestions";
        if (!item.TryGetValue("acceptedSuggestions", out var list))
        {
            if (outcome == "accepted")
            {
                problems.Add(new InputError(here, "is required when the outcome is 'accepted'", InputErrorCodes.Required));
            }

            return ids;
        }

        if (outcome == "overridden")
        {
            problems.Add(new InputError(here, "belongs to 'accepted' outcomes only; an overridden card accepts no suggestion", InputErrorCodes.Contradiction));
            return ids;
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            problems.Add(new InputError(here, "must be a non-empty array of {\"id\": suggestion uuid}"));
            return ids;
        }

        var index = 0;
        foreach (var suggestion in list.EnumerateArray())
        {
            var at = StrictJson.Index(here, index++);
            if (json.Object(suggestion, at, SuggestionFields, "must be an object with the suggestion's 'id'") is { } fields
                && Text(fields, "id", at, problems, required: true) is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static (FeedbackCoding? Reason, bool HadComment) ReadOverrideReason(
        Dictionary<string, JsonElement> item, string path, string? outcome, StrictJson json)
    {
        var problems = json.Errors;
        var here = path + ".overrideReason";
        if (!item.TryGetValue("overrideReason", out var value))
        {
            return (null, false);
        }

        if (outcome == "accepted")
        {
            problems.Add(new InputError(here, "belongs to 'overridden' outcomes only", InputErrorCodes.Contradiction));
            return (null, false);
        }

        if (json.Object(value, here, OverrideReasonFields, "must be an object with 'reason' (a Coding) and/or 'userComment'") is not { } overrideReason)
        {
            return (null, false);
        }

        FeedbackCoding? reason = null;
        if (overrideReason.TryGetValue("reason", out var codingElement))
        {
            if (json.Object(codingElement, here + ".reason", CodingFields, "must be a Coding object") is { } coding)
            {
                var code = Text(coding, "code", here + ".reason", problems, required: true);
                var system = Text(coding, "system", here + ".reason", problems, required: false);
                var display = Text(coding, "display", here + ".reason", problems, required: false);
                reason = code is null ? null : new FeedbackCoding(system, code, display);
            }
        }

        var hadComment = false;
        if (overrideReason.TryGetValue("userComment", out var comment))
        {
            if (comment.ValueKind != JsonValueKind.String)
            {
                problems.Add(new InputError(here + ".userComment", "must be a string", InputErrorCodes.WrongType));
            }
            else if (!StrictJson.TryText(comment.GetString, out var text))
            {
                problems.Add(new InputError(here + ".userComment", NotText, InputErrorCodes.InvalidUtf8));
            }
            else
            {
                hadComment = !string.IsNullOrWhiteSpace(text);
            }
        }

        return (reason, hadComment);
    }

    // An escaped unpaired surrogate (\ud800) is valid JSON but cannot become .NET text.
    private const string NotText = "is not valid text (an unpaired surrogate escape such as \\ud800)";

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string? Text(Dictionary<string, JsonElement> parent, string name, string path, List<InputError> problems, bool required)
    {
        var here = path + "." + name;
        if (!parent.TryGetValue(name, out var value))
        {
            if (required)
            {
                problems.Add(new InputError(here, "is required", InputErrorCodes.Required));
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.String && !StrictJson.TryText(value.GetString, out _))
        {
            problems.Add(new InputError(here, NotText, InputErrorCodes.InvalidUtf8));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add(new InputError(here, "must be a non-empty string", InputErrorCodes.WrongType));
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > MaxTextLength)
        {
            problems.Add(new InputError(here, $"is longer than {MaxTextLength} characters", InputErrorCodes.TooLarge));
            return null;
        }

        return text;
    }
}
