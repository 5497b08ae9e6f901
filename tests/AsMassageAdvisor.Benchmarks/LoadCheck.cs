using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AsMassageAdvisor.CdsHooks;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>
/// Load check of the CDS Hooks service (not a BenchmarkDotNet benchmark): starts the service on
/// 127.0.0.1 in this process, warms it up, then lets a fixed number of concurrent clients send a fixed
/// number of hook calls over loopback HTTP and prints count, throughput, latency percentiles and errors.
/// Every answer must be 200 and byte-identical to the first apart from the card uuids, which are new
/// in every answer; anything else counts as an error. The service runs in Development with
/// <c>CdsHooks:AllowUnauthenticated</c>, so that token validation is not part of what is measured, and
/// with room for every client at once.
/// </summary>
internal static partial class LoadCheck
{
    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Option(args, "--clients", 50);
        var requests = Option(args, "--requests", 20_000);
        var warmup = Option(args, "--warmup", 2_000);
        var requestFile = OptionText(args, "--request", null) ?? Path.Combine(AppContext.BaseDirectory, "examples", "fhir", "order-sign-request.json");
        var body = await File.ReadAllTextAsync(requestFile);
        var feedbackFile = Path.Combine(Path.GetTempPath(), "as-massage-load-check", Guid.NewGuid().ToString("N"), "feedback.jsonl");

        await using var app = CdsHooksApplication.Create(
        [
            "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--CdsHooks:FeedbackFile=" + feedbackFile,
            "--environment=Development",
            "--CdsHooks:AllowUnauthenticated=true",
            "--CdsHooks:MaxConcurrentHookCalls=" + clients.ToString(CultureInfo.InvariantCulture),
        ]);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var path = "/cds-services/as-massage-safety";

        // The first call after start pays for everything a fresh process loads and compiles on the way.
        var firstSent = Stopwatch.GetTimestamp();
        var (status, first) = await PostAsync(http, path, body);
        var firstCall = Stopwatch.GetElapsedTime(firstSent);
        var expected = WithoutUuids(first);
        if (status != HttpStatusCode.OK)
        {
            await Console.Error.WriteLineAsync($"load-check: the first call answered {(int)status}: {expected}");
            return 1;
        }

        Console.WriteLine($"load-check: service on {address}, {clients} clients, {warmup} warm-up calls, {requests} measured calls");
        Console.WriteLine($"request: {requestFile} ({Encoding.UTF8.GetByteCount(body)} bytes), answer {Encoding.UTF8.GetByteCount(expected)} bytes");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first call after start: {firstCall.TotalMilliseconds:F0} ms"));
        await RunAsync(http, path, body, expected, clients, warmup);
        var (latencies, errors, elapsed) = await RunAsync(http, path, body, expected, clients, requests);

        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"count       {requests}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"errors      {errors}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall time   {elapsed.TotalSeconds:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput  {requests / elapsed.TotalSeconds:F0} calls/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50         {Percentile(latencies, 0.50):F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p95         {Percentile(latencies, 0.95):F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p99         {Percentile(latencies, 0.99):F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"max         {latencies[^1]:F2} ms"));

        await app.StopAsync();
        return errors == 0 ? 0 : 1;
    }

    private static async Task<(double[] Latencies, int Errors, TimeSpan Elapsed)> RunAsync(
        HttpClient http, string path, string body, string expected, int clients, int count)
    {
        var latencies = new double[count];
        var next = -1;
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    var (status, answer) = await PostAsync(http, path, body);
                    if (status != HttpStatusCode.OK || !string.Equals(WithoutUuids(answer), expected, StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            }
        })));
        return (latencies, errors, Stopwatch.GetElapsedTime(started));
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string WithoutUuids(string answer) => Uuid().Replace(answer, "\"uuid\": \"…\"");

    [GeneratedRegex("\"uuid\": \"[0-9a-f-]{36}\"", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name, null) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name, string? fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
