using System.Text.Json;
using System.Text.Json.Serialization;
using AsMassageAdvisor.Advice;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// The rule catalogue's JSON (<c>rules --format json</c>), written by System.Text.Json from the knowledge base's own
/// types with the options of the assessment's context (<see cref="ContractJsonContext"/>), so that both look alike on
/// the wire; the catalogue's own enum types are written by <see cref="CatalogueEnums"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(CamelCaseEnums), typeof(CatalogueEnums)])]
[JsonSerializable(typeof(RuleCatalogue))]
internal sealed partial class CatalogueJsonContext : JsonSerializerContext;

/// <summary>The knowledge base's enum types (a rule's scope and status), as camelCase strings.</summary>
internal sealed class CatalogueEnums : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(RuleScope) || typeToConvert == typeof(RuleStatus);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (typeToConvert == typeof(RuleScope) ? new CamelCaseEnum<RuleScope>()
            : typeToConvert == typeof(RuleStatus) ? (JsonConverterFactory)new CamelCaseEnum<RuleStatus>()
            : throw new ArgumentException($"{typeToConvert} is not an enum type of the rule catalogue.", nameof(typeToConvert)))
        .CreateConverter(typeToConvert, options);
}

/// <summary>The rule catalogue, as <c>rules --format json</c> writes it.</summary>
internal sealed record RuleCatalogue(KnowledgeBaseIdentity KnowledgeBase, IReadOnlyList<CatalogueRule> Rules, IReadOnlyList<Source> Sources);

/// <summary>One rule of the catalogue, with its citations resolved against the source catalogue.</summary>
internal sealed record CatalogueRule(
    string Code,
    string Title,
    Severity Severity,
    Basis Basis,
    RuleScope Scope,
    string When,
    string Message,
    IReadOnlyList<string> Requirements,
    RuleStatus Status,
    string Version,
    DateOnly LastReviewed,
    IReadOnlyList<string> Triggers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Severity? SilentAbove,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RuleChange? Change,
    string Expression,
    IReadOnlyList<Citation> Citations);
