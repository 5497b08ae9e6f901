using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsMassageAdvisor.CdsHooks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>
/// Load check of the CDS Hooks service (not a BenchmarkDotNet benchmark): starts the service on
/// 127.0.0.1 in this process, warms it up, then lets a fixed number of concurrent clients send a fixed
/// number of hook calls over loopback HTTP and prints count, throughput, latency percentiles and errors.
/// Every answer must be 200 and byte-identical to the first apart from the card uuids, which are new
/// in every answer; anything else counts as an error. The service runs in Development with
/// <c>CdsHooks:AllowUnauthenticated</c>, so that token validation is not part of what is measured, and
/// with room for every client at once. With <c>--signed</c> the service trusts a key made for the run and
/// every call carries a freshly signed ES384 token (new <c>jti</c>), as a CDS client sends it, so that
/// authentication and the token-id check are measured too. Arguments of the form <c>--CdsHooks:Key=value</c>
/// are passed to the service (e.g. <c>--CdsHooks:Feedback:Provider=postgres</c>).
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
        var folder = Path.Combine(Path.GetTempPath(), "as-massage-load-check", Guid.NewGuid().ToString("N"));
        var feedbackFile = Path.Combine(folder, "feedback.jsonl");
        using var signer = args.Contains("--signed") ? new Signer(folder) : null;

        List<string> settings =
        [
            "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--CdsHooks:FeedbackFile=" + feedbackFile,
            "--CdsHooks:Feedback:ConnectionString=Data Source=" + Path.Combine(folder, "feedback.db"),
            "--environment=Development",
            "--CdsHooks:MaxConcurrentHookCalls=" + clients.ToString(CultureInfo.InvariantCulture),
        ];
        settings.AddRange(signer?.Settings ?? ["--CdsHooks:AllowUnauthenticated=true"]);
        settings.AddRange(args.Where(a => a.StartsWith("--CdsHooks:", StringComparison.Ordinal)));
        await using var app = CdsHooksApplication.Create([.. settings]);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());

        HttpMessageHandler handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(signer is null ? handler : new SigningHandler(signer, handler))
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

        Console.WriteLine($"load-check: service on {address}, {clients} clients, {warmup} warm-up calls, {requests} measured calls, {(signer is null ? "no token" : "a signed token per call")}");
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

    /// <summary>A CDS client's ES384 key made for the run, its public half in a JWK Set file the service trusts.</summary>
    private sealed class Signer : IDisposable
    {
        private const string Issuer = "https://load-check.example/client";
        private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        private readonly JsonWebTokenHandler tokens = new();

        public Signer(string folder)
        {
            Directory.CreateDirectory(folder);
            var jwks = Path.Combine(folder, "client.jwks.json");
            var point = key.ExportParameters(includePrivateParameters: false).Q;
            File.WriteAllText(jwks, new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "EC", ["crv"] = "P-384", ["kid"] = "load-1", ["use"] = "sig", ["alg"] = "ES384",
                    ["x"] = Base64UrlEncoder.Encode(point.X), ["y"] = Base64UrlEncoder.Encode(point.Y),
                }),
            }.ToJsonString());
            Settings = ["--CdsHooks:TrustedClients:0:Issuer=" + Issuer, "--CdsHooks:TrustedClients:0:JwksFile=" + jwks];
        }

        public IReadOnlyList<string> Settings { get; }

        public string Token(string audience)
        {
            var now = DateTime.UtcNow;
            return tokens.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = audience,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(2),
                Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString("N") },
                SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = "load-1" }, SecurityAlgorithms.EcdsaSha384),
            });
        }

        public void Dispose() => key.Dispose();
    }

    /// <summary>Adds a freshly signed token to every call, its audience the address called.</summary>
    private sealed class SigningHandler(Signer signer, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signer.Token(request.RequestUri!.GetLeftPart(UriPartial.Path)));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
