using System.Data.Common;
using Npgsql;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>
/// The shared store: a PostgreSQL database that several replicas write to. A commit returns once the server
/// has made it durable (PostgreSQL's default <c>synchronous_commit=on</c>). Replicas starting together
/// migrate one at a time under a transaction-scoped advisory lock.
/// </summary>
internal sealed class PostgresFeedbackStore(string connectionString) : SqlFeedbackStore, IAsyncDisposable
{
    // Any fixed number: the lock only has to be the same for every replica of this service.
    private const long MigrationLock = 0x41534D41_46454544;

    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(connectionString);

    /// <inheritdoc />
    protected override IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            "CREATE TABLE issued_cards (uuid text PRIMARY KEY, service text NOT NULL, rule_code text NOT NULL, indicator text NOT NULL, issued_at_ms bigint NOT NULL)",
            "CREATE INDEX issued_cards_issued_at ON issued_cards (issued_at_ms)",
            "CREATE TABLE feedback (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, service text NOT NULL, card text NOT NULL, outcome text NOT NULL, accepted_suggestions text NOT NULL, "
                + "override_system text, override_code text, had_comment integer NOT NULL, outcome_at_ms bigint NOT NULL, received_at_ms bigint NOT NULL)",
            "CREATE INDEX feedback_card ON feedback (card)",
        ],
        [
            // Version 2: what feedback is checked against, so that any process on the database can check it.
            "ALTER TABLE issued_cards ADD COLUMN suggestions text NOT NULL DEFAULT ''",
            "ALTER TABLE issued_cards ADD COLUMN override_reasons text NOT NULL DEFAULT ''",
        ],
        [
            // Version 3: the token ids used by any process on the database, kept until their tokens expire.
            "CREATE TABLE used_token_ids (issuer text NOT NULL, jti text NOT NULL, expires_at_ms bigint NOT NULL, PRIMARY KEY (issuer, jti))",
            "CREATE INDEX used_token_ids_expires_at ON used_token_ids (expires_at_ms)",
        ],
        [
            // Version 4: one outcome per card and client, the latest (earlier rows of one card and client are dropped).
            "ALTER TABLE feedback ADD COLUMN client_key text NOT NULL DEFAULT ''",
            DropSupersededFeedback,
            "CREATE UNIQUE INDEX feedback_card_client ON feedback (service, card, client_key)",
        ],
    ];

    /// <inheritdoc />
    public ValueTask DisposeAsync() => source.DisposeAsync();

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await source.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken);
}
