using System.Net;
using System.Text.RegularExpressions;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Fhir;
using AsMassageAdvisor.Fhir.CdsHooks;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Reports;
using AsMassageAdvisor.Tests.Support;
using TextReport = AsMassageAdvisor.Cli.TextReport;

namespace AsMassageAdvisor.Tests.Reports;

/// <summary>
/// Every text meant for people (the text report, explanations, the session sheet, the cards) is in plain words: no
/// contract name, no JSON path, and items counted from 1. Checked over every example and 1,000 generated requests.
/// </summary>
public sealed partial class HumanTextTests
{
    public static TheoryData<string> Examples => new() { "gentle-plan", "manipulation-ankylosed-neck", "unknown-ankylosis" };

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_examples_are_shown_to_people_in_plain_words(string example)
    {
        var request = AssessmentRequestJson.Parse(File.ReadAllBytes(RepositoryFiles.Path("docs", "examples", example + ".json")));

        foreach (var (surface, text) in HumanTexts(request))
        {
            PlainProblems(text).Should().BeEmpty("{0} of {1} is read by people", surface, example);
        }
    }

    [Fact]
    public void A_thousand_generated_requests_are_shown_to_people_in_plain_words()
    {
        foreach (var request in RandomRequests.Generate(seed: 25, count: 1_000))
        {
            foreach (var (surface, text) in HumanTexts(request))
            {
                var problems = PlainProblems(text);
                if (problems.Count > 0)
                {
                    problems.Should().BeEmpty("{0} is read by people:\n{1}", surface, text);
                }
            }
        }
    }

    [Fact]
    public void The_json_keeps_the_contract_names_and_the_indexes()
    {
        var request = AssessmentRequestJson.Parse(File.ReadAllBytes(RepositoryFiles.Path("docs", "examples", "manipulation-ankylosed-neck.json")));
        var json = AssessmentJson.Serialize(new Advisor().Assess(request));

        json.Should().Contain("\"proceedWithModifications\"").And.Contain("item 1: spinalManipulation on cervical")
            .And.NotContain("TriggersInWords", "the words for people are not part of the contract").And.NotContain("triggersInWords");
    }

    private static IEnumerable<(string Surface, string Text)> HumanTexts(AssessmentRequest request)
    {
        var advisor = new Advisor();
        var explanation = advisor.Explain(request);
        var assessment = explanation.Assessment;
        yield return ("the text report", TextReport.Assessment(assessment, 200, request));
        yield return ("the explanation", TextReport.Explanation(explanation, 200));
        yield return ("the session sheet", VisibleText(SessionSheet.Render(request, assessment)));
        var cards = CdsCardBuilder.Build(assessment, new FhirMapping
        {
            Request = request,
            OrderReferences = request.Plan.Items.Select(_ => (string?)null).ToArray(),
            UnassessedOrders = [],
            Notes = [],
        });
        foreach (var card in cards.Cards)
        {
            yield return ("a card", card.Summary + "\n" + card.Detail + "\n" + string.Join("\n", card.Suggestions.Select(s => s.Label)));
        }
    }

    private static List<string> PlainProblems(string text)
    {
        var problems = ContractName().Matches(text).Select(m => $"contract name '{m.Value}'").ToList();
        problems.AddRange(JsonPath().Matches(text).Select(m => $"JSON path '{m.Value}'"));
        problems.AddRange(ItemZero().Matches(text).Select(m => $"'{m.Value}': people count from 1"));
        return problems;
    }

    // What the page shows: its text without the style sheet, the tags and their attributes.
    private static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(Style().Replace(html, ""), " "));

    // A camelCase word: how the contract spells a value or a field of more than one word (proceedWithModifications).
    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex ContractName();

    [GeneratedRegex(@"\$\.[a-z]")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"\bitems? 0\b")]
    private static partial Regex ItemZero();

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
