using System.Net;
using System.Xml.Linq;
using AsMassageAdvisor.CdsHooks.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Feedback;

/// <summary>The override-rate report at <c>GET /cds-services/as-massage-safety/report</c>.</summary>
public sealed class ReportTests
{
    private const string Report = Http.Service + "/report";

    [Fact]
    public async Task The_report_counts_cards_shown_accepted_and_overridden_per_rule_with_the_reasons()
    {
        // Arrange
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        await GiveFeedbackAsync(client);

        // Act
        using var response = await client.GetAsync(Report + "?from=2020-01-01&to=2100-01-01&format=json");
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var json = Http.Json(body);
        json.GetProperty("from").GetString().Should().StartWith("2020-01-01T00:00:00");
        var rule = json.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("ruleCode").GetString() == "ASM-001");
        rule.GetProperty("shown").GetInt64().Should().Be(3);
        rule.GetProperty("accepted").GetInt64().Should().Be(1);
        rule.GetProperty("overridden").GetInt64().Should().Be(1);
        rule.GetProperty("overrideRate").GetDouble().Should().BeApproximately(1.0 / 3, 1e-9);
        rule.GetProperty("reasons")[0].GetProperty("code").GetString().Should().Be(FeedbackBodies.OfferedReason);
        rule.GetProperty("reasons")[0].GetProperty("count").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task The_report_is_also_a_text_table_and_an_svg_bar_chart()
    {
        // Arrange
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        await GiveFeedbackAsync(client);

        // Act
        var text = await client.GetStringAsync(Report + "?format=text");
        using var svgResponse = await client.GetAsync(Report + "?format=svg");
        var svg = await svgResponse.Content.ReadAsStringAsync();

        // Assert
        text.Should().Contain("override rate").And.MatchRegex(@"ASM-001\s+3\s+1\s+1\s+33[.,]3\s?%\s+assessed-in-person ×1");
        svgResponse.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        var document = XDocument.Parse(svg);
        document.Root!.Name.LocalName.Should().Be("svg");
        document.Descendants().Should().Contain(e => e.Name.LocalName == "rect" && e.Value.Contains("ASM-001: 1 of 3 overridden"));
        svg.Should().NotContain("<script");
    }

    [Fact]
    public async Task The_report_without_a_token_is_401()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewAnonymousClient();

        using var response = await client.GetAsync(Report);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("?from=yesterday", "$.from")]
    [InlineData("?from=2026-02-01&to=2026-01-01", "$.from")]
    [InlineData("?format=pdf", "$.format")]
    public async Task A_bad_range_or_format_is_400_naming_the_parameter(string query, string path)
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();

        using var response = await client.GetAsync(Report + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(await response.Content.ReadAsStringAsync()).Should().Contain(path);
    }

    [Fact]
    public async Task Cards_shown_outside_the_range_are_not_counted()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        await GiveFeedbackAsync(client);

        var json = Http.Json(await client.GetStringAsync(Report + "?from=2020-01-01&to=2020-02-01"));

        json.GetProperty("rules").GetArrayLength().Should().Be(0);
    }

    // Three answers with the critical ASM-001 card: one accepted, one overridden, one left alone.
    private static async Task GiveFeedbackAsync(HttpClient client)
    {
        var (first, suggestion) = await FeedbackBodies.IssueAsync(client);
        var (second, _) = await FeedbackBodies.IssueAsync(client);
        await FeedbackBodies.IssueAsync(client);
        (await Http.PostAsync(client, Http.Service + "/feedback", FeedbackBodies.Accepted(first, suggestion))).Status.Should().Be(HttpStatusCode.OK);
        (await Http.PostAsync(client, Http.Service + "/feedback", FeedbackBodies.Overridden(second))).Status.Should().Be(HttpStatusCode.OK);
    }
}
