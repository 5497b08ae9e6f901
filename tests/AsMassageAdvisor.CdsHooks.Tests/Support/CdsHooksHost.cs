using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>
/// The service, started on real Kestrel on 127.0.0.1 with a port the system picks, and a feedback file
/// of its own. Clients reach it over loopback TCP, as a CDS client would.
/// </summary>
public sealed class CdsHooksHost : WebApplicationFactory<Program>
{
    private readonly Action<IServiceCollection>? replaceServices;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly ILoggerProvider? logs;
    private readonly string environment;
    private bool ownsFeedbackFile;

    private CdsHooksHost(
        string feedbackFile, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? replaceServices, ILoggerProvider? logs, string environment, bool trustTestClient)
    {
        FeedbackFile = feedbackFile;

        // Every host trusts the test run's client keys unless told not to.
        var all = trustTestClient ? new Dictionary<string, string?>(ClientKeys.Trusted.Settings()) : [];
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        // Outside Development the service needs the address its clients call; the test clients then sign for it.
        if (environment != "Development" && !all.ContainsKey("CdsHooks:PublicBaseUrl"))
        {
            all["CdsHooks:PublicBaseUrl"] = TestPublicBaseUrl;
        }

        PublicBaseUrl = all.TryGetValue("CdsHooks:PublicBaseUrl", out var publicBase) && Uri.TryCreate(publicBase, UriKind.Absolute, out var uri) ? uri : null;
        this.settings = all;
        this.replaceServices = replaceServices;
        this.logs = logs;
        this.environment = environment;
    }

    /// <summary>The public address given to instances started outside Development without one of their own.</summary>
    public const string TestPublicBaseUrl = "https://cds.test.example";

    /// <summary>The public address the service is configured with, if any; tokens of <see cref="NewClient"/> are for it.</summary>
    public Uri? PublicBaseUrl { get; }

    /// <summary>The feedback file of this instance.</summary>
    public string FeedbackFile { get; }

    /// <summary>
    /// The SQLite feedback database of this instance (unless the settings name another): in a folder beside the
    /// feedback file's, so that the file's rotation tests see only their own files.
    /// </summary>
    public string Database => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(FeedbackFile)!)!, "db", "feedback.db");

    /// <summary>The address the service listens on.</summary>
    public Uri Address => ClientOptions.BaseAddress;

    /// <summary>Starts an instance.</summary>
    /// <param name="feedbackFile">The feedback file; a fresh one in a temporary folder when null.</param>
    /// <param name="settings">Further configuration.</param>
    /// <param name="replaceServices">Service replacements, e.g. a failing step.</param>
    /// <param name="logs">A logger provider that receives every entry, at every level.</param>
    /// <param name="environment">The hosting environment (Development unless given).</param>
    /// <param name="trustTestClient">Whether the service trusts <see cref="ClientKeys.Trusted"/> as client 0.</param>
    public static CdsHooksHost Start(
        string? feedbackFile = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? replaceServices = null,
        ILoggerProvider? logs = null,
        string environment = "Development",
        bool trustTestClient = true)
    {
        var host = new CdsHooksHost(feedbackFile ?? NewFeedbackFile(), settings, replaceServices, logs, environment, trustTestClient) { ownsFeedbackFile = feedbackFile is null };
        // Listen is set on Kestrel's options before the host is built. UseKestrel(0) would instead rewrite the
        // server's addresses after the app's own Program has been let run on, which races with its Run().
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        return host;
    }

    /// <summary>A path for a feedback file in a new temporary folder that does not exist yet.</summary>
    public static string NewFeedbackFile() =>
        Path.Combine(Path.GetTempPath(), "as-massage-cds-tests", Guid.NewGuid().ToString("N"), "data", "feedback.jsonl");

    /// <summary>
    /// An HTTP client on the service's address (its own sockets, no test server in between) that sends a
    /// trusted client's freshly signed token with every request, as a CDS client does.
    /// </summary>
    public HttpClient NewClient() => new(new SigningHandler(ClientKeys.Trusted, PublicBaseUrl)) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A plain HTTP client on the service's address that sends no token.</summary>
    public HttpClient NewAnonymousClient() => new(new SocketsHttpHandler()) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);

        // The temporary folder made for this instance (…/<guid>/data/feedback.jsonl) goes with it.
        if (disposing && ownsFeedbackFile && Directory.GetParent(FeedbackFile)?.Parent is { Exists: true } folder)
        {
            folder.Delete(recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var configuration = new Dictionary<string, string?>(settings) { ["CdsHooks:FeedbackFile"] = FeedbackFile };
        configuration.TryAdd("CdsHooks:Feedback:ConnectionString", "Data Source=" + Database);
        if (logs is not null)
        {
            // Every level of every category reaches the capturing provider, over appsettings.json's levels.
            configuration["Logging:LogLevel:Default"] = "Trace";
            configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        }

        builder.UseEnvironment(environment);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(configuration));
        builder.ConfigureLogging(logging =>
        {
            if (logs is null)
            {
                logging.SetMinimumLevel(LogLevel.Warning);
            }
            else
            {
                logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
            }
        });
        if (replaceServices is not null)
        {
            builder.ConfigureTestServices(replaceServices);
        }
    }
}
