using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsMassageAdvisor.CdsHooks.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Feedback;

public sealed class FeedbackTests
{
    private const string FeedbackPath = Http.Service + "/feedback";

    [Fact]
    public async Task Accepted_feedback_is_appended_to_the_file_as_one_json_line()
    {
        // Arrange
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var (card, suggestion) = await FeedbackBodies.IssueAsync(client);

        // Act
        var (status, _, _) = await Http.PostAsync(client, FeedbackPath, FeedbackBodies.Accepted(card, suggestion));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        var line = File.ReadAllLines(host.FeedbackFile).Should().ContainSingle().Subject;
        var entry = Http.Json(line);
        entry.GetProperty("service").GetString().Should().Be("as-massage-safety");
        entry.GetProperty("card").GetString().Should().Be(card);
        entry.GetProperty("outcome").GetString().Should().Be("accepted");
        entry.GetProperty("acceptedSuggestions").EnumerateArray().Select(s => s.GetString()).Should().Equal(suggestion);
        entry.GetProperty("overrideReason").ValueKind.Should().Be(JsonValueKind.Null);
        entry.GetProperty("outcomeTimestamp").GetString().Should().Be("2026-11-23T09:30:00.000Z");
        DateTimeOffset.Parse(entry.GetProperty("receivedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task An_override_keeps_the_offered_reason_in_the_services_words_and_no_free_text_of_the_client()
    {
        // Arrange
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var (card, _) = await FeedbackBodies.IssueAsync(client);
        var body = FeedbackBodies.Overridden(card, comment: "Mrs Example's neck was fused in 2019", display: "Mrs Example, born 1961, refused");

        // Act
        var (status, _, _) = await Http.PostAsync(client, FeedbackPath, body);

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        var text = File.ReadAllText(host.FeedbackFile);
        text.Should().NotContain("Mrs Example").And.NotContain("2019").And.NotContain("1961");
        var entry = Http.Json(text.Trim());
        entry.GetProperty("outcome").GetString().Should().Be("overridden");
        entry.GetProperty("overrideReason").GetProperty("code").GetString().Should().Be(FeedbackBodies.OfferedReason);
        entry.GetProperty("overrideReason").GetProperty("display").GetString().Should().Be("The patient was assessed in person and the risk is accepted");
        entry.GetProperty("userComment").GetBoolean().Should().BeTrue();
        entry.GetProperty("outcomeTimestamp").GetString().Should().Be("2026-11-23T09:30:00.000Z", "times are kept in UTC");
    }

    [Fact]
    public async Task Feedback_survives_a_restart_and_later_feedback_is_appended_after_it()
    {
        // Arrange
        var file = CdsHooksHost.NewFeedbackFile();
        using (var first = CdsHooksHost.Start(feedbackFile: file))
        using (var client = first.NewClient())
        {
            var (card, suggestion) = await FeedbackBodies.IssueAsync(client);
            (await Http.PostAsync(client, FeedbackPath, FeedbackBodies.Accepted(card, suggestion))).Status.Should().Be(HttpStatusCode.OK);
        }

        // Act
        using var second = CdsHooksHost.Start(feedbackFile: file);
        using var secondClient = second.NewClient();
        var (secondCard, _) = await FeedbackBodies.IssueAsync(secondClient);
        (await Http.PostAsync(secondClient, FeedbackPath, FeedbackBodies.Overridden(secondCard))).Status.Should().Be(HttpStatusCode.OK);

        // Assert
        File.ReadAllLines(file).Select(l => Http.Json(l).GetProperty("outcome").GetString()).Should().Equal("accepted", "overridden");
    }

    [Fact]
    public async Task Concurrent_feedback_gives_one_whole_line_per_entry()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var issued = new List<(string Card, string Suggestion)>();
        for (var i = 0; i < 40; i++)
        {
            issued.Add(await FeedbackBodies.IssueAsync(client));
        }

        var answers = await Task.WhenAll(issued.Select(c => Http.PostAsync(client, FeedbackPath, FeedbackBodies.Accepted(c.Card, c.Suggestion))));

        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.OK);
        File.ReadAllLines(host.FeedbackFile).Select(l => Http.Json(l).GetProperty("card").GetString())
            .Should().BeEquivalentTo(issued.Select(c => c.Card));
    }

    [Fact]
    public async Task Feedback_about_a_card_the_service_never_issued_is_400_and_nothing_is_stored()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();

        var (status, answer, _) = await Http.PostAsync(client, FeedbackPath, FeedbackBodies.Overridden(FeedbackBodies.UnknownCard));

        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(answer).Should().Contain("$.feedback[0].card");
        answer.Should().Contain("not a card this service issued");
        File.Exists(host.FeedbackFile).Should().BeFalse();
    }

    [Fact]
    public async Task An_override_reason_the_card_did_not_offer_is_400_and_nothing_is_stored()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var (card, _) = await FeedbackBodies.IssueAsync(client);

        var (status, answer, _) = await Http.PostAsync(client, FeedbackPath, FeedbackBodies.Overridden(card, code: "patient-says-so"));

        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(answer).Should().Contain("$.feedback[0].overrideReason.reason");
        File.Exists(host.FeedbackFile).Should().BeFalse();
    }

    [Fact]
    public async Task A_suggestion_that_is_not_the_cards_own_is_400()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var (card, _) = await FeedbackBodies.IssueAsync(client);

        var (status, answer, _) = await Http.PostAsync(client, FeedbackPath, FeedbackBodies.Accepted(card, Guid.NewGuid().ToString()));

        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(answer).Should().Contain("$.feedback[0].acceptedSuggestions");
    }

    [Fact]
    public async Task A_feedback_body_over_64_kb_is_refused_and_nothing_is_stored()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var (card, suggestion) = await FeedbackBodies.IssueAsync(client);
        var body = FeedbackBodies.Accepted(card, suggestion);
        body["padding"] = new string('x', 70 * 1024);

        var (status, answer, _) = await Http.PostAsync(client, FeedbackPath, body);

        status.Should().Be(HttpStatusCode.BadRequest);
        answer.Should().Contain("larger than 65536 bytes");
        File.Exists(host.FeedbackFile).Should().BeFalse();
    }

    [Fact]
    public async Task Feedback_beyond_the_per_client_rate_is_429_and_what_came_before_is_kept()
    {
        // Arrange
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:FeedbackPermitsPerMinute"] = "3" });
        using var client = host.NewClient();
        var (card, suggestion) = await FeedbackBodies.IssueAsync(client);

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await Http.PostAsync(client, FeedbackPath, FeedbackBodies.Accepted(card, suggestion))).Status);
        }

        // Assert
        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
        File.ReadAllLines(host.FeedbackFile).Should().HaveCount(3);
    }

    [Fact]
    public async Task The_feedback_file_is_rotated_at_its_size_cap_and_no_entry_below_the_caps_is_lost()
    {
        // Arrange: a cap of about two lines, two rotated files kept.
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?>
        {
            ["CdsHooks:MaxFeedbackFileBytes"] = "600",
            ["CdsHooks:FeedbackFilesKept"] = "2",
        });
        using var client = host.NewClient();
        var (card, suggestion) = await FeedbackBodies.IssueAsync(client);

        // Act
        for (var i = 0; i < 5; i++)
        {
            (await Http.PostAsync(client, FeedbackPath, FeedbackBodies.Accepted(card, suggestion))).Status.Should().Be(HttpStatusCode.OK);
        }

        // Assert
        var folder = Path.GetDirectoryName(host.FeedbackFile)!;
        var files = new[] { host.FeedbackFile, Path.Combine(folder, "feedback.1.jsonl"), Path.Combine(folder, "feedback.2.jsonl") };
        files.Should().OnlyContain(f => File.Exists(f) && new FileInfo(f).Length <= 600);
        files.Sum(f => File.ReadAllLines(f).Length).Should().Be(5);
        Directory.GetFiles(folder).Should().HaveCount(3, "no more than the kept rotations");
    }

    [Fact]
    public async Task Feedback_without_a_token_is_401_and_nothing_is_stored()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var (card, suggestion) = await FeedbackBodies.IssueAsync(client);
        using var anonymous = host.NewAnonymousClient();

        var (status, answer, mediaType) = await Http.PostAsync(anonymous, FeedbackPath, FeedbackBodies.Accepted(card, suggestion));

        status.Should().Be(HttpStatusCode.Unauthorized);
        mediaType.Should().Be("application/problem+json");
        answer.Should().Contain("no Authorization header");
        File.Exists(host.FeedbackFile).Should().BeFalse();
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "{}", "$.feedback" },
        { "{\"feedback\": []}", "$.feedback" },
        { "{\"feedback\": {}}", "$.feedback" },
        { "[1]", "$" },
        { "{\"feedback\": [", "$" },
        { "{\"feedback\": [42]}", "$.feedback[0]" },
        { "{\"feedback\": [{\"outcome\": \"accepted\", \"acceptedSuggestions\": [{\"id\": \"x\"}], \"outcomeTimestamp\": \"2026-11-23T09:30:00Z\"}]}", "$.feedback[0].card" },
        { "{\"feedback\": [{\"card\": \"not-a-uuid\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-11-23T09:30:00Z\"}]}", "$.feedback[0].card" },
        { "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"ignored\", \"outcomeTimestamp\": \"2026-11-23T09:30:00Z\"}]}", "$.feedback[0].outcome" },
        { "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-11-23T09:30:00Z\"}]}", "$.feedback[0].acceptedSuggestions" },
        { "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"overridden\", \"acceptedSuggestions\": [{\"id\": \"x\"}], \"outcomeTimestamp\": \"2026-11-23T09:30:00Z\"}]}", "$.feedback[0].acceptedSuggestions" },
        { "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"overridden\", \"overrideReason\": {\"reason\": {\"system\": \"s\"}}, \"outcomeTimestamp\": \"2026-11-23T09:30:00Z\"}]}", "$.feedback[0].overrideReason.reason.code" },
        { "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"overridden\", \"overrideReason\": {\"userComment\": 5}, \"outcomeTimestamp\": \"2026-11-23T09:30:00Z\"}]}", "$.feedback[0].overrideReason.userComment" },
        { "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"overridden\"}]}", "$.feedback[0].outcomeTimestamp" },
        { "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"yesterday\"}]}", "$.feedback[0].outcomeTimestamp" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_feedback_is_400_naming_the_field_and_nothing_is_stored(string body, string path)
    {
        // Arrange
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();

        // Act
        var (status, answer, mediaType) = await Http.PostAsync(client, FeedbackPath, body);

        // Assert
        status.Should().Be(HttpStatusCode.BadRequest);
        mediaType.Should().Be("application/problem+json");
        Http.ProblemPaths(answer).Should().Contain(path);
        File.Exists(host.FeedbackFile).Should().BeFalse();
    }

    [Fact]
    public async Task One_bad_entry_rejects_the_whole_body()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var (card, suggestion) = await FeedbackBodies.IssueAsync(client);
        var body = FeedbackBodies.Accepted(card, suggestion);
        body["feedback"]!.AsArray().Add(new JsonObject { ["card"] = card, ["outcome"] = "maybe" });

        var (status, answer, _) = await Http.PostAsync(client, FeedbackPath, body);

        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(answer).Should().Contain(["$.feedback[1].outcome", "$.feedback[1].outcomeTimestamp"]);
        File.Exists(host.FeedbackFile).Should().BeFalse();
    }

    [Fact]
    public async Task Sixty_four_kilobytes_of_bad_feedback_gets_a_small_answer_listing_the_first_20_and_a_count()
    {
        // Arrange: 100 entries, each of unknown fields and an unknown card; before the bound the answer was 573 KB.
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var entries = Enumerable.Range(0, 100).Select(i =>
        {
            var entry = new JsonObject { ["card"] = FeedbackBodies.UnknownCard, ["outcome"] = "maybe" };
            for (var f = 0; f < 40; f++)
            {
                entry[$"x{f}"] = 0;
            }

            return entry;
        }).ToArray();
        var body = FeedbackBodies.Body(entries).ToJsonString();
        body.Length.Should().BeLessThan(64 * 1024);

        // Act
        var (status, answer, _) = await Http.PostAsync(client, FeedbackPath, body);

        // Assert
        status.Should().Be(HttpStatusCode.BadRequest);
        answer.Length.Should().BeLessThan(16 * 1024);
        Http.ProblemPaths(answer).Should().HaveCountLessThanOrEqualTo(21);
        Http.Json(answer).GetProperty("problems").EnumerateArray().Last().GetProperty("message").GetString()
            .Should().MatchRegex("^and [0-9]+ more problems not listed");
    }

    [Theory]
    [InlineData("card", "$.feedback[0].card")]
    [InlineData("outcome", "$.feedback[0].outcome")]
    [InlineData("outcomeTimestamp", "$.feedback[0].outcomeTimestamp")]
    [InlineData("userComment", "$.feedback[0].overrideReason.userComment")]
    [InlineData("code", "$.feedback[0].overrideReason.reason.code")]
    public async Task An_unpaired_surrogate_in_a_feedback_field_is_400_naming_the_field(string field, string path)
    {
        // Arrange
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var (card, _) = await FeedbackBodies.IssueAsync(client);
        var body = FeedbackBodies.Overridden(card, comment: "a comment");
        var entry = body["feedback"]![0]!.AsObject();
        var target = field switch
        {
            "userComment" => entry["overrideReason"]!.AsObject(),
            "code" => entry["overrideReason"]!["reason"]!.AsObject(),
            _ => entry,
        };
        target[field] = "SURROGATE";
        var text = body.ToJsonString().Replace("\"SURROGATE\"", "\"\\ud800\"", StringComparison.Ordinal);

        // Act
        var (status, answer, _) = await Http.PostAsync(client, FeedbackPath, text);

        // Assert
        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(answer).Should().Contain(path);
    }
}
