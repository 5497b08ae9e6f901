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

        // Act
        var (status, _, _) = await Http.PostAsync(client, FeedbackPath, FeedbackBodies.Accepted());

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        var line = File.ReadAllLines(host.FeedbackFile).Should().ContainSingle().Subject;
        var entry = Http.Json(line);
        entry.GetProperty("service").GetString().Should().Be("as-massage-safety");
        entry.GetProperty("card").GetString().Should().Be(FeedbackBodies.Card);
        entry.GetProperty("outcome").GetString().Should().Be("accepted");
        entry.GetProperty("acceptedSuggestions").EnumerateArray().Select(s => s.GetString()).Should().Equal(FeedbackBodies.Suggestion);
        entry.GetProperty("overrideReason").ValueKind.Should().Be(JsonValueKind.Null);
        entry.GetProperty("outcomeTimestamp").GetString().Should().Be("2026-11-23T09:30:00.000Z");
        DateTimeOffset.Parse(entry.GetProperty("receivedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task An_override_keeps_the_coded_reason_but_not_the_words_of_the_comment()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();

        var (status, _, _) = await Http.PostAsync(
            client, "/cds-services/as-massage-safety-order-select/feedback", FeedbackBodies.Overridden("Mrs Example's neck was fused in 2019"));

        status.Should().Be(HttpStatusCode.OK);
        var text = File.ReadAllText(host.FeedbackFile);
        text.Should().NotContain("Mrs Example").And.NotContain("2019");
        var entry = Http.Json(text.Trim());
        entry.GetProperty("service").GetString().Should().Be("as-massage-safety-order-select");
        entry.GetProperty("outcome").GetString().Should().Be("overridden");
        entry.GetProperty("overrideReason").GetProperty("code").GetString().Should().Be("clinically-reviewed");
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
            (await Http.PostAsync(client, FeedbackPath, FeedbackBodies.Accepted())).Status.Should().Be(HttpStatusCode.OK);
        }

        // Act
        using var second = CdsHooksHost.Start(feedbackFile: file);
        using var secondClient = second.NewClient();
        (await Http.PostAsync(secondClient, FeedbackPath, FeedbackBodies.Overridden())).Status.Should().Be(HttpStatusCode.OK);

        // Assert
        File.ReadAllLines(file).Select(l => Http.Json(l).GetProperty("outcome").GetString()).Should().Equal("accepted", "overridden");
    }

    [Fact]
    public async Task Concurrent_feedback_gives_one_whole_line_per_entry()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var cards = Enumerable.Range(0, 64).Select(i => new Guid(i, 0, 0, new byte[8]).ToString()).ToList();

        var answers = await Task.WhenAll(cards.Select(card => Http.PostAsync(client, FeedbackPath, FeedbackBodies.Accepted(card))));

        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.OK);
        File.ReadAllLines(host.FeedbackFile).Select(l => Http.Json(l).GetProperty("card").GetString())
            .Should().BeEquivalentTo(cards);
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
        var body = FeedbackBodies.Accepted();
        body["feedback"]!.AsArray().Add(new JsonObject { ["card"] = FeedbackBodies.Card, ["outcome"] = "maybe" });

        var (status, answer, _) = await Http.PostAsync(client, FeedbackPath, body);

        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(answer).Should().Contain(["$.feedback[1].outcome", "$.feedback[1].outcomeTimestamp"]);
        File.Exists(host.FeedbackFile).Should().BeFalse();
    }
}
