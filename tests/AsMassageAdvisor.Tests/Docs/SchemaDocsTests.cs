using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Tests.Properties;
using AsMassageAdvisor.Tests.Support;
using Json.Schema;

namespace AsMassageAdvisor.Tests.Docs;

/// <summary>
/// The JSON Schemas (draft 2020-12) of the request and the assessment, published in docs/schema/. They are generated
/// from the model by System.Text.Json's <see cref="JsonSchemaExporter"/>, with the contract's limits added, and a
/// test fails when the published files drift from the model (UPDATE_DOCS=1 rewrites them). The bundled examples and
/// generated assessments are validated against them.
/// </summary>
public sealed class SchemaDocsTests
{
    private const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private static readonly JsonSerializerOptions ModelOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    // A request leaves unknown facts out.
    private static readonly JsonSerializerOptions RequestWriting = new(ModelOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly Lazy<JsonSchema> RequestSchema = new(() => JsonSchema.FromText(Render(typeof(AssessmentRequest))));

    private static readonly Lazy<JsonSchema> RuleFileSchema = new(() => JsonSchema.FromText(Render(typeof(RuleFileModel.File))));

    private static readonly Lazy<JsonSchema> AssessmentSchema = new(() => JsonSchema.FromText(Render(typeof(Assessment))));

    public static TheoryData<string> ValidExamples => new() { "gentle-plan.json", "manipulation-ankylosed-neck.json", "unknown-ankylosis.json" };

    [Fact]
    public void The_request_schema_is_up_to_date()
    {
        GeneratedDocsTests.AssertGenerated(RepositoryFiles.Path("docs", "schema", "assessment-request.schema.json"), Render(typeof(AssessmentRequest)));
    }

    [Fact]
    public void The_rule_file_schema_is_up_to_date()
    {
        GeneratedDocsTests.AssertGenerated(RepositoryFiles.Path("docs", "schema", "rule-file.schema.json"), Render(typeof(RuleFileModel.File)));
    }

    [Theory]
    [InlineData("src/AsMassageAdvisor/Knowledge/rules.json")]
    [InlineData("docs/examples/clinic-rules.json")]
    public void Every_bundled_rule_file_validates(string file)
    {
        Validate(RuleFileSchema.Value, File.ReadAllText(RepositoryFiles.Path(file.Split('/')))).Should().BeEmpty();
    }

    [Fact]
    public void A_rule_file_field_the_schema_does_not_know_fails_it_as_the_reader_refuses_it()
    {
        var json = TestKnowledge.AlterRules(root => TestKnowledge.Rule(root, "ASM-001")["Properties"]!["severty"] = "warning");

        Validate(RuleFileSchema.Value, json).Should().NotBeEmpty();
        var load = () => AsMassageAdvisor.Knowledge.KnowledgeBase.Load(json, TestKnowledge.SourcesJson);
        load.Should().Throw<AsMassageAdvisor.Knowledge.KnowledgeBaseException>();
    }

    [Fact]
    public void The_assessment_schema_is_up_to_date()
    {
        GeneratedDocsTests.AssertGenerated(RepositoryFiles.Path("docs", "schema", "assessment.schema.json"), Render(typeof(Assessment)));
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Every_bundled_example_request_and_its_assessment_validate(string example)
    {
        var json = File.ReadAllText(RepositoryFiles.Path("docs", "examples", example));

        Validate(RequestSchema.Value, json).Should().BeEmpty();
        Validate(AssessmentSchema.Value, AssessmentJson.Serialize(new Advisor().Assess(json))).Should().BeEmpty();
    }

    [Fact]
    public void The_invalid_example_fails_the_request_schema_too()
    {
        var json = File.ReadAllText(RepositoryFiles.Path("docs", "examples", "invalid-request.json"));

        Validate(RequestSchema.Value, json).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("""{ "patient": {}, "plan": { "items": [] } }""")]
    [InlineData("""{ "patient": { "painScore": 11 }, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""")]
    [InlineData("""{ "patient": { "ankylosedRegions": ["legs"] }, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""")]
    [InlineData("""{ "patient": {}, "plan": { "items": [ { "technique": "effleurage" } ] } }""")]
    [InlineData("""{ "patient": {}, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] }, "extra": 1 }""")]
    [InlineData("""{ "patient": { "neurologicalSymptoms": null }, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""")]
    [InlineData("""{ "patient": { "statusConfirmedOn": null }, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""")]
    public void A_request_the_reader_refuses_for_its_shape_fails_the_schema(string json)
    {
        Validate(RequestSchema.Value, json).Should().NotBeEmpty();
        var read = () => AssessmentRequestJson.Parse(json);
        read.Should().Throw<InvalidRequestException>();
    }

    [Fact]
    public void Every_generated_request_and_its_assessment_validate()
    {
        var problems = new List<string>();
        foreach (var request in RandomRequests.Generate(seed: 2020, count: 300))
        {
            var requestJson = JsonSerializer.Serialize(request, RequestWriting);
            problems.AddRange(Validate(RequestSchema.Value, requestJson).Select(p => $"request {requestJson}: {p}"));
            problems.AddRange(Validate(AssessmentSchema.Value, AssessmentJson.Serialize(Assessed.Assess(request))).Select(p => $"assessment of {requestJson}: {p}"));
            var read = () => AssessmentRequestJson.Parse(requestJson);
            read.Should().NotThrow("what the schema accepts of a valid request, the reader reads");
        }

        problems.Should().BeEmpty();
    }

    internal static List<string> Validate(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
    }

    private static readonly Dictionary<Type, (string File, string Title, string Description)> Names = new()
    {
        [typeof(AssessmentRequest)] = ("assessment-request", "AsMassageAdvisor assessment request",
            "One assessment request. A field that is absent is unknown, never \"no\". Generated from the model; see docs/contract.md."),
        [typeof(Assessment)] = ("assessment", "AsMassageAdvisor assessment",
            "One assessment, as `assess --format json` writes it. Generated from the model; see docs/contract.md."),
        [typeof(RuleFileModel.File)] = ("rule-file", "AsMassageAdvisor rule file",
            "The built-in rule file and a clinic's rule file (which adds `sources`): a Microsoft RulesEngine workflow with each rule's clinical metadata. The reader checks the meaning (citations, codes, expressions); see docs/clinic-rules.md."),
    };

    private static string Render(Type type)
    {
        // The assessment's schema comes from the very context that writes assessments.
        var options = type == typeof(Assessment) ? ContractJsonContext.Default.Options : ModelOptions;
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(options, type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = AddContractLimits,
        }).AsObject();
        var root = new JsonObject
        {
            ["$schema"] = Draft,
            ["$id"] = $"https://as-massage-advisor.invalid/schema/{Names[type].File}.schema.json",
            ["title"] = Names[type].Title,
            ["description"] = Names[type].Description,
        };
        foreach (var (name, value) in schema.ToList())
        {
            schema.Remove(name);
            root[name] = value;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    // The contract's limits that the types alone do not say (docs/contract.md, "What makes a request invalid").
    private static JsonNode AddContractLimits(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (schema is not JsonObject node || context.PropertyInfo is not { } property)
        {
            return schema;
        }

        var declaring = property.DeclaringType;

        // In a request an unknown fact is left out, never written as null (the reader refuses null).
        if (declaring == typeof(PatientStatus) || declaring == typeof(SessionPlan) || declaring == typeof(PlanItem))
        {
            if (node["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
            {
                node["type"] = types.Select(t => t!.GetValue<string>()).Single(t => t != "null");
            }
        }

        switch (property.Name)
        {
            case "painScore" when declaring == typeof(PatientStatus):
                node["minimum"] = 0;
                node["maximum"] = 10;
                break;
            case "items" when declaring == typeof(SessionPlan):
                node["minItems"] = 1;
                node["maxItems"] = AssessmentRequestJson.MaxItems;
                break;
            case "ankylosedRegions" or "neurologicalSymptoms" or "painfulTechniques" or "goals" when declaring == typeof(PatientStatus) || declaring == typeof(SessionPlan):
                node["maxItems"] = 32;
                if (property.Name == "ankylosedRegions" && node["items"] is JsonObject regions)
                {
                    regions["enum"] = new JsonArray("cervical", "thoracic", "lumbar", "sacroiliac");
                }

                break;
        }

        return node;
    }
}
