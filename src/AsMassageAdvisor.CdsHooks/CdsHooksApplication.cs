using AsMassageAdvisor.CdsHooks.Discovery;
using AsMassageAdvisor.CdsHooks.Feedback;
using AsMassageAdvisor.CdsHooks.Fhir;
using AsMassageAdvisor.CdsHooks.Hooks;
using AsMassageAdvisor.Reading;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks;

/// <summary>
/// Builds the CDS Hooks service: discovery at <c>GET /cds-services</c>, the check at
/// <c>POST /cds-services/{id}</c> and feedback at <c>POST /cds-services/{id}/feedback</c>.
/// </summary>
public static class CdsHooksApplication
{
    /// <summary>Builds the application; it is not started.</summary>
    /// <param name="args">Command-line arguments (e.g. <c>--urls http://127.0.0.1:5080</c>, configuration overrides).</param>
    /// <returns>The application.</returns>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        var services = builder.Services;
        services.AddOptions<CdsHooksOptions>()
            .Bind(builder.Configuration.GetSection(CdsHooksOptions.Section))
            .Validate(o => o.FhirServerTimeoutSeconds > 0, "CdsHooks:FhirServerTimeoutSeconds must be positive")
            .Validate(o => !string.IsNullOrWhiteSpace(o.FeedbackFile), "CdsHooks:FeedbackFile must be set")
            .Validate(o => o.MaxRequestBodyBytes > 0, "CdsHooks:MaxRequestBodyBytes must be positive")
            .ValidateOnStart();
        services.AddProblemDetails();
        services.AddSingleton(TimeProvider.System);

        // One advisor for the life of the process: loading the knowledge base compiles every rule, and the
        // advisor is immutable and thread-safe. The knowledge base (and a clinic rule file, if configured
        // under AsMassageAdvisor:ClinicRulesPath) is loaded and checked when the host starts.
        services.AddAsMassageAdvisor(o => builder.Configuration.GetSection("AsMassageAdvisor").Bind(o));
        services.AddSingleton<IPlanAssessor, AdvisorPlanAssessor>();
        services.AddSingleton<PatientDataResolver>();
        services.AddSingleton<HookService>();
        services.AddSingleton<FeedbackStore>();
        services.AddHttpClient(FhirServerClient.HttpClientName, c =>
        {
            // The call's own time limit (CdsHooks:FhirServerTimeoutSeconds) governs; a search page is at most 32 MB.
            c.Timeout = Timeout.InfiniteTimeSpan;
            c.MaxResponseContentBufferSize = 32 * 1024 * 1024;
        });

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteFailureAsync });

        app.MapGet("/cds-services", () => Results.Json(new { services = CdsServiceCatalogue.Services }));
        app.MapPost("/cds-services/{id}", AnswerHookAsync);
        app.MapPost("/cds-services/{id}/feedback", StoreFeedbackAsync);
        return app;
    }

    private static async Task<IResult> AnswerHookAsync(
        string id, HttpRequest http, HookService hooks, IOptions<CdsHooksOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!CdsServiceCatalogue.IsServiceId(id))
        {
            return ProblemResults.UnknownService(id);
        }

        var logger = loggers.CreateLogger("AsMassageAdvisor.CdsHooks.Hook");
        try
        {
            var body = await ReadBodyAsync(http, options.Value.MaxRequestBodyBytes, cancellationToken);
            var request = HookRequestReader.Read(body);
            var json = await hooks.AnswerAsync(request, cancellationToken);
            return Results.Text(json, "application/json");
        }
        catch (InvalidRequestException ex)
        {
            LogRejected(logger, StatusCodes.Status400BadRequest, ex.Errors);
            return ProblemResults.BadRequest("The hook request cannot be used; no advice was given.", ex.Errors);
        }
        catch (PlanNotAssessableException ex)
        {
            LogRejected(logger, StatusCodes.Status400BadRequest, ex.Errors);
            return ProblemResults.BadRequest(
                "The draft orders and the patient's data, as read, are not an assessable request; no advice was given.", ex.Errors);
        }
        catch (RequiredDataUnavailableException ex)
        {
            logger.LogWarning("Hook call answered 412: missing {Keys}", string.Join(",", ex.Keys));
            logger.LogDebug(ex, "Hook call answered 412");
            return ProblemResults.PreconditionFailed(ex.Message, ex.Keys);
        }
    }

    private static async Task<IResult> StoreFeedbackAsync(
        string id, HttpRequest http, FeedbackStore store, IOptions<CdsHooksOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!CdsServiceCatalogue.IsServiceId(id))
        {
            return ProblemResults.UnknownService(id);
        }

        var logger = loggers.CreateLogger("AsMassageAdvisor.CdsHooks.Feedback");
        try
        {
            var body = await ReadBodyAsync(http, options.Value.MaxRequestBodyBytes, cancellationToken);
            var entries = FeedbackReader.Read(body);
            store.Append(id, entries);
            logger.LogInformation("Stored {Count} feedback entr{Suffix}", entries.Count, entries.Count == 1 ? "y" : "ies");
            return Results.Ok();
        }
        catch (InvalidRequestException ex)
        {
            LogRejected(logger, StatusCodes.Status400BadRequest, ex.Errors);
            return ProblemResults.BadRequest("The feedback cannot be used; nothing was stored.", ex.Errors);
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest http, long limit, CancellationToken cancellationToken)
    {
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        try
        {
            using var buffer = new MemoryStream();
            await http.Body.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length == 0)
            {
                throw new InvalidRequestException([new InputError("$", "the request body is empty; a JSON object is expected")]);
            }

            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
        catch (BadHttpRequestException ex)
        {
            throw new InvalidRequestException([new InputError("$", ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"the request body is larger than {limit} bytes"
                : "the request body could not be read: " + ex.Message)]);
        }
    }

    private static void LogRejected(ILogger logger, int status, IReadOnlyList<InputError> problems)
    {
        // The problems may quote values from the patient's record: their text is for Debug only.
        logger.LogWarning("Request answered {Status}: {Count} problem(s)", status, problems.Count);
        logger.LogDebug("Request answered {Status}: {Problems}", status, string.Join("; ", problems));
    }

    private static async Task WriteFailureAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AsMassageAdvisor.CdsHooks");
        logger.LogError("Request {TraceId} failed with {Exception}; answered 500", context.TraceIdentifier, error?.GetType().Name);
        logger.LogDebug(error, "Request {TraceId} failed", context.TraceIdentifier);

        var feedback = context.Request.Path.Value?.EndsWith("/feedback", StringComparison.Ordinal) == true;
        await (feedback ? ProblemResults.FeedbackFailure() : ProblemResults.HookFailure()).ExecuteAsync(context);
    }
}
