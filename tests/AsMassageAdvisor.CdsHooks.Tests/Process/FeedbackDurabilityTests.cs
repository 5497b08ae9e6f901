using System.Net;
using System.Text;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AsMassageAdvisor.CdsHooks.Tests.Process;

/// <summary>
/// The built service as a process, killed in the middle of a burst of feedback: every call answered 200 must
/// be in the database. And two processes writing to one PostgreSQL database lose nothing.
/// </summary>
public sealed class FeedbackDurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const int Clients = 8;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "as-massage-cds-tests", "durability-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Every_feedback_answered_200_is_in_the_sqlite_database_after_the_process_is_killed_mid_burst()
    {
        // Arrange
        var app = ServiceProcessTests.CopyBuiltService(folder);
        var database = Path.Combine(folder, "data", "feedback.db");
        var (service, client) = await StartAsync(app, new Dictionary<string, string> { ["CdsHooks__Feedback__ConnectionString"] = "Data Source=" + database });
        using (service)
        using (client)
        {
            // A card of its own for every call: one outcome is kept per card and client.
            var cards = await FeedbackBodies.IssueOverridableAsync(client, 400);

            // Act: parallel clients post until the process is killed under them.
            var burst = new Burst(client, cards);
            var posting = burst.RunAsync();
            await burst.WaitForAsync(200);
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
            await posting;

            // Assert
            var rows = CountSqliteRows(database);
            output.WriteLine($"SQLite: {burst.Ok} answers 200, {rows} rows after the kill, {burst.Failed} calls cut off");
            rows.Should().BeGreaterThanOrEqualTo(burst.Ok, "every answered call was committed first");
            rows.Should().BeLessThanOrEqualTo(burst.Ok + Clients, "only calls in flight at the kill may be stored unanswered");
        }
    }

    [PostgresFact]
    public async Task Two_service_processes_writing_to_one_postgresql_database_lose_nothing()
    {
        // Arrange: both start together, so they also migrate the new database at the same time.
        using var database = new PostgresDatabase();
        var settings = new Dictionary<string, string>
        {
            ["CdsHooks__Feedback__Provider"] = "postgres",
            ["CdsHooks__Feedback__ConnectionString"] = database.ConnectionString,
        };
        var starting = new[] { "one", "two" }.Select(name => StartAsync(ServiceProcessTests.CopyBuiltService(Path.Combine(folder, name)), settings)).ToList();
        var started = await Task.WhenAll(starting);
        try
        {
            // Act
            var bursts = new List<Burst>();
            foreach (var (_, client) in started)
            {
                bursts.Add(new Burst(client, await FeedbackBodies.IssueOverridableAsync(client, 150), limit: 150));
            }

            await Task.WhenAll(bursts.Select(b => b.RunAsync()));

            // Assert
            var rows = database.Count("feedback");
            output.WriteLine($"PostgreSQL, two processes: {bursts[0].Ok} + {bursts[1].Ok} answers 200, {rows} rows");
            bursts.Should().OnlyContain(b => b.Ok == 150 && b.Failed == 0);
            rows.Should().Be(bursts.Sum(b => b.Ok));
            database.Count("issued_cards").Should().BeGreaterThanOrEqualTo(2);
        }
        finally
        {
            foreach (var (service, client) in started)
            {
                service.Kill(entireProcessTree: true);
                await service.WaitForExitAsync();
                service.Dispose();
                client.Dispose();
            }
        }
    }

    private static async Task<(System.Diagnostics.Process Service, HttpClient Client)> StartAsync(string app, IReadOnlyDictionary<string, string> settings)
    {
        var port = ServiceProcessTests.FreePort();
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["CdsHooks__AllowUnauthenticated"] = "true",
            ["CdsHooks__FeedbackPermitsPerMinute"] = "1000000",
        };
        var service = ServiceProcessTests.Start(app, Path.GetDirectoryName(app)!, port, environment);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        (await ServiceProcessTests.WaitForDiscoveryAsync(client, service)).Should().Be(HttpStatusCode.OK);
        return (service, client);
    }

    private static long CountSqliteRows(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM feedback";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Parallel clients posting feedback, each call on a card of its own, counting the answers 200.</summary>
    private sealed class Burst(HttpClient client, IReadOnlyList<string> cards, int limit = int.MaxValue)
    {
        private int ok;
        private int failed;
        private int sent;

        public int Ok => Volatile.Read(ref ok);

        public int Failed => Volatile.Read(ref failed);

        public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(PostUntilStoppedAsync)));

        public async Task WaitForAsync(int answers)
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (Ok < answers && Failed == 0 && DateTime.UtcNow < until)
            {
                await Task.Delay(5);
            }
        }

        private async Task PostUntilStoppedAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref sent)) <= limit && index <= cards.Count)
            {
                try
                {
                    using var content = new StringContent(FeedbackBodies.Overridden(cards[index - 1]).ToJsonString(), Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync(Http.Service + "/feedback", content);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref failed);
                        return;
                    }

                    Interlocked.Increment(ref ok);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // The process was killed: this call was cut off and counts as not answered.
                    Interlocked.Increment(ref failed);
                    return;
                }
            }
        }
    }
}
