using System.Net;
using AsMassageAdvisor.CdsHooks.Feedback;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AsMassageAdvisor.CdsHooks.Tests.Feedback;

/// <summary>Feedback and issued cards kept in the database, on SQLite and on a real PostgreSQL server.</summary>
public sealed class FeedbackDatabaseTests
{
    private static readonly DateTimeOffset Always = DateTimeOffset.UnixEpoch;
    private static readonly DateTimeOffset Forever = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Cards_shown_and_feedback_are_kept_in_the_sqlite_database_and_counted_per_rule()
    {
        // Arrange
        using var host = CdsHooksHost.Start();
        using var client = host.NewClient();
        var (first, suggestion) = await FeedbackBodies.IssueAsync(client);
        var (second, _) = await FeedbackBodies.IssueAsync(client);

        // Act
        (await Http.PostAsync(client, Http.Service + "/feedback", FeedbackBodies.Accepted(first, suggestion))).Status.Should().Be(HttpStatusCode.OK);
        (await Http.PostAsync(client, Http.Service + "/feedback", FeedbackBodies.Overridden(second, comment: "free text about the patient"))).Status.Should().Be(HttpStatusCode.OK);

        // Assert
        var report = await new SqliteFeedbackStore("Data Source=" + host.Database).ReportAsync(Always, Forever, CancellationToken.None);
        AssertTwoCallsCounted(report);
        using var connection = new SqliteConnection("Data Source=" + host.Database);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM feedback";
        ((long)command.ExecuteScalar()!).Should().Be(2);
    }

    [Fact]
    public async Task The_sqlite_database_is_kept_across_a_restart_and_its_schema_is_not_made_twice()
    {
        // Arrange
        var file = CdsHooksHost.NewFeedbackFile();
        using (var before = CdsHooksHost.Start(feedbackFile: file))
        {
            using var client = before.NewClient();
            var (card, suggestion) = await FeedbackBodies.IssueAsync(client);
            (await Http.PostAsync(client, Http.Service + "/feedback", FeedbackBodies.Accepted(card, suggestion))).Status.Should().Be(HttpStatusCode.OK);
        }

        // Act
        using var after = CdsHooksHost.Start(feedbackFile: file);
        var report = await new SqliteFeedbackStore("Data Source=" + after.Database).ReportAsync(Always, Forever, CancellationToken.None);

        // Assert
        report.Rules.Sum(r => r.Accepted).Should().Be(1);
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(file))!, recursive: true);
    }

    [PostgresFact]
    public async Task Cards_shown_and_feedback_are_kept_in_postgresql_and_counted_per_rule()
    {
        // Arrange
        using var database = new PostgresDatabase();
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?>
        {
            ["CdsHooks:Feedback:Provider"] = "postgres",
            ["CdsHooks:Feedback:ConnectionString"] = database.ConnectionString,
        });
        using var client = host.NewClient();
        var (first, suggestion) = await FeedbackBodies.IssueAsync(client);
        var (second, _) = await FeedbackBodies.IssueAsync(client);

        // Act
        (await Http.PostAsync(client, Http.Service + "/feedback", FeedbackBodies.Accepted(first, suggestion))).Status.Should().Be(HttpStatusCode.OK);
        (await Http.PostAsync(client, Http.Service + "/feedback", FeedbackBodies.Overridden(second))).Status.Should().Be(HttpStatusCode.OK);

        // Assert
        await using var store = new PostgresFeedbackStore(database.ConnectionString);
        AssertTwoCallsCounted(await store.ReportAsync(Always, Forever, CancellationToken.None));
        database.Count("feedback").Should().Be(2);
    }

    [Fact]
    public void A_postgres_provider_without_a_connection_string_stops_the_start_naming_the_setting()
    {
        var start = () => CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:Feedback:Provider"] = "postgres", ["CdsHooks:Feedback:ConnectionString"] = null });

        start.Should().Throw<Exception>().Which.ToString().Should().Contain("CdsHooks:Feedback:ConnectionString");
    }

    private static void AssertTwoCallsCounted(FeedbackReport report)
    {
        var rule = report.Rules.Should().ContainSingle(r => r.Accepted + r.Overridden > 0).Subject;
        rule.RuleCode.Should().Be("ASM-001");
        rule.Shown.Should().Be(2);
        rule.Accepted.Should().Be(1);
        rule.Overridden.Should().Be(1);
        rule.OverrideRate.Should().Be(0.5);
        rule.Reasons.Should().Equal(new ReasonCount(FeedbackBodies.OfferedReason, 1));
        report.Rules.Sum(r => r.Shown).Should().BeGreaterThan(2, "the information card of each answer is shown too, under 'none'");
    }
}
