using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>
/// A tiny FHIR server on 127.0.0.1 for the service to fetch from: it answers fixed JSON for fixed
/// relative queries under <c>/fhir/</c>, records every request with its Authorization header, and can
/// be told to be slow or to fail.
/// </summary>
public sealed class FakeFhirServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeFhirServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The FHIR base address, ending in <c>/fhir</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received: the query relative to the base, and the Authorization header.</summary>
    public ConcurrentQueue<(string Query, string? Authorization)> Requests { get; } = new();

    /// <summary>Starts a server.</summary>
    /// <param name="answers">Relative query (e.g. <c>Condition?patient=p1</c>) to JSON body.</param>
    /// <param name="status">The status of every answer (200 unless given).</param>
    /// <param name="delay">A delay before every answer.</param>
    /// <param name="location">A Location header for every answer (with a 3xx status, a redirect).</param>
    public static async Task<FakeFhirServer> StartAsync(
        IReadOnlyDictionary<string, string> answers, int status = StatusCodes.Status200OK, TimeSpan delay = default, string? location = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeFhirServer? server = null;
        app.Run(async context =>
        {
            var query = Uri.UnescapeDataString(context.Request.Path.Value!["/fhir/".Length..] + context.Request.QueryString.Value);
            server!.Requests.Enqueue((query, context.Request.Headers.Authorization.FirstOrDefault()));
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            if (!answers.TryGetValue(query, out var body))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.StatusCode = status;
            if (location is not null)
            {
                context.Response.Headers.Location = location;
            }

            context.Response.ContentType = "application/fhir+json";
            await context.Response.WriteAsync(body, context.RequestAborted);
        });
        await app.StartAsync();
        server = new FakeFhirServer(app, new Uri(app.Urls.Single() + "/fhir"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
