using System.Text.Json;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// The values of the knowledge files' JSON (texts, lists of texts, enum values, objects with known fields), each read
/// with its problems reported at its path instead of thrown.
/// </summary>
internal static class KnowledgeJson
{
    internal static JsonElement? Parse(string json, string what, KnowledgeProblems problems)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            problems.Add("", $"the {what} is not valid JSON: {ex.Message}");
            return null;
        }
    }

    // Unknown fields (with a "did you mean" hint) and repeated fields are the strict core's.
    internal static Dictionary<string, JsonElement>? Fields(JsonElement element, string at, string[] known, KnowledgeProblems problems) =>
        problems.Json.Object(element, at, known, "must be an object");

    internal static IEnumerable<(JsonElement Element, string At)> Array(JsonElement element, string at, string name, KnowledgeProblems problems)
    {
        return problems.Json.Array(element, at, int.MaxValue, $"'{name}' must be an array")
            ? element.EnumerateArray().Select((e, i) => (e, StrictJson.Index(at, i))).ToArray()
            : [];
    }

    internal static string Text(Dictionary<string, JsonElement> fields, string name, string at, KnowledgeProblems problems)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            problems.Add(at, $"'{name}' is required");
            return "";
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{at}.{name}", "must be a non-empty string");
            return "";
        }

        // Texts reach terminals, Markdown and clinicians' screens: no control characters.
        if (value.GetString()!.Any(char.IsControl))
        {
            problems.Add($"{at}.{name}", "must not contain control characters");
            return "";
        }

        return value.GetString()!;
    }

    internal static string? OptionalText(Dictionary<string, JsonElement> fields, string name, string at, KnowledgeProblems problems)
    {
        if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return Text(fields, name, at, problems);
    }

    internal static IReadOnlyList<string> TextList(Dictionary<string, JsonElement> fields, string name, string at, KnowledgeProblems problems)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            problems.Add(at, $"'{name}' is required");
            return [];
        }

        var items = Array(value, $"{at}.{name}", name, problems).ToArray();
        if (items.Length == 0 && value.ValueKind == JsonValueKind.Array)
        {
            problems.Add($"{at}.{name}", "must not be empty");
        }

        var texts = new List<string>();
        foreach (var (element, itemAt) in items)
        {
            if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()))
            {
                texts.Add(element.GetString()!);
            }
            else
            {
                problems.Add(itemAt, $"must be a non-empty string");
            }
        }

        if (texts.Distinct(StringComparer.Ordinal).Count() != texts.Count)
        {
            problems.Add($"{at}.{name}", "lists a value twice");
        }

        return texts.AsReadOnly();
    }

    internal static TEnum EnumValue<TEnum>(Dictionary<string, JsonElement> fields, string name, string at, KnowledgeProblems problems)
        where TEnum : struct, Enum
    {
        var text = Text(fields, name, at, problems);
        if (JsonNames.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        if (text.Length > 0)
        {
            var meant = JsonNames.All<TEnum>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            problems.Add($"{at}.{name}", $"'{text}' is not allowed{(meant is null ? "" : $" (did you mean '{meant}'?)")}; allowed: {string.Join(", ", JsonNames.All<TEnum>())}");
        }

        return default;
    }
}
