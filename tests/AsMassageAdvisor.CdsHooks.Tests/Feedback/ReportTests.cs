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
        var title = AsMassageAdvisor.Knowledge.KnowledgeBase.BuiltIn.Rules.Single(r => r.Code == "ASM-001").Title;
        text.Should().Contain("\n           " + title + "\n", "each rule is named by its title under its row");
        document.Descendants().Should().Contain(e => e.Name.LocalName == "rect" && e.Value == $"ASM-001 {title}: 1 of 3 overridden");
        document.Descendants().Should().Contain(e => e.Name.LocalName == "text" && e.Value == title, "the chart names each rule by its title too");
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
        var body = await response.Content.ReadAsStringAsync();
        Http.ProblemPaths(body).Should().Contain(path);
        Http.Json(body).GetProperty("title").GetString().Should().Be("The report's query cannot be used; no report was made.", "the report has a title of its own, not the hook call's");
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

    [Fact]
    public async Task One_card_counts_one_outcome_per_client_the_latest_however_often_feedback_is_sent_about_it()
    {
        // Arrange: one card overridden 100 times in one call, then accepted later, then an override that is older still.
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var (card, suggestion) = await FeedbackBodies.IssueAsync(client);
        var overrides = Enumerable.Range(0, 100).Select(i =>
        {
            var entry = FeedbackBodies.Overridden(card)["feedback"]![0]!.AsObject();
            entry["outcomeTimestamp"] = $"2026-11-23T09:{i / 60:00}:{i % 60:00}Z";
            return (System.Text.Json.Nodes.JsonObject)entry.DeepClone();
        }).ToArray();
        var accepted = FeedbackBodies.Accepted(card, suggestion);
        accepted["feedback"]![0]!["outcomeTimestamp"] = "2026-11-23T10:00:00Z";
        var olderOverride = FeedbackBodies.Overridden(card);
        olderOverride["feedback"]![0]!["outcomeTimestamp"] = "2026-11-23T08:00:00Z";

        // Act
        (await Http.PostAsync(client, Http.Service + "/feedback", FeedbackBodies.Body(overrides))).Status.Should().Be(HttpStatusCode.OK);
        var afterOverrides = Rule(await client.GetStringAsync(Report + "?from=2020-01-01&to=2100-01-01"));
        (await Http.PostAsync(client, Http.Service + "/feedback", accepted)).Status.Should().Be(HttpStatusCode.OK);
        (await Http.PostAsync(client, Http.Service + "/feedback", olderOverride)).Status.Should().Be(HttpStatusCode.OK);
        var json = await client.GetStringAsync(Report + "?from=2020-01-01&to=2100-01-01");
        var text = await client.GetStringAsync(Report + "?from=2020-01-01&to=2100-01-01&format=text");

        // Assert
        afterOverrides.GetProperty("overridden").GetInt64().Should().Be(1);
        afterOverrides.GetProperty("reasons")[0].GetProperty("count").GetInt64().Should().Be(1, "100 overrides of one card are one outcome");
        var final = Rule(json);
        final.GetProperty("accepted").GetInt64().Should().Be(1, "the latest outcome wins");
        final.GetProperty("overridden").GetInt64().Should().Be(0, "an override older than the acceptance does not replace it");
        final.GetProperty("reasons").GetArrayLength().Should().Be(0);
        Http.Json(json).GetProperty("outcomesCounted").GetString().Should().Contain("latest");
        text.Should().Contain("one outcome per card and client");
    }

    [Fact]
    public async Task A_report_on_a_locked_sqlite_database_is_503_within_the_database_bound_not_after_the_lock()
    {
        // Arrange: a local trial (no token, so nothing is written before the report's own query), and another
        // connection that holds the database exclusively, readers included.
        using var host = CdsHooksHost.Start(trustTestClient: false, settings: new Dictionary<string, string?> { ["CdsHooks:AllowUnauthenticated"] = "true" });
        using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(20) };
        await FeedbackBodies.IssueAsync(client);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var locker = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + host.Database + ";Pooling=False");
        locker.Open();
        using (var exclusive = locker.CreateCommand())
        {
            exclusive.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; SELECT COUNT(*) FROM asma_schema;";
            exclusive.ExecuteScalar();
        }

        // Act: the client gives up after 20 s; the lock is held longer than that.
        using var response = await client.GetAsync(Report);
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
        body.Should().Contain("database").And.NotContain("locked");
    }

    private static System.Text.Json.JsonElement Rule(string body) =>
        Http.Json(body).GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("ruleCode").GetString() == "ASM-001");

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
