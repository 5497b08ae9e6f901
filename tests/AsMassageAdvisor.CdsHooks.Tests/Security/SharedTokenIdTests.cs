using System.Net;
using AsMassageAdvisor.CdsHooks.Feedback;
using AsMassageAdvisor.CdsHooks.Security;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using AsMassageAdvisor.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AsMassageAdvisor.CdsHooks.Tests.Security;

/// <summary>
/// Token ids shared through the service's database: two replicas behind one public address, on one SQLite file
/// or one PostgreSQL database. A token taken by one is refused by the other, also when many calls race with it,
/// and after a restart; a database that does not answer refuses the token; a running service deletes the ids of
/// expired tokens.
/// </summary>
public sealed class SharedTokenIdTests
{
    private const string PublicBaseUrl = "https://cds.hospital.example";
    private static readonly ClientKeys Keys = ClientKeys.Trusted;

    [Fact]
    public async Task A_token_taken_before_a_restart_is_refused_after_it()
    {
        // Arrange
        using var database = SharedDatabase.Sqlite();
        var token = Keys.Token(PublicBaseUrl + Http.Service);
        using (var before = StartReplica(database))
        {
            (await CallAsync(before, token)).Status.Should().Be(HttpStatusCode.OK);
        }

        // Act: the new process remembers nothing; the database does.
        using var after = StartReplica(database);
        var (status, body, _) = await CallAsync(after, token);

        // Assert
        status.Should().Be(HttpStatusCode.Unauthorized);
        body.Should().Contain("used before");
    }

    [Fact]
    public async Task When_the_database_does_not_answer_the_token_is_refused_with_a_503_that_tells_nothing_of_it_and_is_taken_once_it_answers()
    {
        // Arrange
        using var logs = new CapturingLoggerProvider();
        using var host = CdsHooksHost.Start(logs: logs, replaceServices: SwitchableStore.PutInFront);
        var store = (SwitchableStore)host.Services.GetRequiredService<ITokenIdStore>();
        var endpoint = new Uri(host.Address, Http.Service);
        var token = Keys.Token(endpoint.AbsoluteUri);

        // Act
        store.Down = true;
        var (status, body, headers) = await Http.PostWithTokenAsync(endpoint, token);
        store.Down = false;
        var later = await Http.PostWithTokenAsync(endpoint, token);
        var replay = await Http.PostWithTokenAsync(endpoint, token);

        // Assert
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        headers.RetryAfter.Should().NotBeNull();
        var problem = Http.Json(body);
        problem.GetProperty("status").GetInt32().Should().Be(503);
        problem.GetProperty("title").GetString().Should().Contain("could not be checked");
        problem.TryGetProperty("cards", out _).Should().BeFalse();
        body.Should().NotContain(SwitchableStore.Secret).And.NotContain("Sqlite").And.NotContain("unable to open");
        logs.Records.Should().Contain(r => r.Level == LogLevel.Error && r.Message.Contains(nameof(SqliteException), StringComparison.Ordinal));
        logs.Records.Where(r => r.Level > LogLevel.Debug).Should().NotContain(r => r.Message.Contains(SwitchableStore.Secret, StringComparison.Ordinal));
        later.Status.Should().Be(HttpStatusCode.OK, "the token was refused unused, so it may be taken once the database answers");
        replay.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [PostgresFact]
    public async Task When_the_postgresql_database_refuses_connections_a_token_is_refused_with_503_never_taken()
    {
        // Arrange
        using var database = SharedDatabase.Postgresql();
        using var host = StartReplica(database);
        (await CallAsync(host, Keys.Token(PublicBaseUrl + Http.Service))).Status.Should().Be(HttpStatusCode.OK);

        // Act: the server goes on; the database ends its connections and takes no new ones.
        database.Postgres!.RefuseConnections();
        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 3; i++)
        {
            var (status, body, _) = await CallAsync(host, Keys.Token(PublicBaseUrl + Http.Service));
            answers.Add((status, body));
        }

        // Assert
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.ServiceUnavailable);
        answers.Should().OnlyContain(a => !a.Body.Contains(name, StringComparison.Ordinal) && !a.Body.Contains("5543", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replica_whose_memory_is_full_of_unexpired_ids_refuses_new_tokens_and_adds_no_more_to_the_database()
    {
        // Arrange
        using var database = SharedDatabase.Sqlite();
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?>(database.Settings)
        {
            ["CdsHooks:PublicBaseUrl"] = PublicBaseUrl,
            ["CdsHooks:MaxRememberedTokenIds"] = "2",
        });

        // Act
        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 3; i++)
        {
            var (status, body, _) = await CallAsync(host, Keys.Token(PublicBaseUrl + Http.Service));
            answers.Add((status, body));
        }

        // Assert
        answers.Select(a => a.Status).Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized);
        answers[2].Body.Should().Contain("as many unexpired token ids as it may");
        database.CountUsedTokenIds().Should().Be(2);
    }

    [Fact]
    public async Task A_running_service_deletes_the_ids_of_expired_tokens_from_the_database()
    {
        // Arrange: ids left by replicas that have stopped, one of a token still valid.
        using var database = SharedDatabase.Sqlite();
        var store = await database.MigratedStoreAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.TryUseTokenIdAsync(Keys.Issuer, "expired-" + i, DateTimeOffset.UtcNow.AddMinutes(-10), CancellationToken.None);
        }

        await store.TryUseTokenIdAsync(Keys.Issuer, "valid", DateTimeOffset.UtcNow.AddMinutes(2), CancellationToken.None);

        // Act
        using var host = StartReplica(database);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (database.CountUsedTokenIds() > 1 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        // Assert
        database.CountUsedTokenIds().Should().Be(1);
        database.CountUsedTokenIds("valid").Should().Be(1);
    }

    [Theory]
    [InlineData(FeedbackDatabaseOptions.Sqlite)]
    [PostgresData]
    public async Task A_token_taken_by_one_replica_is_refused_by_the_other_and_of_many_calls_racing_with_one_token_exactly_one_is_answered(string provider)
    {
        // Arrange
        using var replicas = new TwoReplicas(provider);
        var token = Keys.Token(PublicBaseUrl + Http.Service);
        var captured = Keys.Token(PublicBaseUrl + Http.Service);

        // Act: a token used at one replica, then sent to the other; another sent 24 times at once, half to each.
        var first = await CallAsync(replicas.One, token);
        var atTheOther = await CallAsync(replicas.Two, token);
        var raced = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => CallAsync(i % 2 == 0 ? replicas.One : replicas.Two, captured)));

        // Assert
        first.Status.Should().Be(HttpStatusCode.OK);
        atTheOther.Status.Should().Be(HttpStatusCode.Unauthorized);
        atTheOther.Body.Should().Contain("used before");
        raced.Count(a => a.Status == HttpStatusCode.OK).Should().Be(1);
        raced.Where(a => a.Status != HttpStatusCode.OK).Should().OnlyContain(a => a.Status == HttpStatusCode.Unauthorized && a.Body.Contains("used before"));
        replicas.Database.CountUsedTokenIds().Should().Be(2);
    }

    /// <summary>A replica on the shared database, behind the public address every replica shares.</summary>
    private static CdsHooksHost StartReplica(SharedDatabase database) =>
        CdsHooksHost.Start(settings: new Dictionary<string, string?>(database.Settings) { ["CdsHooks:PublicBaseUrl"] = PublicBaseUrl });

    private static Task<(HttpStatusCode Status, string Body, System.Net.Http.Headers.HttpResponseHeaders Headers)> CallAsync(CdsHooksHost replica, string token) =>
        Http.PostWithTokenAsync(new Uri(replica.Address, Http.Service), token);

    /// <summary>Two replicas on one new database of the back end named, behind one public address.</summary>
    private sealed class TwoReplicas : IDisposable
    {
        public TwoReplicas(string provider)
        {
            Database = SharedDatabase.Create(provider);
            One = StartReplica(Database);
            Two = StartReplica(Database);
        }

        public SharedDatabase Database { get; }

        public CdsHooksHost One { get; }

        public CdsHooksHost Two { get; }

        public void Dispose()
        {
            One.Dispose();
            Two.Dispose();
            Database.Dispose();
        }
    }

    /// <summary>The real store, whose database can be made to stop answering.</summary>
    private sealed class SwitchableStore(ITokenIdStore inner) : ITokenIdStore
    {
        public const string Secret = "/srv/secret-db-folder/feedback.db";

        /// <summary>Puts a switchable store in front of the service's own.</summary>
        public static void PutInFront(IServiceCollection services) =>
            services.AddSingleton<ITokenIdStore>(provider => new SwitchableStore(provider.GetRequiredService<SqlFeedbackStore>()));

        public bool Down { get; set; }

        public Task<bool> TryUseTokenIdAsync(string issuer, string tokenId, DateTimeOffset expires, CancellationToken cancellationToken) =>
            Down ? throw new SqliteException("unable to open database file " + Secret, 14) : inner.TryUseTokenIdAsync(issuer, tokenId, expires, cancellationToken);

        public Task<int> DeleteExpiredTokenIdsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
            inner.DeleteExpiredTokenIdsAsync(before, limit, cancellationToken);
    }
}
