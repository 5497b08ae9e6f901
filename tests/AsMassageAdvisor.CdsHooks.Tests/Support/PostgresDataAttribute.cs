using System.Reflection;
using AsMassageAdvisor.CdsHooks.Feedback;
using Xunit.Sdk;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>
/// The PostgreSQL row of a theory run on both back ends: the argument <c>postgres</c>. When the server named by
/// <c>ASMA_TEST_POSTGRES</c> is missing or does not answer, the row is reported as skipped with the reason, as a
/// <see cref="PostgresFactAttribute"/> test is, never as passed. The SQLite row is an <c>[InlineData("sqlite")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (PostgresFactAttribute.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[FeedbackDatabaseOptions.Postgres]];
}
