using AsMassageAdvisor.CdsHooks.Feedback;
using AsMassageAdvisor.CdsHooks.Security;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks.Tests.Security;

/// <summary>
/// The used token ids on the service's database (table <c>used_token_ids</c>), on SQLite and on a real PostgreSQL
/// server: taken once per issuer in one statement, by exactly one of several processes racing, and deleted once
/// their tokens have expired, a bounded batch at a time.
/// </summary>
public sealed class TokenIdStoreTests
{
    private const string Issuer = "https://ehr.test.example/cds-client";
    private static readonly DateTimeOffset Later = DateTimeOffset.UtcNow.AddMinutes(5);

    [Fact]
    public async Task A_database_at_schema_version_2_is_brought_up_to_date_with_the_table_of_used_ids()
    {
        // Arrange: a database as version 2 left it (versions 3 and 4 undone).
        using var database = SharedDatabase.Sqlite();
        await database.MigratedStoreAsync();
        database.Execute("DROP TABLE used_token_ids");
        database.Execute("DROP INDEX feedback_card_client");
        database.Execute("ALTER TABLE feedback DROP COLUMN client_key");
        database.Execute("DELETE FROM asma_schema WHERE version >= 3");

        // Act
        var store = await database.MigratedStoreAsync();

        // Assert
        database.Scalar("SELECT MAX(version) FROM asma_schema").Should().Be(4);
        (await store.TryUseTokenIdAsync(Issuer, "after-upgrade", Later, CancellationToken.None)).Should().BeTrue();
    }

    [Theory]
    [InlineData(FeedbackDatabaseOptions.Sqlite)]
    [PostgresData]
    public async Task An_id_is_taken_once_per_issuer_and_of_many_processes_taking_it_at_once_exactly_one_succeeds(string provider)
    {
        // Arrange: stores of their own, as replicas have, with no memory in front of them.
        using var database = SharedDatabase.Create(provider);
        var stores = new[] { await database.MigratedStoreAsync(), await database.MigratedStoreAsync() };
        using var start = new ManualResetEventSlim();

        // Act
        var first = await stores[0].TryUseTokenIdAsync(Issuer, "id-1", Later, CancellationToken.None);
        var again = await stores[0].TryUseTokenIdAsync(Issuer, "id-1", Later, CancellationToken.None);
        var otherIssuer = await stores[0].TryUseTokenIdAsync("https://other.example/client", "id-1", Later, CancellationToken.None);
        var byAnotherProcess = await stores[1].TryUseTokenIdAsync(Issuer, "id-1", Later, CancellationToken.None);
        var racing = Enumerable.Range(0, 32).Select(i => Task.Run(() =>
        {
            start.Wait();
            return stores[i % 2].TryUseTokenIdAsync(Issuer, "raced", Later, CancellationToken.None);
        })).ToList();
        start.Set();
        var raced = await Task.WhenAll(racing);

        // Assert
        first.Should().BeTrue();
        again.Should().BeFalse();
        otherIssuer.Should().BeTrue("ids are unique per issuer");
        byAnotherProcess.Should().BeFalse();
        raced.Count(taken => taken).Should().Be(1, "32 takes of one id through two stores at once");
        database.CountUsedTokenIds().Should().Be(3);
    }

    [Theory]
    [InlineData(FeedbackDatabaseOptions.Sqlite)]
    [PostgresData]
    public async Task Expired_ids_are_deleted_in_bounded_batches_and_unexpired_ones_kept(string provider)
    {
        // Arrange: 2,500 ids of tokens that expired ten minutes ago, one that expired within the clock skew, one valid.
        using var database = SharedDatabase.Create(provider);
        var store = await database.MigratedStoreAsync();
        var now = DateTimeOffset.UtcNow;
        database.Execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500) "
            + $"INSERT INTO used_token_ids (issuer, jti, expires_at_ms) SELECT 'x', 'old-' || i, {now.AddMinutes(-10).ToUnixTimeMilliseconds()} FROM n");
        (await store.TryUseTokenIdAsync(Issuer, "just-expired", now.AddSeconds(-5), CancellationToken.None)).Should().BeTrue();
        (await store.TryUseTokenIdAsync(Issuer, "valid", now.AddMinutes(2), CancellationToken.None)).Should().BeTrue();
        var options = Options.Create(new CdsHooksOptions());
        using var ids = new UsedTokenIds(new TokenIdCache(options, TimeProvider.System), store, options, TimeProvider.System, NullLogger<UsedTokenIds>.Instance);

        // Act
        var oneStatement = await store.DeleteExpiredTokenIdsAsync(now.AddMinutes(-1), UsedTokenIds.SweepBatch, CancellationToken.None);
        var sweep = await ids.SweepAsync(CancellationToken.None);

        // Assert
        oneStatement.Should().Be(UsedTokenIds.SweepBatch, "one statement deletes at most a batch");
        sweep.Should().Be(1500);
        database.CountUsedTokenIds().Should().Be(2, "an id is kept one clock skew past its token's expiry");
        (await store.TryUseTokenIdAsync("x", "old-1", Later, CancellationToken.None)).Should().BeTrue("its row is gone");
    }
}
