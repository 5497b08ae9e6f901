using System.Text.Encodings.Web;
using System.Text.Json;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Tests.Properties;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Advice;

/// <summary>
/// The contract's JSON is written by the code the source generator emits for each type, not by the serializer's
/// run-time metadata (see <see cref="ContractJson"/>). These hold the two to the same bytes and the same refusals, so
/// that the faster path is never a different writer.
/// </summary>
public sealed class ContractJsonTests
{
    // What the serializer writes from the metadata, with the contract's options: the reference.
    private static readonly JsonSerializerOptions Metadata = new(ContractJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The same for the rule catalogue, written with its own context.
    private static readonly JsonSerializerOptions CatalogueMetadata = new(CatalogueJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Generated_assessments_and_explanations_are_written_as_the_metadata_writes_them()
    {
        foreach (var request in RandomRequests.Generate(seed: 1717, count: 200))
        {
            var explanation = Assessed.Advisor.Explain(request);
            var a = explanation.Assessment;

            AssessmentJson.Serialize(a).Should().Be(WithMetadata(a));
            AssessmentJson.Serialize(explanation).Should().Be(
                WithMetadata(new ExplainedAssessment(a.Decision, a.Advisories, a.UnknownFacts, a.SaferPlan, a.KnowledgeBase, explanation.Rules)));
        }
    }

    [Fact]
    public void The_rule_catalogue_with_and_without_clinic_rules_is_written_as_the_metadata_writes_it()
    {
        foreach (var knowledgeBase in new[] { KnowledgeBase.BuiltIn, KnowledgeBase.BuiltIn.WithClinicRules(ClinicRuleFiles.Example) })
        {
            var rules = knowledgeBase.Rules.Select(r => new CatalogueRule(
                r.Code, r.Title, r.Severity, r.Basis, r.Scope, r.When, r.Message, r.Requirements, r.Status, r.Version, r.LastReviewed,
                r.Triggers, r.SilentAbove, r.Change, r.Expression, knowledgeBase.CitationsOf(r))).ToArray();

            KnowledgeBaseJson.Serialize(knowledgeBase).Should().Be(WithMetadata(new RuleCatalogue(knowledgeBase.Identity, rules, knowledgeBase.Sources), CatalogueMetadata));
        }
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("quotes \" and backslashes \\ and a solidus /")]
    [InlineData("controls \u0000 \u0001 \t \n \r \u001f \u007f \u0085")]
    [InlineData("markup <b> & 'single' + `back` =")]
    [InlineData("letters Š ž é ß Ж 中文 and a pair 😀")]
    [InlineData("separators \u2028 \u2029, format \u200b \u200e \ufeff, private \ue000, unassigned \u0378, noncharacter \uffff")]
    [InlineData("a lone surrogate \ud800 in the middle")]
    public void Every_kind_of_text_is_escaped_as_the_metadata_escapes_it(string text)
    {
        var assessment = new Assessment
        {
            Decision = Decision.ProceedWithCaution,
            Advisories =
            [
                new Advisory
                {
                    Code = text,
                    Requirements = [text],
                    Severity = Severity.Caution,
                    Title = text,
                    Message = text,
                    Basis = Basis.Interpreted,
                    Items = [0, 2],
                    Triggers = [text],
                    Citations = [new Citation(text, text, text, text, new Evidence(text, text))],
                },
            ],
            UnknownFacts = [text],
            SaferPlan = null,
            KnowledgeBase = new KnowledgeBaseIdentity(text, text) { ClinicRules = new ClinicRulesIdentity(text, text, text) },
        };

        AssessmentJson.Serialize(assessment).Should().Be(WithMetadata(assessment));
    }

    [Fact]
    public void A_null_where_the_model_allows_none_is_refused_as_the_metadata_refuses_it()
    {
        var assessment = new Assessment
        {
            Decision = Decision.Proceed,
            Advisories = [],
            UnknownFacts = null!,
            KnowledgeBase = new KnowledgeBaseIdentity("1", "2"),
        };

        var generated = () => AssessmentJson.Serialize(assessment);
        var metadata = () => WithMetadata(assessment);

        generated.Should().Throw<JsonException>().WithMessage("*unknownFacts*");
        metadata.Should().Throw<JsonException>().WithMessage("*unknownFacts*");
    }

    [Fact]
    public void An_enum_value_the_contract_does_not_define_is_refused_as_the_metadata_refuses_it()
    {
        var assessment = new Assessment
        {
            Decision = (Decision)99,
            Advisories = [],
            UnknownFacts = [],
            KnowledgeBase = new KnowledgeBaseIdentity("1", "2"),
        };

        var generated = () => AssessmentJson.Serialize(assessment);
        var metadata = () => WithMetadata(assessment);

        generated.Should().Throw<JsonException>();
        metadata.Should().Throw<JsonException>();
    }

    private static string WithMetadata<T>(T value, JsonSerializerOptions? options = null) =>
        JsonSerializer.Serialize(value, typeof(T), options ?? Metadata) + "\n";
}
