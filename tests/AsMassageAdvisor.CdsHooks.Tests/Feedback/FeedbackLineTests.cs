using AsMassageAdvisor.CdsHooks.Feedback;

namespace AsMassageAdvisor.CdsHooks.Tests.Feedback;

public sealed class FeedbackLineTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 10, 30, 1, 204, TimeSpan.FromHours(1));

    [Fact]
    public void An_override_is_written_as_one_line_with_the_offered_reason_and_only_whether_there_was_a_comment()
    {
        var entry = new FeedbackEntry(
            "3f1d9a52-6c1e-4a55-9b0e-2f6f8f0d1c77",
            "overridden",
            [],
            new FeedbackCoding("urn:as-massage-advisor:fhir:override-reason", "assessed-in-person", "The patient's risk is \"accepted\" <here>"),
            HadUserComment: true,
            new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

        var line = FeedbackFileExport.Line("as-massage-safety", Received, entry);

        line.Should().Be(
            """{"receivedAt":"2026-11-23T09:30:01.204Z","service":"as-massage-safety","card":"3f1d9a52-6c1e-4a55-9b0e-2f6f8f0d1c77","outcome":"overridden","acceptedSuggestions":[],"overrideReason":{"system":"urn:as-massage-advisor:fhir:override-reason","code":"assessed-in-person","display":"The patient\u0027s risk is \u0022accepted\u0022 \u003Chere\u003E"},"userComment":true,"outcomeTimestamp":"2026-11-23T09:30:00.000Z"}""");
    }

    [Fact]
    public void An_acceptance_lists_the_suggestions_and_writes_a_null_reason()
    {
        var entry = new FeedbackEntry("c1", "accepted", ["s1", "s2"], null, HadUserComment: false, new DateTimeOffset(2026, 11, 23, 9, 30, 0, 5, TimeSpan.Zero));

        var line = FeedbackFileExport.Line("as-massage-safety", Received, entry);

        line.Should().Be(
            """{"receivedAt":"2026-11-23T09:30:01.204Z","service":"as-massage-safety","card":"c1","outcome":"accepted","acceptedSuggestions":["s1","s2"],"overrideReason":null,"userComment":false,"outcomeTimestamp":"2026-11-23T09:30:00.005Z"}""");
    }
}
