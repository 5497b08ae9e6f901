using System.Text.Json;
using System.Text.Json.Serialization;
using Hl7.Fhir.Serialization;

namespace AsMassageAdvisor.Fhir.CdsHooks;

// The wire shape of a CDS Hooks response, apart from the public records: the records describe the cards,
// these say how they are written (field order, fields left out, the fixed selectionBehavior), so that the
// public types carry no serialization attributes.

/// <summary>The response body, <c>{"cards": [...]}</c>.</summary>
internal sealed record ResponseJson(IReadOnlyList<CardJson> Cards)
{
    public static ResponseJson From(CdsResponse response) => new([.. response.Cards.Select(CardJson.From)]);
}

/// <summary>A card; suggestions and override reasons are left out when there are none.</summary>
internal sealed record CardJson(
    string Uuid,
    string Summary,
    string Indicator,
    string Detail,
    SourceJson Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SuggestionJson>? Suggestions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SelectionBehavior,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CdsCoding>? OverrideReasons)
{
    public static CardJson From(CdsCard card) => new(
        card.Uuid,
        card.Summary,
        card.Indicator,
        card.Detail,
        new SourceJson(card.Source.Label, card.Source.Topic),
        card.Suggestions.Count > 0 ? [.. card.Suggestions.Select(SuggestionJson.From)] : null,
        // The suggestions of a card are alternatives (change the order, or remove it): at most one is taken.
        card.Suggestions.Count > 0 ? "at-most-one" : null,
        card.OverrideReasons.Count > 0 ? card.OverrideReasons : null);
}

/// <summary>A card's source; the topic is left out when there is none.</summary>
internal sealed record SourceJson(
    string Label,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CdsCoding? Topic);

/// <summary>A suggestion.</summary>
internal sealed record SuggestionJson(string Label, string Uuid, bool IsRecommended, IReadOnlyList<ActionJson> Actions)
{
    public static SuggestionJson From(CdsSuggestion suggestion) =>
        new(suggestion.Label, suggestion.Uuid, suggestion.IsRecommended, [.. suggestion.Actions.Select(ActionJson.From)]);
}

/// <summary>An action; the resource id (delete) or the resource (update) is left out when not given.</summary>
internal sealed record ActionJson(
    string Type,
    string Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ResourceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(FhirResourceJsonConverter))] Hl7.Fhir.Model.Resource? Resource)
{
    public static ActionJson From(CdsAction action) => new(action.Type, action.Description, action.ResourceId, action.Resource);
}

/// <summary>
/// Writes a FHIR resource as the Firely SDK serializes it, inserted raw: FHIR JSON has rules (choice types,
/// primitive extensions) that only the FHIR serializer knows. Cards are only written, never read.
/// </summary>
internal sealed class FhirResourceJsonConverter : JsonConverter<Hl7.Fhir.Model.Resource>
{
    public override Hl7.Fhir.Model.Resource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("CDS Hooks cards are written, not read.");

    public override void Write(Utf8JsonWriter writer, Hl7.Fhir.Model.Resource value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(value.ToJson());
    }
}

/// <summary>The source-generated serializer of the response: camelCase, indented by two spaces, <c>\n</c> newlines.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(ResponseJson))]
internal sealed partial class CardJsonContext : JsonSerializerContext;
