using System.Text.Json;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Advice;

public sealed class AssessmentJsonTests
{
    private static readonly string[] Severities = ["info", "caution", "warning", "contraindicated", "stop"];

    private static readonly string[] DecisionNames = ["proceed", "proceedWithCaution", "proceedWithModifications", "doNotProceed"];

    public static TheoryData<string> ValidExamples => new() { "gentle-plan.json", "manipulation-ankylosed-neck.json", "unknown-ankylosis.json" };

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void The_output_has_every_field_of_the_contract(string example)
    {
        // Arrange
        var assessment = new Advisor().Assess(Example(example));

        // Act
        using var document = JsonDocument.Parse(AssessmentJson.Serialize(assessment));

        // Assert
        var root = document.RootElement;
        root.ValueKind.Should().Be(JsonValueKind.Object);
        root.GetProperty("decision").GetString().Should().BeOneOf(DecisionNames);
        var advisories = root.GetProperty("advisories");
        advisories.ValueKind.Should().Be(JsonValueKind.Array);
        advisories.GetArrayLength().Should().BePositive();
        foreach (var a in advisories.EnumerateArray())
        {
            a.GetProperty("code").GetString().Should().MatchRegex("^ASM-[0-9]{3}$");
            a.GetProperty("requirements").EnumerateArray().Select(r => r.GetString()).Should().NotBeEmpty()
                .And.OnlyContain(r => r != null && r.Length > 0);
            a.GetProperty("severity").GetString().Should().BeOneOf(Severities);
            a.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
            a.GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
            a.GetProperty("basis").GetString().Should().BeOneOf("stated", "interpreted");
            a.GetProperty("items").ValueKind.Should().Be(JsonValueKind.Array);
            a.GetProperty("items").EnumerateArray().Where(i => i.ValueKind != JsonValueKind.Number || i.GetInt32() < 0).Should().BeEmpty();
            a.GetProperty("triggers").EnumerateArray().Should().NotBeEmpty()
                .And.OnlyContain(t => t.ValueKind == JsonValueKind.String && t.GetString()!.Length > 0);
            var citations = a.GetProperty("citations");
            citations.GetArrayLength().Should().BePositive();
            foreach (var c in citations.EnumerateArray())
            {
                c.GetProperty("source").GetString().Should().NotBeNullOrWhiteSpace();
                c.GetProperty("section").GetString().Should().NotBeNullOrWhiteSpace();
                c.GetProperty("label").GetString().Should().NotBeNullOrWhiteSpace();
                c.GetProperty("doi").ValueKind.Should().BeOneOf(JsonValueKind.String, JsonValueKind.Null);
            }
        }

        var knowledgeBase = root.GetProperty("knowledgeBase");
        knowledgeBase.GetProperty("version").GetString().Should().Be(KnowledgeBase.BuiltIn.Identity.Version);
        knowledgeBase.GetProperty("sha256").GetString().Should().MatchRegex("^[0-9a-f]{64}$")
            .And.Be(KnowledgeBase.BuiltIn.Identity.Sha256);
    }

    [Fact]
    public void A_spinal_manipulation_of_a_fused_neck_is_written_as_a_contraindicated_advisory_for_its_item()
    {
        // Arrange
        var assessment = new Advisor().Assess(Example("manipulation-ankylosed-neck.json"));

        // Act
        using var document = JsonDocument.Parse(AssessmentJson.Serialize(assessment));

        // Assert
        var root = document.RootElement;
        root.GetProperty("decision").GetString().Should().Be("proceedWithModifications");
        var first = root.GetProperty("advisories")[0];
        first.GetProperty("code").GetString().Should().Be("ASM-001");
        first.GetProperty("severity").GetString().Should().Be("contraindicated");
        first.GetProperty("items").EnumerateArray().Select(i => i.GetInt32()).Should().Equal(1);
        first.GetProperty("triggers").EnumerateArray().Select(t => t.GetString())
            .Should().Contain(t => t!.StartsWith("item 1: spinalManipulation on cervical", StringComparison.Ordinal));
    }

    [Fact]
    public void A_citation_without_a_doi_is_written_as_null_and_one_with_a_doi_as_a_string()
    {
        // Arrange
        var assessment = new Advisor().Assess(Example("gentle-plan.json"));

        // Act
        using var document = JsonDocument.Parse(AssessmentJson.Serialize(assessment));

        // Assert
        var citations = document.RootElement.GetProperty("advisories").EnumerateArray()
            .SelectMany(a => a.GetProperty("citations").EnumerateArray())
            .ToList();
        citations.Should().Contain(c => c.GetProperty("source").GetString() == "S0" && c.GetProperty("doi").ValueKind == JsonValueKind.Null);
        citations.Should().Contain(c => c.GetProperty("doi").ValueKind == JsonValueKind.String && c.GetProperty("doi").GetString()!.StartsWith("10.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Advisories_come_most_severe_first_then_by_code(string example)
    {
        // Arrange
        var assessment = new Advisor().Assess(Example(example));

        // Act
        using var document = JsonDocument.Parse(AssessmentJson.Serialize(assessment));

        // Assert
        var written = document.RootElement.GetProperty("advisories").EnumerateArray()
            .Select(a => (Rank: Array.IndexOf(Severities, a.GetProperty("severity").GetString()), Code: a.GetProperty("code").GetString()!))
            .ToList();
        var expected = written.OrderByDescending(a => a.Rank).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
        written.Should().Equal(expected);
    }

    [Fact]
    public void Advisories_of_several_severities_are_ordered_from_the_most_severe()
    {
        // Arrange
        var assessment = new Advisor().Assess(Example("unknown-ankylosis.json"));

        // Act
        using var document = JsonDocument.Parse(AssessmentJson.Serialize(assessment));

        // Assert
        var severities = document.RootElement.GetProperty("advisories").EnumerateArray()
            .Select(a => a.GetProperty("severity").GetString()).Distinct().ToList();
        severities.Should().Equal("warning", "caution", "info");
    }

    [Fact]
    public void Enum_values_are_written_in_camel_case()
    {
        // Arrange
        var assessment = new Advisor().Assess(Example("manipulation-ankylosed-neck.json"));

        // Act
        var json = AssessmentJson.Serialize(assessment);

        // Assert
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var enumValues = new[] { root.GetProperty("decision").GetString() }
            .Concat(root.GetProperty("advisories").EnumerateArray().SelectMany(a => new[] { a.GetProperty("severity").GetString(), a.GetProperty("basis").GetString() }));
        enumValues.Should().OnlyContain(v => v != null && char.IsLower(v[0]));
        json.Should().Contain("\"proceedWithModifications\"").And.NotContain("ProceedWithModifications").And.NotContain("\"Contraindicated\"");
    }

    [Fact]
    public void The_output_is_indented_with_line_feeds_and_ends_with_one()
    {
        // Arrange
        var assessment = new Advisor().Assess(Example("gentle-plan.json"));

        // Act
        var json = AssessmentJson.Serialize(assessment);

        // Assert
        json.Should().StartWith("{\n  \"decision\"").And.EndWith("}\n").And.NotContain("\r");
    }

    [Fact]
    public void Unknown_facts_are_listed_as_json_paths()
    {
        // Arrange
        var assessment = new Advisor().Assess(Example("unknown-ankylosis.json"));

        // Act
        using var document = JsonDocument.Parse(AssessmentJson.Serialize(assessment));

        // Assert
        document.RootElement.GetProperty("unknownFacts").EnumerateArray().Select(f => f.GetString())
            .Should().Contain("$.patient.ankylosis");
    }

    [Fact]
    public void The_same_request_assessed_twice_gives_byte_identical_json()
    {
        // Arrange
        var advisor = new Advisor();
        var request = Example("unknown-ankylosis.json");

        // Act
        var first = AssessmentJson.Serialize(advisor.Assess(request));
        var second = AssessmentJson.Serialize(advisor.Assess(request));

        // Assert
        second.Should().Be(first);
    }

    [Fact]
    public void Two_advisors_give_byte_identical_json_for_the_same_request()
    {
        // Arrange
        var request = Example("manipulation-ankylosed-neck.json");

        // Act
        var first = AssessmentJson.Serialize(new Advisor().Assess(request));
        var second = AssessmentJson.Serialize(new Advisor(KnowledgeBase.BuiltIn).Assess(request));

        // Assert
        second.Should().Be(first);
    }

    [Fact]
    public void Parsing_the_same_text_twice_gives_byte_identical_json()
    {
        // Arrange
        var text = File.ReadAllText(ExamplePath("manipulation-ankylosed-neck.json"));

        // Act
        var first = AssessmentJson.Serialize(new Advisor().Assess(AssessmentRequestJson.Parse(text)));
        var second = AssessmentJson.Serialize(new Advisor().Assess(text));

        // Assert
        second.Should().Be(first);
    }

    [Fact]
    public void The_order_of_fields_in_the_request_does_not_change_the_output()
    {
        // Arrange
        var forwards = """
            { "patient": { "ankylosis": "present", "diseaseActivity": "flare", "smoker": "yes" },
              "plan": { "goals": ["relaxation"], "items": [ { "technique": "deepTissue", "region": "lumbar", "pressure": "firm" } ] } }
            """;
        var backwards = """
            { "plan": { "items": [ { "pressure": "firm", "region": "lumbar", "technique": "deepTissue" } ], "goals": ["relaxation"] },
              "patient": { "smoker": "yes", "diseaseActivity": "flare", "ankylosis": "present" } }
            """;

        // Act
        var first = AssessmentJson.Serialize(new Advisor().Assess(forwards));
        var second = AssessmentJson.Serialize(new Advisor().Assess(backwards));

        // Assert
        second.Should().Be(first);
    }

    [Fact]
    public void A_request_built_in_csharp_gives_the_same_json_as_the_same_request_read_from_json()
    {
        // Arrange
        var built = new AssessmentRequest(
            new PatientStatus
            {
                DiseaseActivity = DiseaseActivity.Stable,
                Ankylosis = AnkylosisStatus.Present,
                AnkylosedRegions = [BodyRegion.Cervical, BodyRegion.Thoracic],
                RestrictedSpinalMotion = Answer.Yes,
                NeurologicalSymptoms = [],
                NsaidResponse = NsaidResponse.Controlled,
                OnTnfInhibitor = Answer.No,
                ProviderConsulted = Answer.Yes,
                Smoker = Answer.No,
                DietHighInFriedOrSugaryFoods = Answer.No,
                PainScore = 4,
                StatusConfirmedOn = new DateOnly(2026, 11, 20),
            },
            new SessionPlan
            {
                AdministeredBy = Administrator.LicensedTherapist,
                TherapistInformedOfCondition = Answer.Yes,
                SessionDate = new DateOnly(2026, 11, 23),
                Goals = [SessionGoal.ImproveFlexibility],
                Items =
                [
                    new PlanItem(Technique.Effleurage, BodyRegion.Shoulders, Pressure.Light),
                    new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Moderate),
                ],
            });

        // Act
        var fromCSharp = AssessmentJson.Serialize(new Advisor().Assess(built));
        var fromJson = AssessmentJson.Serialize(new Advisor().Assess(Example("manipulation-ankylosed-neck.json")));

        // Assert
        fromCSharp.Should().Be(fromJson);
    }

    [Fact]
    public void Serializing_null_is_an_argument_error()
    {
        // Act
        var act = () => AssessmentJson.Serialize((Assessment)null!);

        // Assert
        act.Should().Throw<ArgumentNullException>();
    }

    private static string ExamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private static AssessmentRequest Example(string name) => AssessmentRequestJson.Parse(File.ReadAllText(ExamplePath(name)));

    [Fact]
    public void An_explanation_is_written_with_the_assessment_and_every_rule_verdict()
    {
        var request = AsMassageAdvisor.Tests.Knowledge.Scenario.Safe.WithItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Moderate)
            .WithAnkylosis(AnkylosisStatus.Present).Request;
        var explanation = new Advisor().Explain(request);

        using var document = JsonDocument.Parse(AssessmentJson.Serialize(explanation));

        var root = document.RootElement;
        root.GetProperty("decision").GetString().Should().Be("proceedWithModifications");
        root.GetProperty("advisories").GetArrayLength().Should().Be(explanation.Assessment.Advisories.Count);
        var rules = root.GetProperty("explanation").EnumerateArray().ToList();
        rules.Should().HaveCount(explanation.Rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = explanation.Rules[i];
            rules[i].GetProperty("code").GetString().Should().Be(rule.Code);
            rules[i].GetProperty("title").GetString().Should().Be(rule.Title);
            rules[i].GetProperty("verdict").GetString().Should().Be(JsonNames.Of(rule.Verdict));
            rules[i].GetProperty("items").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(rule.Items);
            rules[i].GetProperty("reason").GetString().Should().Be(rule.Reason);
            rules[i].GetProperty("facts").EnumerateArray().Select(x => x.GetString()).Should().Equal(rule.Facts);
        }

        rules.Should().Contain(r => r.GetProperty("code").GetString() == "ASM-001" && r.GetProperty("verdict").GetString() == "fired");
        FluentActions.Invoking(() => AssessmentJson.Serialize((Explanation)null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Every_advisory_says_whether_it_is_indeterminate()
    {
        var knowledgeBase = AsMassageAdvisor.Tests.Support.TestKnowledge.WithExtraRule("ASM-900", "patient", "info", "patient.PainScore.Value > 100");
        var request = AsMassageAdvisor.Tests.Knowledge.Scenario.Safe.WithPatient(p => p with { PainScore = null }).Request;

        using var document = JsonDocument.Parse(AssessmentJson.Serialize(new Advisor(knowledgeBase).Assess(request)));

        var advisories = document.RootElement.GetProperty("advisories").EnumerateArray().ToList();
        advisories.Should().OnlyContain(a => a.GetProperty("indeterminate").ValueKind == JsonValueKind.True || a.GetProperty("indeterminate").ValueKind == JsonValueKind.False);
        advisories.Single(a => a.GetProperty("code").GetString() == "ASM-900").GetProperty("indeterminate").GetBoolean().Should().BeTrue();
        advisories.Where(a => a.GetProperty("code").GetString() != "ASM-900").Should().OnlyContain(a => !a.GetProperty("indeterminate").GetBoolean());
    }
}
