using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>
/// The embedded store: one SQLite file. Write-ahead logging with <c>synchronous=FULL</c>: every commit is
/// synced to the log before it returns, so an answered feedback call, and a used token id, survive a killed
/// process and also a power cut (NORMAL would survive only the former); a commit with its sync takes about
/// 0.2 ms here, so it costs little even once per authenticated call. Writes of this process are taken one at
/// a time, so that they queue here rather than meet SQLite's busy lock.
/// </summary>
internal sealed class SqliteFeedbackStore : SqlFeedbackStore
{
    private readonly SemaphoreSlim writes = new(1, 1);
    private readonly string connectionString;

    /// <param name="connectionString">The SQLite connection string, its Data Source already absolute.</param>
    public SqliteFeedbackStore(string connectionString)
    {
        // The provider's own wait for a locked database ends at the bound too (its default is 30 s), so that work
        // the store has stopped waiting for does not linger.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = (int)Bound.TotalSeconds };
        if (!string.IsNullOrEmpty(builder.DataSource) && Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        DataSource = builder.DataSource;
        this.connectionString = builder.ToString();
    }

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    /// <summary>The connection string for a database file, relative paths taken from <paramref name="root"/>.</summary>
    /// <param name="configured">The configured string, or null for <c>data/feedback.db</c>.</param>
    /// <param name="root">The content root.</param>
    /// <returns>The connection string.</returns>
    public static string Resolve(string? configured, string root)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=" + Path.Combine("data", "feedback.db"));
        builder.DataSource = Path.GetFullPath(Path.Combine(root, builder.DataSource));
        return builder.ToString();
    }

    /// <inheritdoc />
    protected override IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            "CREATE TABLE issued_cards (uuid TEXT PRIMARY KEY, service TEXT NOT NULL, rule_code TEXT NOT NULL, indicator TEXT NOT NULL, issued_at_ms INTEGER NOT NULL)",
            "CREATE INDEX issued_cards_issued_at ON issued_cards (issued_at_ms)",
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY, service TEXT NOT NULL, card TEXT NOT NULL, outcome TEXT NOT NULL, accepted_suggestions TEXT NOT NULL, "
                + "override_system TEXT, override_code TEXT, had_comment INTEGER NOT NULL, outcome_at_ms INTEGER NOT NULL, received_at_ms INTEGER NOT NULL)",
            "CREATE INDEX feedback_card ON feedback (card)",
        ],
        [
            // Version 2: what feedback is checked against, so that any process on the database can check it.
            "ALTER TABLE issued_cards ADD COLUMN suggestions TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE issued_cards ADD COLUMN override_reasons TEXT NOT NULL DEFAULT ''",
        ],
        [
            // Version 3: the token ids used by any process on the database, kept until their tokens expire.
            "CREATE TABLE used_token_ids (issuer TEXT NOT NULL, jti TEXT NOT NULL, expires_at_ms INTEGER NOT NULL, PRIMARY KEY (issuer, jti))",
            "CREATE INDEX used_token_ids_expires_at ON used_token_ids (expires_at_ms)",
        ],
        [
            // Version 4: one outcome per card and client, the latest (earlier rows of one card and client are dropped).
            "ALTER TABLE feedback ADD COLUMN client_key TEXT NOT NULL DEFAULT ''",
            DropSupersededFeedback,
            "CREATE UNIQUE INDEX feedback_card_client ON feedback (service, card, client_key)",
        ],
    ];

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // journal_mode is kept in the file; synchronous is per connection, so it is set on every one.
        await ExecuteAsync(connection, null, $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout={(int)Bound.TotalMilliseconds};", cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the write lock is already held.
        Task.CompletedTask;

    /// <inheritdoc />
    protected override async Task<T> InTurnAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await writes.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            writes.Release();
        }
    }
}
