using Npgsql;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>
/// A test that needs a real PostgreSQL server, named by <c>ASMA_TEST_POSTGRES</c> (set by <c>.ci/run</c>). When
/// the variable is missing or the server does not answer, the test is reported as skipped with the reason,
/// never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The variable that holds the server's connection string.</summary>
    public const string Variable = "ASMA_TEST_POSTGRES";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    public PostgresFactAttribute()
    {
        if (Unavailable.Value is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>The connection string of the test server.</summary>
    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable)!;

    /// <summary>Why the PostgreSQL tests are skipped, or null when the server answers.</summary>
    internal static string? UnavailableReason => Unavailable.Value;

    private static string? Probe()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            return $"PostgreSQL not available: {Variable} is not set (.ci/run starts a server and sets it)";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 3 };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            return $"PostgreSQL not available: the server named by {Variable} could not be reached ({ex.GetType().Name}: {ex.Message})";
        }
    }
}
