using System.Data.Common;
using System.Net;
using AsMassageAdvisor.CdsHooks.Feedback;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using AsMassageAdvisor.Fhir.CdsHooks;
using Microsoft.Extensions.DependencyInjection;

namespace AsMassageAdvisor.CdsHooks.Tests.Health;

/// <summary>The probes <c>/health/live</c> and <c>/health/ready</c>, taken without a token.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task A_running_service_is_live_and_ready_with_the_knowledge_base_and_the_database_healthy()
    {
        using var host = CdsHooksHost.Start();
        using var client = host.NewAnonymousClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = Http.Json(await ready.Content.ReadAsStringAsync());
        json.GetProperty("status").GetString().Should().Be("Healthy");
        json.GetProperty("checks").GetProperty("knowledge-base").GetString().Should().Be("Healthy");
        json.GetProperty("checks").GetProperty("feedback-database").GetString().Should().Be("Healthy");
    }

    [Fact]
    public async Task A_database_that_does_not_answer_makes_the_service_not_ready_but_still_live_and_tells_nothing_else()
    {
        using var host = CdsHooksHost.Start(replaceServices: services => services.AddSingleton<IFeedbackStore, UnreachableStore>());
        using var client = host.NewAnonymousClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var body = await ready.Content.ReadAsStringAsync();
        Http.Json(body).GetProperty("checks").GetProperty("feedback-database").GetString().Should().Be("Unhealthy");
        body.Should().NotContain("db.internal").And.NotContain("5432");
    }

    [Fact]
    public async Task A_sqlite_database_another_process_holds_the_write_lock_of_makes_the_service_not_ready()
    {
        // Arrange: readers still get through (write-ahead log), but nothing can be written.
        using var host = CdsHooksHost.Start();
        using var client = host.NewAnonymousClient();
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var locker = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + host.Database + ";Pooling=False");
        locker.Open();
        using var hold = locker.BeginTransaction(deferred: false);

        // Act
        using var ready = await client.GetAsync("/health/ready");
        hold.Rollback();
        using var again = await client.GetAsync("/health/ready");

        // Assert
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "a database that cannot be written cannot keep feedback or the cards shown");
        Http.Json(await ready.Content.ReadAsStringAsync()).GetProperty("checks").GetProperty("feedback-database").GetString().Should().Be("Unhealthy");
        again.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A store whose server has gone away after the start.</summary>
    private sealed class UnreachableStore : IFeedbackStore
    {
        public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecordIssuedAsync(string serviceId, IReadOnlyList<CdsCard> cards, DateTimeOffset issuedAt, CancellationToken cancellationToken) => throw Gone();

        public Task<IReadOnlyDictionary<string, IssuedCard>> FindIssuedAsync(IReadOnlyCollection<string> uuids, CancellationToken cancellationToken) => throw Gone();

        public Task AppendAsync(string serviceId, string clientKey, IReadOnlyList<FeedbackEntry> entries, DateTimeOffset receivedAt, CancellationToken cancellationToken) => throw Gone();

        public Task<FeedbackReport> ReportAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => throw Gone();

        public Task PingAsync(CancellationToken cancellationToken) => throw Gone();

        private static GoneException Gone() => new("connection to db.internal:5432 refused");
    }

    private sealed class GoneException(string message) : DbException(message);
}
