using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Advice;

/// <summary>
/// The contract's JSON output, written by System.Text.Json from the model itself: camelCase names, enum values as
/// camelCase strings, fields in the order the model declares them, two-space indentation and line feeds. The one
/// definition of what the assessment and the rule catalogue look like on the wire.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters =
    [
        typeof(CamelCaseEnum<Decision>), typeof(CamelCaseEnum<Severity>), typeof(CamelCaseEnum<Basis>), typeof(CamelCaseEnum<ChangeAction>),
        typeof(CamelCaseEnum<RuleVerdict>), typeof(CamelCaseEnum<RuleScope>), typeof(CamelCaseEnum<RuleStatus>),
        typeof(CamelCaseEnum<Technique>), typeof(CamelCaseEnum<BodyRegion>), typeof(CamelCaseEnum<Pressure>),
    ])]
[JsonSerializable(typeof(Assessment))]
[JsonSerializable(typeof(ExplainedAssessment))]
[JsonSerializable(typeof(RuleCatalogue))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;

/// <summary>Writes the contract's JSON with <see cref="ContractJsonContext"/>.</summary>
internal static class ContractJson
{
    // Texts are written as they are (the sources' names carry letters such as "Š"); JSON strings stay valid.
    // A class of its own, so that the generated context is complete before these options copy it.
    private static readonly JsonSerializerOptions Relaxed = new(ContractJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a value of one of the context's types, ending with a line feed.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, typeof(T), Relaxed) + "\n";
}

/// <summary>An enum value as its camelCase name, as the contract spells it; numbers are refused.</summary>
internal sealed class CamelCaseEnum<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CamelCaseEnum()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}

/// <summary>An assessment with every rule's verdict, as <c>assess --explain --format json</c> writes it.</summary>
internal sealed record ExplainedAssessment(
    Decision Decision,
    IReadOnlyList<Advisory> Advisories,
    IReadOnlyList<string> UnknownFacts,
    SaferPlan? SaferPlan,
    KnowledgeBaseIdentity KnowledgeBase,
    IReadOnlyList<RuleExplanation> Explanation);

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
