using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AsMassageAdvisor.CdsHooks.Security;

/// <summary>
/// The public keys of the trusted clients, by issuer. Key files are read at start; key-set addresses are
/// read at start and again every <see cref="RefreshInterval"/>, in the background, so that validating a
/// token never waits on the network. A token's own <c>jku</c> header is never followed: only configured
/// key sources are used, so a caller cannot bring its own keys.
/// </summary>
internal sealed class TrustedClientKeys(
    IOptions<CdsHooksOptions> options,
    IHostEnvironment environment,
    IHttpClientFactory httpClients,
    ILogger<TrustedClientKeys> logger) : BackgroundService
{
    /// <summary>The name of the HTTP client that reads key sets.</summary>
    public const string HttpClientName = "client-jwks";

    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, IReadOnlyList<SecurityKey>> keys = new(StringComparer.Ordinal);

    /// <summary>The keys of an issuer; none for an issuer that is not trusted or whose keys could not be read.</summary>
    /// <param name="issuer">The token's <c>iss</c>.</param>
    /// <returns>The keys.</returns>
    public IReadOnlyList<SecurityKey> For(string? issuer) =>
        issuer is not null && keys.TryGetValue(issuer, out var found) ? found : [];

    /// <summary>Reads every key file; called once at start, before the first request.</summary>
    public void LoadFiles()
    {
        foreach (var client in options.Value.TrustedClients.Where(c => c.JwksFile is not null))
        {
            var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, client.JwksFile!));
            try
            {
                keys[client.Issuer] = Parse(File.ReadAllText(path));
                logger.KeyFileRead(client.Issuer, keys[client.Issuer].Count, path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // A client whose keys cannot be read is refused (401), not trusted without a check.
                logger.KeyFileUnreadable(client.Issuer, path, ex.GetType().Name);
            }
        }
    }

    /// <summary>Reads every key-set address once before the service takes calls.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The start.</returns>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var client in options.Value.TrustedClients.Where(c => c.JwksUrl is not null))
        {
            await LoadUrlAsync(client, cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var remote = options.Value.TrustedClients.Where(c => c.JwksUrl is not null).ToList();
        if (remote.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var client in remote)
            {
                await LoadUrlAsync(client, stoppingToken);
            }
        }
    }

    /// <summary>Reads the key set of one client from its address.</summary>
    internal async Task LoadUrlAsync(TrustedClientOptions client, CancellationToken cancellationToken)
    {
        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(10));
            var text = await http.GetStringAsync(new Uri(client.JwksUrl!), limit.Token);
            keys[client.Issuer] = Parse(text);
            logger.KeySetRead(client.Issuer, keys[client.Issuer].Count);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ArgumentException or InvalidOperationException)
        {
            // Keys read earlier stay in use; a client never read is refused.
            logger.KeySetUnreadable(client.Issuer, ex.GetType().Name);
        }
    }

    private static List<SecurityKey> Parse(string json)
    {
        var set = new JsonWebKeySet(json);

        // Only public asymmetric keys: a symmetric ("oct") key would let HS* tokens through.
        return set.Keys.Where(k => k.Kty is JsonWebAlgorithmsKeyTypes.EllipticCurve or JsonWebAlgorithmsKeyTypes.RSA)
            .Cast<SecurityKey>().ToList();
    }
}
