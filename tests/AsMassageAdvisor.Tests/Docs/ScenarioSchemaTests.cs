using System.Text.Json.Nodes;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Testing;
using AsMassageAdvisor.Tests.Support;
using Json.Schema;

namespace AsMassageAdvisor.Tests.Docs;

/// <summary>
/// The scenario file's JSON Schema (docs/schema/scenario-file.schema.json), written by hand because a request may be
/// given three ways: every bundled scenario file validates, what the reader refuses for its shape fails it too, and its
/// value lists are the model's.
/// </summary>
public sealed class ScenarioSchemaTests
{
    private static readonly string SchemaPath = RepositoryFiles.Path("docs", "schema", "scenario-file.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    public static TheoryData<string> BundledFiles
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in ScenarioFiles.BuiltIn)
            {
                data.Add(Path.GetFileName(file));
            }

            data.Add("../../docs/examples/clinic-scenarios.json");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void Every_bundled_scenario_file_validates(string file)
    {
        SchemaDocsTests.Validate(Schema.Value, File.ReadAllText(RepositoryFiles.Path("tests", "scenarios", file))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{ "scenarios": [] }""")]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "r.json", "expect": {} } ] }""")]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "r.json", "expect": { "decison": "proceed" } } ] }""")]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "r.json", "expect": { "decision": "go" } } ] }""")]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": 7, "expect": { "decision": "proceed" } } ] }""")]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "r.json", "expect": { "fires": [ { "items": [0] } ] } } ] }""")]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "r.json", "expect": { "fires": [ { "rule": "A-1", "severity": "high" } ] } } ] }""")]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "r.json", "expect": { "silent": [ "" ] } } ] }""")]
    [InlineData("""{ "scenarios": [ { "request": "r.json", "expect": { "decision": "proceed" } } ] }""")]
    [InlineData("""{ "scenarios": [ { "name": "x", "request": "r.json", "expect": { "decision": "proceed" } } ], "extra": 1 }""")]
    public void A_file_the_reader_refuses_for_its_shape_fails_the_schema(string json)
    {
        using var folder = ScenarioFiles.Folder(("s.json", json), ("r.json", File.ReadAllText(RepositoryFiles.Path("docs", "examples", "gentle-plan.json"))));

        SchemaDocsTests.Validate(Schema.Value, json).Should().NotBeEmpty();
        var read = () => ScenarioFile.Load(folder.Path("s.json"));
        read.Should().Throw<ScenarioFileException>();
    }

    [Fact]
    public void The_schema_s_decisions_and_severities_are_the_model_s()
    {
        var defs = JsonNode.Parse(File.ReadAllText(SchemaPath))!["$defs"]!;

        defs["decision"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal(JsonNames.All<Decision>());
        defs["severity"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal(JsonNames.All<Severity>());
    }
}
