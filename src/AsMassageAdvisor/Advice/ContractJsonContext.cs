using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Advice;

/// <summary>
/// The contract's JSON output, written by System.Text.Json from the model itself: camelCase names, enum values as
/// camelCase strings, fields in the order the model declares them, two-space indentation and line feeds. The one
/// definition of what the assessment looks like on the wire (the rule catalogue's context, in Knowledge, takes the same
/// options and converters).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(CamelCaseEnums)])]
[JsonSerializable(typeof(Assessment))]
[JsonSerializable(typeof(ExplainedAssessment))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;

/// <summary>Writes the contract's JSON with <see cref="ContractJsonContext"/>.</summary>
/// <remarks>
/// The writing goes through the code the source generator emits for each type (its serialization "fast path",
/// <see cref="JsonTypeInfo{T}.SerializeHandler"/>), not through the metadata that <see cref="JsonSerializer"/> builds at
/// run time. The serializer never takes that path for these options by itself: it takes it only for options without
/// converters and without an encoder, and the contract needs both (enum values as camelCase strings, texts unescaped).
/// Building the metadata of every type on the first write cost a fresh process about 7 ms. The metadata stays
/// generated (the default generation mode) for what reads it, such as the JSON Schema of the assessment.
/// The two paths write the same bytes: the generated code writes each enum value through the context's converter,
/// the writer below applies the encoder to every text, and the property names that the generated code writes
/// ready-encoded are plain ASCII, which no encoder escapes. A test holds the two paths to the same output and the
/// same refusals.
/// </remarks>
internal static class ContractJson
{
    // The serializer's own writer settings, from the context's options; the serializer's default depth limit is 64.
    // Texts are written as they are (the sources' names carry letters such as "Š"); JSON strings stay valid.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = ContractJsonContext.Default.Options.WriteIndented,
        IndentCharacter = ContractJsonContext.Default.Options.IndentCharacter,
        IndentSize = ContractJsonContext.Default.Options.IndentSize,
        NewLine = ContractJsonContext.Default.Options.NewLine,
        MaxDepth = ContractJsonContext.Default.Options.MaxDepth is > 0 and var depth ? depth : 64,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes a value of one of the context's types, ending with a line feed.</summary>
    public static string Write<T>(T value, JsonSerializerContext context)
        where T : class
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Generated<T>.For(context)(writer, value);
            writer.Flush();
        }

        return StrictUtf8.GetString(buffer.WrittenSpan) + "\n";
    }

    // The generated code for T, taken from a type description asked of the context directly: unlike one from the
    // options, it is not configured, so no metadata of T or of the types below it is built.
    private static class Generated<T>
        where T : class
    {
        private static Action<Utf8JsonWriter, T>? _write;

        // Each type is written by one context, so the first context asked is the one for T.
        public static Action<Utf8JsonWriter, T> For(JsonSerializerContext context) => _write ??=
            (((IJsonTypeInfoResolver)context).GetTypeInfo(typeof(T), context.Options) as JsonTypeInfo<T>)?.SerializeHandler
            ?? throw new InvalidOperationException($"The source generator wrote no serialization code for {typeof(T).Name}.");
    }
}

/// <summary>
/// The contract's enum types, each written as <see cref="CamelCaseEnum{TEnum}"/> writes it. One factory rather than
/// the ten converters in the options: the generated options create every converter they list up front, each a type of
/// its own for the runtime to load (and its type checks compiled on the spot, as ReadyToRun code cannot hold them),
/// and every type description the context makes asks each converter in turn. This way only the converters of the
/// enum types actually written are made, when first written.
/// </summary>
internal sealed class CamelCaseEnums : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => ConverterFor(typeToConvert) is not null;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (ConverterFor(typeToConvert) ?? throw new ArgumentException($"{typeToConvert} is not an enum type of the contract.", nameof(typeToConvert)))
            .CreateConverter(typeToConvert, options);

    private static JsonConverterFactory? ConverterFor(Type type) =>
        type == typeof(Decision) ? new CamelCaseEnum<Decision>()
        : type == typeof(Severity) ? new CamelCaseEnum<Severity>()
        : type == typeof(Basis) ? new CamelCaseEnum<Basis>()
        : type == typeof(ChangeAction) ? new CamelCaseEnum<ChangeAction>()
        : type == typeof(RuleVerdict) ? new CamelCaseEnum<RuleVerdict>()
        : type == typeof(Technique) ? new CamelCaseEnum<Technique>()
        : type == typeof(BodyRegion) ? new CamelCaseEnum<BodyRegion>()
        : type == typeof(Pressure) ? new CamelCaseEnum<Pressure>()
        : null;
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

