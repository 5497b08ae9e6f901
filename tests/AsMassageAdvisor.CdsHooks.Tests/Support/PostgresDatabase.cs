#pragma warning disable CA2100 // Names made by the test itself (a new GUID), not input.
using Npgsql;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>A new, empty database on the test server for one test, dropped afterwards.</summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly string name = "asma_" + Guid.NewGuid().ToString("N");

    public PostgresDatabase()
    {
        Execute($"CREATE DATABASE {name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The connection string of the new database.</summary>
    public string ConnectionString { get; }

    /// <summary>Counts the rows of a table.</summary>
    public long Count(string table)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {table}", connection);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The server goes on, but this database refuses new connections and its open ones are ended.</summary>
    public void RefuseConnections()
    {
        Execute($"ALTER DATABASE {name} ALLOW_CONNECTIONS false");
        Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
