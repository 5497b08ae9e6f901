using System.Globalization;
using System.Text;
using System.Text.Json;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.Tests.Advice;

public sealed class KnowledgeBaseJsonTests
{
    [Fact]
    public void The_rule_catalogue_has_every_field_of_the_contract()
    {
        // Act
        using var document = JsonDocument.Parse(KnowledgeBaseJson.Serialize(KnowledgeBase.BuiltIn));

        // Assert
        var root = document.RootElement;
        var identity = root.GetProperty("knowledgeBase");
        identity.GetProperty("version").GetString().Should().Be(KnowledgeBase.BuiltIn.Identity.Version);
        identity.GetProperty("sha256").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        var rules = root.GetProperty("rules");
        rules.EnumerateArray().Select(r => r.GetProperty("code").GetString())
            .Should().Equal(KnowledgeBase.BuiltIn.Rules.Select(r => r.Code));
        rules.GetArrayLength().Should().BeGreaterThanOrEqualTo(29);
        foreach (var r in rules.EnumerateArray())
        {
            r.GetProperty("code").GetString().Should().MatchRegex("^ASM-[0-9]{3}$");
            r.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
            r.GetProperty("severity").GetString().Should().BeOneOf("info", "caution", "warning", "contraindicated", "stop");
            r.GetProperty("basis").GetString().Should().BeOneOf("stated", "interpreted");
            r.GetProperty("scope").GetString().Should().BeOneOf("patient", "item");
            r.GetProperty("when").GetString().Should().NotBeNullOrWhiteSpace();
            r.GetProperty("requirements").EnumerateArray().Should().NotBeEmpty()
                .And.OnlyContain(q => q.ValueKind == JsonValueKind.String && q.GetString()!.Length > 0);
            r.GetProperty("status").GetString().Should().BeOneOf("production", "testing", "research", "expired");
            r.GetProperty("version").GetString().Should().NotBeNullOrWhiteSpace();
            var lastReviewed = r.GetProperty("lastReviewed").GetString();
            lastReviewed.Should().MatchRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
            DateOnly.TryParseExact(lastReviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _).Should().BeTrue();
            var citations = r.GetProperty("citations");
            citations.GetArrayLength().Should().BePositive();
            foreach (var c in citations.EnumerateArray())
            {
                c.GetProperty("source").GetString().Should().NotBeNullOrWhiteSpace();
                c.GetProperty("section").GetString().Should().NotBeNullOrWhiteSpace();
                var evidence = c.GetProperty("evidence");
                evidence.GetProperty("scheme").GetString().Should().Be("SORT");
                evidence.GetProperty("level").GetString().Should().BeOneOf("A", "B", "C");
            }
        }
    }

    [Fact]
    public void Rules_are_listed_by_code_without_repeats()
    {
        // Act
        using var document = JsonDocument.Parse(KnowledgeBaseJson.Serialize(KnowledgeBase.BuiltIn));

        // Assert
        var codes = document.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();
        codes.Should().OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal);
        codes.Should().Contain("ASM-001");
    }

    [Fact]
    public void The_rule_catalogue_is_byte_identical_when_written_twice()
    {
        // Act
        var first = KnowledgeBaseJson.Serialize(KnowledgeBase.BuiltIn);
        var second = KnowledgeBaseJson.Serialize(KnowledgeBase.BuiltIn);

        // Assert
        second.Should().Be(first);
    }

    [Fact]
    public void The_knowledge_base_identity_is_stable_across_calls_and_loads()
    {
        // Arrange
        var rules = Resource("AsMassageAdvisor.Knowledge.rules.json");
        var sources = Resource("AsMassageAdvisor.Knowledge.sources.json");

        // Act
        var first = KnowledgeBase.BuiltIn.Identity.Sha256;
        var second = KnowledgeBase.BuiltIn.Identity.Sha256;
        var reloaded = KnowledgeBase.Load(rules, sources).Identity.Sha256;
        var reloadedAgain = KnowledgeBase.Load(rules, sources).Identity.Sha256;

        // Assert
        first.Should().MatchRegex("^[0-9a-f]{64}$");
        second.Should().Be(first);
        reloaded.Should().Be(first);
        reloadedAgain.Should().Be(first);
    }

    [Fact]
    public void An_assessment_names_the_same_knowledge_base_identity_as_the_rule_catalogue()
    {
        // Arrange
        var request = """{ "patient": {}, "plan": { "items": [ { "technique": "effleurage", "region": "legs" } ] } }""";

        // Act
        using var assessment = JsonDocument.Parse(AssessmentJson.Serialize(new Advisor().Assess(request)));
        using var catalogue = JsonDocument.Parse(KnowledgeBaseJson.Serialize(KnowledgeBase.BuiltIn));

        // Assert
        assessment.RootElement.GetProperty("knowledgeBase").GetRawText()
            .Should().Be(catalogue.RootElement.GetProperty("knowledgeBase").GetRawText());
    }

    private static string Resource(string name)
    {
        using var stream = typeof(KnowledgeBase).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("missing resource " + name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Each_rule_carries_its_message_triggers_and_expression_and_each_source_its_bibliographic_data()
    {
        var knowledgeBase = KnowledgeBase.BuiltIn;

        using var document = JsonDocument.Parse(KnowledgeBaseJson.Serialize(knowledgeBase));

        var rules = document.RootElement.GetProperty("rules").EnumerateArray().ToList();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = knowledgeBase.Rules[i];
            rules[i].GetProperty("message").GetString().Should().Be(rule.Message);
            rules[i].GetProperty("expression").GetString().Should().Be(rule.Expression);
            rules[i].GetProperty("triggers").EnumerateArray().Select(t => t.GetString()).Should().Equal(rule.Triggers);
        }

        var sources = document.RootElement.GetProperty("sources").EnumerateArray().ToList();
        sources.Select(s => s.GetProperty("id").GetString()).Should().Equal(knowledgeBase.Sources.Select(s => s.Id));
        for (var i = 0; i < sources.Count; i++)
        {
            var source = knowledgeBase.Sources[i];
            sources[i].GetProperty("label").GetString().Should().Be(source.Label);
            sources[i].GetProperty("kind").GetString().Should().Be(source.Kind);
            var doi = sources[i].GetProperty("doi");
            (doi.ValueKind == JsonValueKind.Null ? null : doi.GetString()).Should().Be(source.Doi);
            sources[i].GetProperty("sections").EnumerateArray().Select(x => x.GetString()).Should().Equal(source.Sections);
        }

        FluentActions.Invoking(() => KnowledgeBaseJson.Serialize(null!)).Should().Throw<ArgumentNullException>();
    }
}
