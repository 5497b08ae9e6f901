using System.Data;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using AsMassageAdvisor.CdsHooks.Security;
using AsMassageAdvisor.Fhir.CdsHooks;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>
/// The store on an ADO.NET database. The SQL is kept to what SQLite and PostgreSQL both read, so that the two
/// back ends give the same report; each back end supplies its connections, its schema and how it keeps two
/// processes from migrating at once. Times are stored as Unix milliseconds (UTC), which both compare alike.
/// The used token ids of every process on the database are kept here too (<see cref="ITokenIdStore"/>).
/// </summary>
internal abstract class SqlFeedbackStore : IFeedbackStore, ITokenIdStore
{
    /// <summary>The rule code stored for a card that comes from no rule.</summary>
    public const string NoRule = "none";

    /// <summary>
    /// The longest any call on the database may take, waiting for a turn or a lock included; beyond it the call
    /// fails with <see cref="TimeoutException"/> (answered 503). The migration at start is not bound by it.
    /// </summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Deletes every feedback row of which the same card and client have a later one (by the time the user acted,
    /// then by arrival), so that one outcome per card and client remains: schema version 4.
    /// </summary>
    protected const string DropSupersededFeedback =
        "DELETE FROM feedback WHERE EXISTS (SELECT 1 FROM feedback later WHERE later.service = feedback.service AND later.card = feedback.card "
        + "AND later.client_key = feedback.client_key AND (later.outcome_at_ms > feedback.outcome_at_ms OR (later.outcome_at_ms = feedback.outcome_at_ms AND later.id > feedback.id)))";

    /// <summary>The schema versions, in order; version n is applied when the database is at n - 1.</summary>
    protected abstract IReadOnlyList<string[]> Migrations { get; }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockForMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS asma_schema (version integer NOT NULL)", cancellationToken);
        var current = Convert.ToInt32(
            await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM asma_schema", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= Migrations.Count; version++)
        {
            foreach (var statement in Migrations[version - 1])
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken);
            }

            using var mark = Command(connection, transaction, "INSERT INTO asma_schema (version) VALUES (@version)");
            Add(mark, "@version", version);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task RecordIssuedAsync(string serviceId, IReadOnlyList<CdsCard> cards, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        if (cards.Count == 0)
        {
            return;
        }

        await WriteAsync(cancellationToken, async (connection, transaction) =>
        {
            foreach (var card in cards)
            {
                using var insert = Command(connection, transaction,
                    "INSERT INTO issued_cards (uuid, service, rule_code, indicator, issued_at_ms, suggestions, override_reasons) "
                    + "VALUES (@uuid, @service, @rule, @indicator, @at, @suggestions, @reasons)");
                Add(insert, "@uuid", card.Uuid);
                Add(insert, "@service", serviceId);
                Add(insert, "@rule", card.Source.Topic?.Code ?? NoRule);
                Add(insert, "@indicator", card.Indicator);
                Add(insert, "@at", issuedAt.ToUnixTimeMilliseconds());
                Add(insert, "@suggestions", string.Join(' ', card.Suggestions.Select(s => s.Uuid)));
                Add(insert, "@reasons", JsonSerializer.Serialize([.. card.OverrideReasons], IssuedCardJsonContext.Default.ListCdsCoding));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IssuedCard>> FindIssuedAsync(IReadOnlyCollection<string> uuids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uuids);
        var found = new Dictionary<string, IssuedCard>(StringComparer.Ordinal);
        if (uuids.Count == 0)
        {
            return found;
        }

        return await BoundedAsync(token => FindIssuedInAsync(uuids, found, token), cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, IssuedCard>> FindIssuedInAsync(
        IReadOnlyCollection<string> uuids, Dictionary<string, IssuedCard> found, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var uuid in uuids)
        {
            using var query = Command(connection, null, "SELECT suggestions, override_reasons FROM issued_cards WHERE uuid = @uuid");
            Add(query, "@uuid", uuid);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var suggestions = reader.GetString(0).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var reasons = JsonSerializer.Deserialize(reader.GetString(1) is { Length: > 0 } text ? text : "[]", IssuedCardJsonContext.Default.ListCdsCoding) ?? [];
                found[uuid] = new IssuedCard(suggestions, reasons);
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task AppendAsync(string serviceId, string clientKey, IReadOnlyList<FeedbackEntry> entries, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await WriteAsync(cancellationToken, async (connection, transaction) =>
        {
            foreach (var entry in entries)
            {
                // One row per card and client: a later outcome replaces it, an earlier one (sent late) does not, so
                // that one card sent back a thousand times still counts once in the report.
                using var insert = Command(connection, transaction,
                    "INSERT INTO feedback (service, card, client_key, outcome, accepted_suggestions, override_system, override_code, had_comment, outcome_at_ms, received_at_ms) "
                    + "VALUES (@service, @card, @client, @outcome, @suggestions, @system, @code, @comment, @outcomeAt, @receivedAt) "
                    + "ON CONFLICT (service, card, client_key) DO UPDATE SET outcome = excluded.outcome, accepted_suggestions = excluded.accepted_suggestions, "
                    + "override_system = excluded.override_system, override_code = excluded.override_code, had_comment = excluded.had_comment, "
                    + "outcome_at_ms = excluded.outcome_at_ms, received_at_ms = excluded.received_at_ms "
                    + "WHERE excluded.outcome_at_ms >= feedback.outcome_at_ms");
                Add(insert, "@service", serviceId);
                Add(insert, "@client", clientKey);
                Add(insert, "@card", entry.Card);
                Add(insert, "@outcome", entry.Outcome);
                Add(insert, "@suggestions", string.Join(' ', entry.AcceptedSuggestions));
                Add(insert, "@system", entry.OverrideReason?.System);
                Add(insert, "@code", entry.OverrideReason?.Code);
                Add(insert, "@comment", entry.HadUserComment ? 1 : 0);
                Add(insert, "@outcomeAt", entry.OutcomeTimestamp.ToUnixTimeMilliseconds());
                Add(insert, "@receivedAt", receivedAt.ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        });
    }

    /// <inheritdoc />
    public Task<FeedbackReport> ReportAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        BoundedAsync(token => ReportInAsync(from, to, token), cancellationToken);

    private async Task<FeedbackReport> ReportInAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var shown = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var accepted = new Dictionary<string, long>(StringComparer.Ordinal);
        var overridden = new Dictionary<string, long>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, List<ReasonCount>>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);

        // Feedback is counted by the time its card was shown, so that every rate is over one set of cards.
        const string Range = "c.issued_at_ms >= @from AND c.issued_at_ms < @to";
        await ReadAsync(connection, $"SELECT c.rule_code, COUNT(*) FROM issued_cards c WHERE {Range} GROUP BY c.rule_code",
            r => shown[r.GetString(0)] = r.GetInt64(1));
        await ReadAsync(connection,
            $"SELECT c.rule_code, f.outcome, COUNT(DISTINCT f.card) FROM feedback f JOIN issued_cards c ON c.uuid = f.card WHERE {Range} GROUP BY c.rule_code, f.outcome",
            r => (r.GetString(1) == "accepted" ? accepted : overridden)[r.GetString(0)] = r.GetInt64(2));
        await ReadAsync(connection,
            $"SELECT c.rule_code, COALESCE(f.override_code, 'none'), COUNT(*) FROM feedback f JOIN issued_cards c ON c.uuid = f.card WHERE {Range} AND f.outcome = 'overridden' GROUP BY c.rule_code, COALESCE(f.override_code, 'none')",
            r =>
            {
                if (!reasons.TryGetValue(r.GetString(0), out var list))
                {
                    reasons[r.GetString(0)] = list = [];
                }

                list.Add(new ReasonCount(r.GetString(1), r.GetInt64(2)));
            });

        var rules = shown.Select(s => new RuleFeedback(
                s.Key,
                s.Value,
                accepted.GetValueOrDefault(s.Key),
                overridden.GetValueOrDefault(s.Key),
                reasons.TryGetValue(s.Key, out var list) ? [.. list.OrderByDescending(x => x.Count).ThenBy(x => x.Code, StringComparer.Ordinal)] : []))
            .OrderByDescending(r => r.OverrideRate).ThenBy(r => r.RuleCode, StringComparer.Ordinal)
            .ToList();
        return new FeedbackReport(from.ToUniversalTime(), to.ToUniversalTime(), rules);

        async Task ReadAsync(DbConnection c, string sql, Action<DbDataReader> row)
        {
            using var query = Command(c, null, sql);
            Add(query, "@from", from.ToUnixTimeMilliseconds());
            Add(query, "@to", to.ToUnixTimeMilliseconds());
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                row(reader);
            }
        }
    }

    /// <inheritdoc />
    public Task<bool> TryUseTokenIdAsync(string issuer, string tokenId, DateTimeOffset expires, CancellationToken cancellationToken) =>
        StatementAsync(async connection =>
        {
            // One statement, committed on its own: the primary key turns a second insert of the same id, by this
            // process or any other on the database, into no row inserted, however close together they come.
            using var insert = Command(connection, null,
                "INSERT INTO used_token_ids (issuer, jti, expires_at_ms) VALUES (@issuer, @jti, @expires) ON CONFLICT (issuer, jti) DO NOTHING");
            Add(insert, "@issuer", issuer);
            Add(insert, "@jti", tokenId);
            Add(insert, "@expires", expires.ToUnixTimeMilliseconds());
            return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<int> DeleteExpiredTokenIdsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        StatementAsync(async connection =>
        {
            // A bounded batch (the two back ends have no DELETE ... LIMIT in common), found through the expiry index.
            using var delete = Command(connection, null,
                "DELETE FROM used_token_ids WHERE (issuer, jti) IN (SELECT issuer, jti FROM used_token_ids WHERE expires_at_ms < @before LIMIT @limit)");
            Add(delete, "@before", before.ToUnixTimeMilliseconds());
            Add(delete, "@limit", limit);
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <inheritdoc />
    public Task PingAsync(CancellationToken cancellationToken) =>
        // A write, not a read: a database that can be read but not written (a lock held elsewhere, a read-only
        // server) cannot keep feedback or the cards shown. The transaction takes the write lock (SQLite begins
        // IMMEDIATE) and changes nothing; it is rolled back.
        StatementAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, "DELETE FROM used_token_ids WHERE 1 = 0", cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>A new, opened connection, set up as the back end needs.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The connection.</returns>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Keeps a second process from migrating at the same time, until the transaction ends.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The migration's transaction.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// Runs work that writes, in the order the back end needs: at once by default; a back end whose writers of
    /// one process must queue rather than meet its lock takes them one at a time.
    /// </summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="write">The work.</param>
    /// <param name="cancellationToken">Cancels the wait for a turn.</param>
    /// <returns>What the work returned.</returns>
    protected virtual Task<T> InTurnAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return write();
    }

    /// <summary>Runs one statement.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The transaction, if any.</param>
    /// <param name="sql">The statement.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs database work within <see cref="Bound"/>. The work runs on a worker thread and is waited for beside it:
    /// Microsoft.Data.Sqlite runs its async methods synchronously and waits out another connection's lock inside
    /// them, deaf to the token, so only a wait beside the work keeps the bound. Work given up on ends by itself
    /// within about one more bound (the connections' own lock timeouts are the bound too).
    /// </summary>
    /// <exception cref="TimeoutException">The database did not answer within the bound.</exception>
    protected static async Task<T> BoundedAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Bound);
        try
        {
            return await Task.Run(() => work(limit.Token), CancellationToken.None).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The feedback database did not answer within {Bound.TotalSeconds} s.");
        }
    }

    /// <summary>Runs one write in a transaction and commits it before returning, within the bound.</summary>
    private Task WriteAsync(CancellationToken cancellationToken, Func<DbConnection, DbTransaction, Task> write) =>
        BoundedAsync(token => InTurnAsync(async () =>
        {
            // Not the call's token once begun: a write that has started is finished, so that a client that hangs
            // up does not leave the feedback it sent half known (the caller stops waiting at the bound).
            await using var connection = await OpenAsync(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            await write(connection, transaction);
            await transaction.CommitAsync(CancellationToken.None);
            return true;
        }, token), cancellationToken);

    /// <summary>Runs one writing statement on a connection of its own, committed by itself, in turn, within the bound.</summary>
    private Task<T> StatementAsync<T>(Func<DbConnection, Task<T>> statement, CancellationToken cancellationToken) =>
        BoundedAsync(token => InTurnAsync(async () =>
        {
            await using var connection = await OpenAsync(token);
            return await statement(connection);
        }, token), cancellationToken);

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is this class's own constant text; values always go in as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        parameter.DbType = value switch
        {
            long => DbType.Int64,
            int => DbType.Int32,
            _ => DbType.String,
        };
        command.Parameters.Add(parameter);
    }
}

/// <summary>The offered override reasons of an issued card, as stored (the service's own codes and displays).</summary>
[JsonSerializable(typeof(List<CdsCoding>))]
internal sealed partial class IssuedCardJsonContext : JsonSerializerContext;
