using System.Net;
using System.Threading.RateLimiting;
using AsMassageAdvisor.CdsHooks.Discovery;
using AsMassageAdvisor.CdsHooks.Feedback;
using AsMassageAdvisor.CdsHooks.FhirServer;
using AsMassageAdvisor.CdsHooks.Health;
using AsMassageAdvisor.CdsHooks.Hooks;
using AsMassageAdvisor.CdsHooks.Security;
using AsMassageAdvisor.Reading;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AsMassageAdvisor.CdsHooks;

/// <summary>
/// Builds the CDS Hooks service: discovery at <c>GET /cds-services</c>, the check at
/// <c>POST /cds-services/{id}</c> and feedback at <c>POST /cds-services/{id}/feedback</c>.
/// </summary>
public static class CdsHooksApplication
{
    private const string FeedbackLimit = "feedback-calls";
    private const string Deadline = "request-deadline";
    private const string Ready = "ready";

    /// <summary>Builds the application; it is not started.</summary>
    /// <param name="args">Command-line arguments (e.g. <c>--urls http://127.0.0.1:5080</c>, configuration overrides).</param>
    /// <returns>The application.</returns>
    /// <exception cref="InvalidOperationException"><c>CdsHooks:AllowUnauthenticated</c> is set outside Development.</exception>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot(args) });

        var services = builder.Services;
        services.AddOptions<CdsHooksOptions>()
            .Bind(builder.Configuration.GetSection(CdsHooksOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CdsHooksOptions>, CdsHooksOptionsValidator>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ServiceExceptionHandler>();
        services.AddSingleton(TimeProvider.System);
        services.AddClientAuthentication();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CdsHooksOptions>>((cors, cds) => cors.AddDefaultPolicy(policy =>
            // Origins from configuration only; none by default, so browsers on other sites get no access.
            policy.WithOrigins([.. cds.Value.AllowedOrigins]).WithMethods("GET", "POST").WithHeaders("Authorization", "Content-Type")));
        services.AddRateLimiter(limits =>
        {
            limits.OnRejected = RejectedAsync;
            limits.AddPolicy(FeedbackLimit, http =>
            {
                var o = http.RequestServices.GetRequiredService<IOptions<CdsHooksOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = o.FeedbackPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });

        // Hook calls are admitted by HookCallGate (body first, then a slot); every call has one deadline, its
        // upload included, so that neither a slow client nor a slow dependency holds the service's resources.
        services.AddSingleton<ServiceExceptionHandler>();
        services.AddSingleton<HookCallGate>();
        services.AddRequestTimeouts();
        services.AddOptions<Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutOptions>().Configure<IOptions<CdsHooksOptions>>((timeouts, cds) =>
            timeouts.AddPolicy(Deadline, new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy
            {
                Timeout = cds.Value.RequestTimeout,
                WriteTimeoutResponse = WriteDeadlineAnswerAsync,
            }));

        // One advisor for the life of the process: loading the knowledge base compiles every rule, and the
        // advisor is immutable and thread-safe. The knowledge base (and a clinic rule file, if configured
        // under AsMassageAdvisor:ClinicRulesPath) is loaded and checked when the host starts.
        services.AddAsMassageAdvisor(o => builder.Configuration.GetSection("AsMassageAdvisor").Bind(o));
        services.AddSingleton<IPlanAssessor, AdvisorPlanAssessor>();
        services.AddSingleton<PatientDataResolver>();
        services.AddSingleton<HookService>();
        services.AddSingleton<IssuedCards>();
        services.AddSingleton<FeedbackFileExport>();
        services.AddSingleton<CdsTelemetry>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("as-massage-advisor-cds", serviceVersion: CdsServiceCatalogue.Version))
            .WithMetrics(metrics => metrics.AddMeter(CdsTelemetry.Name).AddAspNetCoreInstrumentation())
            .WithTracing(tracing => tracing.AddSource(CdsTelemetry.Name).AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Exported only where a collector is named (OTEL_EXPORTER_OTLP_ENDPOINT and the other OTEL_* variables).
            telemetry.UseOtlpExporter();
        }
        services.AddHealthChecks()
            .AddCheck<KnowledgeBaseHealthCheck>(KnowledgeBaseHealthCheck.Name, tags: [Ready])
            .AddCheck<FeedbackDatabaseHealthCheck>(FeedbackDatabaseHealthCheck.Name, tags: [Ready]);
        services.AddSingleton(provider => NewFeedbackStore(
            provider.GetRequiredService<IOptions<CdsHooksOptions>>().Value.Feedback, provider.GetRequiredService<IHostEnvironment>().ContentRootPath));

        // One database for feedback, the cards shown and the used token ids.
        services.AddSingleton<IFeedbackStore>(provider => provider.GetRequiredService<SqlFeedbackStore>());
        services.AddSingleton<ITokenIdStore>(provider => provider.GetRequiredService<SqlFeedbackStore>());
        services.AddHttpClient(FhirServerClient.HttpClientName, c =>
            {
                // The call's own time limit (CdsHooks:FhirServerTimeout) governs; sizes are capped while reading.
                c.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect could lead the caller's token off the allowed server: 3xx is an answer, not followed.
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectCallback = ConnectGuard.ConnectAsync,
            })
            // The default HTTP logging writes each address, which names the patient, at Information.
            .RemoveAllLoggers()
            .AddLogger<FhirFetchLog>();
        services.AddSingleton<FhirFetchLog>();
        services.AddHttpClient(TrustedClientKeys.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        var app = builder.Build();
        app.Services.GetRequiredService<TrustedClientKeys>().LoadFiles();
        var settings = app.Services.GetRequiredService<IOptions<CdsHooksOptions>>().Value;
        if (settings.AllowUnauthenticated && !app.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"CdsHooks:AllowUnauthenticated is for local trials and is refused in the '{app.Environment.EnvironmentName}' environment; configure CdsHooks:TrustedClients instead.");
        }

        // The schema is made or brought up to date before the first call; a database that cannot be reached
        // stops the start, rather than the service answering hooks whose feedback it could not keep.
        app.Services.GetRequiredService<IFeedbackStore>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        app.Logger.FeedbackDatabaseReady(settings.Feedback.Provider);

        if (settings.AllowUnauthenticated)
        {
            app.Logger.UnauthenticatedCallsAllowed();
        }
        else if (settings.TrustedClients.Count == 0)
        {
            app.Logger.NoTrustedClients();
        }

        // Outermost, so that every error answer is counted, whoever wrote it (authentication, rate limits, handlers).
        var counter = app.Services.GetRequiredService<CdsTelemetry>();
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            finally
            {
                counter.RecordAnswer(http);
            }
        });
        app.UseExceptionHandler();
        app.UseCors();
        app.UseRequestTimeouts();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapGet("/cds-services", () => Results.Json(new { services = CdsServiceCatalogue.Services }));
        app.MapPost("/cds-services/{id}", AnswerHookAsync)
            .AddEndpointFilter(RefuseUnknownOrNotJsonAsync)
            // The one gate of the process (AddEndpointFilter<T> would make a new filter, and a new limiter, per call).
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<HookCallGate>().InvokeAsync(context, next))
            .RequireAuthorization(ClientAuthentication.Policy).WithRequestTimeout(Deadline);
        app.MapPost("/cds-services/{id}/feedback", StoreFeedbackAsync)
            .AddEndpointFilter(RefuseUnknownOrNotJsonAsync).RequireAuthorization(ClientAuthentication.Policy).RequireRateLimiting(FeedbackLimit)
            .WithRequestTimeout(Deadline);
        app.MapGet("/cds-services/{id}/report", ReportAsync).RequireAuthorization(ClientAuthentication.Policy).WithRequestTimeout(Deadline);

        // Probes for the orchestrator and the load balancer, with no token: they tell only whether the process
        // runs (live) and whether it can answer and keep feedback (ready), never an error's text.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthAnswer.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = HealthAnswer.WriteAsync });
        return app;
    }

    /// <summary>
    /// The content root: the app's own folder when the working directory has no settings file of its own, so
    /// that appsettings.json next to the built service is read wherever it is started from.
    /// </summary>
    private static string? ContentRoot(string[] args)
    {
        if (args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var appFolder = AppContext.BaseDirectory;
        return !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) && File.Exists(Path.Combine(appFolder, "appsettings.json"))
            ? appFolder
            : null;
    }

    /// <summary>Who a call is counted against for the feedback limit: the token's issuer, else the peer address.</summary>
    private static string ClientKey(HttpContext http) =>
        http.User.FindFirst("iss")?.Value is { } issuer
            ? "iss:" + issuer
            : "ip:" + (http.Connection.RemoteIpAddress ?? IPAddress.None);

    // Only feedback has a rate limit; hook calls are admitted by HookCallGate.
    private static async ValueTask RejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        context.HttpContext.Response.Headers.RetryAfter = "60";
        await ProblemResults.TooMuchFeedback().ExecuteAsync(context.HttpContext);
    }

    /// <summary>The answer when a call's deadline passes: 408 while its body was still arriving, else 503.</summary>
    private static async Task WriteDeadlineAnswerAsync(HttpContext http)
    {
        http.Items[CdsTelemetry.CauseKey] = "deadline";
        if (RequestBody.WasRead(http))
        {
            http.Response.Headers.RetryAfter = "5";
            await ProblemResults.TooSlow(ServiceExceptionHandler.EndpointOf(http)).ExecuteAsync(http);
            return;
        }

        await ProblemResults.BodyTooSlow().ExecuteAsync(http);
    }

    // The body was read by HookCallGate before the call took a slot.
    private static async Task<IResult> AnswerHookAsync(HttpContext http, HookService hooks, CancellationToken cancellationToken) =>
        Results.Text(await hooks.AnswerAsync(HookRequestReader.Read(RequestBody.Of(http)), cancellationToken), "application/json");

    private static async Task<IResult> StoreFeedbackAsync(
        string id,
        HttpRequest http,
        IFeedbackStore store,
        FeedbackFileExport export,
        IssuedCards issued,
        TimeProvider time,
        IOptions<CdsHooksOptions> options,
        ILogger<FeedbackFileExport> logger,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(http, options.Value.MaxFeedbackBodyBytes, cancellationToken);

        // Cards this process does not remember (issued by another replica, or before a restart) are looked up
        // in the database first, so that the reader checks feedback against them like any other.
        var unknown = FeedbackReader.CardUuids(body).Where(uuid => issued.Find(uuid) is null).ToList();
        foreach (var (uuid, card) in await store.FindIssuedAsync(unknown, cancellationToken))
        {
            issued.Remember(uuid, card);
        }

        var entries = FeedbackReader.Read(body, issued);
        var receivedAt = time.GetUtcNow();

        // Committed before the 200: an acknowledged entry is in the database even if the process dies now.
        await store.AppendAsync(id, FeedbackClient.Key(http.HttpContext.User), entries, receivedAt, cancellationToken);
        logger.FeedbackStored(entries.Count, entries.Count == 1 ? "y" : "ies");
        export.Append(id, entries, receivedAt);
        return Results.Ok();
    }

    /// <summary>
    /// The override-rate report: <c>?from=&amp;to=</c> (dates or date-times, UTC unless an offset is given; by
    /// default the last 30 days) and <c>format=json|text|svg</c>.
    /// </summary>
    private static async Task<IResult> ReportAsync(string id, HttpRequest http, IFeedbackStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!CdsServiceCatalogue.IsServiceId(id))
        {
            return ProblemResults.UnknownService(id);
        }

        var problems = new List<InputError>();
        var now = time.GetUtcNow();
        var to = When(http.Query["to"], "$.to", now, problems);
        var from = When(http.Query["from"], "$.from", to.AddDays(-30), problems);
        var format = http.Query["format"].ToString() is { Length: > 0 } f ? f : "json";
        if (!FeedbackReportWriter.Formats.Contains(format))
        {
            problems.Add(new InputError("$.format", "must be json, text or svg"));
        }

        if (problems.Count == 0 && from >= to)
        {
            problems.Add(new InputError("$.from", "must be before 'to'"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        var report = await store.ReportAsync(from, to, cancellationToken);
        return Results.Text(FeedbackReportWriter.Write(report, format), FeedbackReportWriter.MediaType(format));
    }

    private static DateTimeOffset When(string? value, string path, DateTimeOffset fallback, List<InputError> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var when))
        {
            return when;
        }

        problems.Add(new InputError(path, "must be a date (2026-11-01) or an ISO 8601 date and time"));
        return fallback;
    }

    /// <summary>The configured store: SQLite (a file under the content root by default) or PostgreSQL.</summary>
    private static SqlFeedbackStore NewFeedbackStore(FeedbackDatabaseOptions options, string contentRoot) =>
        options.Provider == FeedbackDatabaseOptions.Postgres
            ? new PostgresFeedbackStore(options.ConnectionString!)
            : new SqliteFeedbackStore(SqliteFeedbackStore.Resolve(options.ConnectionString, contentRoot));

    /// <summary>
    /// Refuses a call before its body is read: an unknown service (404) or a body that is not JSON (415). These
    /// are answers to the call's address and headers, not failures, so they are not exceptions.
    /// </summary>
    private static async ValueTask<object?> RefuseUnknownOrNotJsonAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var id = http.GetRouteValue("id") as string ?? "";
        return !CdsServiceCatalogue.IsServiceId(id) ? ProblemResults.UnknownService(id)
            : !IsJson(http.Request) ? ProblemResults.UnsupportedMediaType()
            : await next(context);
    }

    // A browser can send text/plain across origins without asking first; only JSON bodies are taken.
    private static bool IsJson(HttpRequest http) =>
        http.ContentType is { } type
        && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/fhir+json", StringComparison.OrdinalIgnoreCase));
}
