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
    public async Task A_version_3_database_keeps_the_latest_outcome_of_each_card_when_brought_to_version_4()
    {
        // Arrange: a database as version 3 left it, one card with three outcomes, the acceptance the latest.
        using var database = SharedDatabase.Sqlite();
        await database.MigratedStoreAsync();
        database.Execute("DROP INDEX feedback_card_client");
        database.Execute("ALTER TABLE feedback DROP COLUMN client_key");
        database.Execute("DELETE FROM asma_schema WHERE version = 4");
        foreach (var (outcome, at) in new[] { ("overridden", 1), ("accepted", 3), ("overridden", 2) })
        {
            database.Execute("INSERT INTO feedback (service, card, outcome, accepted_suggestions, had_comment, outcome_at_ms, received_at_ms) "
                + $"VALUES ('as-massage-safety', 'c1', '{outcome}', '', 0, {at}, 0)");
        }

        // Act
        await database.MigratedStoreAsync();

        // Assert
        database.Scalar("SELECT COUNT(*) FROM feedback").Should().Be(1);
        database.Scalar("SELECT outcome_at_ms FROM feedback").Should().Be(3);
    }

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

    [Fact]
    public async Task Feedback_about_a_card_issued_before_a_restart_is_taken_after_it()
    {
        // Arrange
        var file = CdsHooksHost.NewFeedbackFile();
        string card;
        using (var before = CdsHooksHost.Start(feedbackFile: file))
        {
            using var client = before.NewClient();
            (card, _) = await FeedbackBodies.IssueAsync(client);
        }

        // Act
        using var after = CdsHooksHost.Start(feedbackFile: file);
        using var afterClient = after.NewClient();
        var (status, _, _) = await Http.PostAsync(afterClient, Http.Service + "/feedback", FeedbackBodies.Overridden(card));

        // Assert
        status.Should().Be(HttpStatusCode.OK, "the card is checked against its row in the database");
        (await new SqliteFeedbackStore("Data Source=" + after.Database).ReportAsync(Always, Forever, CancellationToken.None))
            .Rules.Single(r => r.RuleCode == "ASM-001").Overridden.Should().Be(1);
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(file))!, recursive: true);
    }

    [PostgresFact]
    public async Task Feedback_about_a_card_one_replica_issued_is_taken_by_the_other_on_one_postgresql_database()
    {
        // Arrange
        using var database = new PostgresDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["CdsHooks:Feedback:Provider"] = "postgres",
            ["CdsHooks:Feedback:ConnectionString"] = database.ConnectionString,
        };
        using var one = CdsHooksHost.Start(settings: settings);
        using var two = CdsHooksHost.Start(settings: settings);
        using var clientOne = one.NewClient();
        using var clientTwo = two.NewClient();
        var (card, suggestion) = await FeedbackBodies.IssueAsync(clientOne);
        var (other, _) = await FeedbackBodies.IssueAsync(clientOne);

        // Act
        var accepted = await Http.PostAsync(clientTwo, Http.Service + "/feedback", FeedbackBodies.Accepted(card, suggestion));
        var overridden = await Http.PostAsync(clientTwo, Http.Service + "/feedback", FeedbackBodies.Overridden(other));
        var notOffered = await Http.PostAsync(clientTwo, Http.Service + "/feedback", FeedbackBodies.Overridden(other, code: "not-offered"));

        // Assert
        accepted.Status.Should().Be(HttpStatusCode.OK);
        overridden.Status.Should().Be(HttpStatusCode.OK);
        notOffered.Status.Should().Be(HttpStatusCode.BadRequest, "the card from the database is checked like one in memory");
        database.Count("feedback").Should().Be(2);
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
