using System.Data.Common;
using AsMassageAdvisor.CdsHooks.Feedback;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>
/// One database that several service instances (replicas) share: a SQLite file in a temporary folder, or a new
/// database on the PostgreSQL test server. Removed afterwards.
/// </summary>
internal sealed class SharedDatabase : IDisposable
{
    private readonly string? folder;
    private readonly List<SqlFeedbackStore> stores = [];

    private SharedDatabase(string provider, string connectionString, string? folder, PostgresDatabase? postgres)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Postgres = postgres;
        this.folder = folder;
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The PostgreSQL database, or null for SQLite.</summary>
    public PostgresDatabase? Postgres { get; }

    /// <summary>The settings that put a service on this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["CdsHooks:Feedback:Provider"] = Provider,
        ["CdsHooks:Feedback:ConnectionString"] = ConnectionString,
    };

    /// <summary>A new database of the back end named: <c>sqlite</c> or <c>postgres</c>.</summary>
    public static SharedDatabase Create(string provider) => provider == FeedbackDatabaseOptions.Postgres ? Postgresql() : Sqlite();

    /// <summary>A SQLite file that does not exist yet, in a new temporary folder.</summary>
    public static SharedDatabase Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "as-massage-cds-tests", "shared-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new SharedDatabase(FeedbackDatabaseOptions.Sqlite, "Data Source=" + Path.Combine(folder, "feedback.db"), folder, null);
    }

    /// <summary>A new, empty database on the PostgreSQL test server.</summary>
    public static SharedDatabase Postgresql()
    {
        var database = new PostgresDatabase();
        return new SharedDatabase(FeedbackDatabaseOptions.Postgres, database.ConnectionString, null, database);
    }

    /// <summary>A store of its own on this database, as another process would have; closed with the database.</summary>
    public SqlFeedbackStore NewStore()
    {
        SqlFeedbackStore store = Postgres is null ? new SqliteFeedbackStore(ConnectionString) : new PostgresFeedbackStore(ConnectionString);
        stores.Add(store);
        return store;
    }

    /// <summary>A store of its own with the schema made or brought up to date, as a starting process has.</summary>
    public async Task<SqlFeedbackStore> MigratedStoreAsync()
    {
        var store = NewStore();
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    /// <summary>The rows of the table of used token ids, or those of one id.</summary>
    public long CountUsedTokenIds(string? jti = null) =>
        Scalar("SELECT COUNT(*) FROM used_token_ids" + (jti is null ? "" : $" WHERE jti = '{jti}'"));

    /// <summary>Runs a statement written for both back ends.</summary>
    public void Execute(string sql) => Scalar(sql);

    /// <summary>The first column of the first row of a query written for both back ends, as a number.</summary>
    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own constant SQL.
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        foreach (var store in stores.OfType<IAsyncDisposable>())
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Postgres?.Dispose();
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private DbConnection Open()
    {
        DbConnection connection = Postgres is null ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}
